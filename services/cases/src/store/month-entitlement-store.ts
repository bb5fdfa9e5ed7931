/**
 * Reads the allowance periods (giai đoạn hưởng) covering one month across a unit, in batches
 * from a server-side cursor: one read-only snapshot for the whole stream, memory bounded by
 * the batch size however many cases the unit has. Explicit SQL.
 */
import { type Month } from '@posa/platform';
import type pg from 'pg';
import type { DisabilityLevel } from '../domain/policy-catalogue';
import type { CaseKind } from '../domain/entitlement';

/** Which cases: those managed by one commune, by the communes of a province, or all. */
export type UnitScope =
  | { level: 'commune'; communeCode: string }
  | { level: 'province'; provinceCode: string }
  | { level: 'national' };

/** One case with the period covering the month, and what the amount depends on. */
export interface CoveringPeriodRow {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  communeCode: string;
  provinceCode: string;
  citizenId: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  fromMonth: Month;
  /** Inclusive; null while open. */
  toMonth: Month | null;
  suspended: boolean;
  categoryCodes: string[];
  disabilityLevel: DisabilityLevel | null;
  careSupportTypeCode: string | null;
  decisionId: string;
  decisionNumber: string;
}

/** Rows fetched per round trip. */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Category codes are joined with ',' in SQL (codes are [a-z0-9-]) because splitting a string
 * is much cheaper than parsing a text[] literal for a million rows. Months are formatted in
 * SQL so no Date (and no time zone) is involved.
 */
const SELECT_COVERING = `
  SELECT c.id AS "caseId", c.code AS "caseCode", c.kind, c.commune_code AS "communeCode",
         c.province_code AS "provinceCode", p.citizen_id AS "citizenId",
         c.birth_year AS "birthYear", c.birth_month AS "birthMonth", c.birth_day AS "birthDay",
         to_char(lower(p.months), 'YYYY-MM') AS "fromMonth",
         CASE WHEN upper_inf(p.months) THEN NULL
              ELSE to_char(upper(p.months) - 1, 'YYYY-MM') END AS "toMonth",
         p.suspended, array_to_string(p.category_codes, ',') AS "categoryCodes",
         p.disability_level AS "disabilityLevel",
         p.care_support_type_code AS "careSupportTypeCode",
         p.decision_id AS "decisionId", d.number AS "decisionNumber"
    FROM entitlement_period p
    JOIN social_case c ON c.id = p.case_id
    JOIN case_decision d ON d.id = p.decision_id
   WHERE p.months @> $1::date`;

function scopeClause(scope: UnitScope): { sql: string; params: string[] } {
  switch (scope.level) {
    case 'commune':
      return { sql: ' AND c.commune_code = $2', params: [scope.communeCode] };
    case 'province':
      return { sql: ' AND c.province_code = $2', params: [scope.provinceCode] };
    case 'national':
      return { sql: '', params: [] };
  }
}

type RawRow = Omit<CoveringPeriodRow, 'categoryCodes'> & { categoryCodes: string };

function rowOf(raw: RawRow): CoveringPeriodRow {
  return { ...raw, categoryCodes: raw.categoryCodes === '' ? [] : raw.categoryCodes.split(',') };
}

/**
 * Yields the periods covering `month` in batches, in no particular order (sorting a million
 * rows costs more than the whole stream; consumers key lines by case). The connection is
 * held (in a REPEATABLE READ READ ONLY transaction) until the generator finishes or is
 * returned early (a cancelled stream), then released; a failed connection is discarded.
 */
export async function* coveringPeriods(
  pool: pg.Pool,
  scope: UnitScope,
  month: Month,
  batchSize: number = DEFAULT_BATCH_SIZE,
): AsyncGenerator<CoveringPeriodRow[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const client = await pool.connect();
  let failure: Error | undefined;
  let finished = false;
  let pending: Promise<unknown> | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A slow reader (back-pressure from the gRPC client) leaves the transaction idle between
    // fetches; the pool's default would end the session after a minute.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '15min'");
    // Every row is read: plan for the whole result, not for the first rows.
    await client.query('SET LOCAL cursor_tuple_fraction = 1.0');
    const where = scopeClause(scope);
    await client.query(
      `DECLARE month_entitlements NO SCROLL CURSOR FOR ${SELECT_COVERING}${where.sql}`,
      [`${month}-01`, ...where.params],
    );
    const fetch = (): Promise<RawRow[]> => {
      const rows = client
        .query<RawRow>(`FETCH FORWARD ${batchSize} FROM month_entitlements`)
        .then((r) => r.rows);
      // Handled where it is awaited; this only keeps a failure while the caller is busy from
      // counting as an unhandled rejection.
      rows.catch(() => undefined);
      return rows;
    };
    // The next batch is fetched while the caller works on this one (PostgreSQL runs in its
    // own process); at most two batches are in memory.
    let next: Promise<RawRow[]> | undefined = fetch();
    while (next !== undefined) {
      const rows: RawRow[] = await next;
      next = rows.length === batchSize ? fetch() : undefined;
      pending = next;
      if (rows.length > 0) yield rows.map(rowOf);
    }
    await client.query('COMMIT');
    finished = true;
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // A fetch still under way when the caller stopped is waited for (its error is moot).
    await pending?.catch(() => undefined);
    // Returned early (a cancelled stream): roll back; failed: the connection is discarded.
    if (finished) client.release();
    else client.release(failure ?? (await rollbackQuietly(client)));
  }
}

/** Ends the open transaction after an early return; an error means the connection is dropped. */
async function rollbackQuietly(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
