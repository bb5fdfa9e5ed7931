/** Acceptance samples and their items (explicit SQL). */
import type pg from 'pg';
import type { FieldKind } from '../domain/sampling-fields';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SampleStatus = 'open' | 'accepted' | 'rejected';

export interface SampleRecord {
  id: string;
  communeCode: string;
  provinceCode: string;
  purpose: string;
  seed: string;
  populationSize: number;
  populationDigest: string;
  sampleSize: number;
  status: SampleStatus;
  drawnBy: string;
  drawnUnitCode: string;
  drawnAt: Date;
  identityChecked: number | null;
  identityErrors: number | null;
  otherChecked: number | null;
  otherErrors: number | null;
  reasons: string[] | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface StoredFieldCheck {
  field: string;
  memberId: string | null;
  kind: FieldKind;
  error: boolean;
}

export interface SampleItemRecord {
  position: number;
  householdId: string;
  householdCode: string;
  checks: StoredFieldCheck[] | null;
  identityChecked: number | null;
  identityErrors: number | null;
  otherChecked: number | null;
  otherErrors: number | null;
  note: string | null;
  checkedBy: string | null;
  checkedAt: Date | null;
}

const SAMPLE_COLUMNS = `id, commune_code AS "communeCode", province_code AS "provinceCode", purpose,
  seed, population_size AS "populationSize", population_digest AS "populationDigest",
  sample_size AS "sampleSize", status, drawn_by AS "drawnBy", drawn_unit_code AS "drawnUnitCode",
  drawn_at AS "drawnAt", identity_checked AS "identityChecked",
  identity_errors AS "identityErrors", other_checked AS "otherChecked",
  other_errors AS "otherErrors", reasons, decided_by AS "decidedBy", decided_at AS "decidedAt"`;

const ITEM_COLUMNS = `position, household_id AS "householdId", household_code AS "householdCode",
  checks, identity_checked AS "identityChecked", identity_errors AS "identityErrors",
  other_checked AS "otherChecked", other_errors AS "otherErrors", note,
  checked_by AS "checkedBy", checked_at AS "checkedAt"`;

/** The active households of a commune (the sampling population). */
export async function activeHouseholds(
  db: Queryable,
  communeCode: string,
): Promise<Array<{ id: string; code: string }>> {
  const res = await db.query<{ id: string; code: string }>(
    `SELECT id, code FROM household WHERE commune_code = $1 AND status = 'active' ORDER BY id`,
    [communeCode],
  );
  return res.rows;
}

export async function insertSample(
  client: pg.PoolClient,
  s: SampleRecord,
  items: Array<{ householdId: string; householdCode: string }>,
): Promise<void> {
  await client.query(
    `INSERT INTO acceptance_sample (id, commune_code, province_code, purpose, seed,
       population_size, population_digest, sample_size, status, drawn_by, drawn_unit_code,
       drawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11)`,
    [
      s.id,
      s.communeCode,
      s.provinceCode,
      s.purpose,
      s.seed,
      s.populationSize,
      s.populationDigest,
      s.sampleSize,
      s.drawnBy,
      s.drawnUnitCode,
      s.drawnAt,
    ],
  );
  for (const [i, item] of items.entries()) {
    await client.query(
      `INSERT INTO acceptance_sample_item (sample_id, position, household_id, household_code)
       VALUES ($1, $2, $3, $4)`,
      [s.id, i + 1, item.householdId, item.householdCode],
    );
  }
}

/** The sample, locked FOR UPDATE when `lock` (inside a transaction). */
export async function findSample(
  db: Queryable,
  id: string,
  lock = false,
): Promise<SampleRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const res = await db.query<SampleRecord>(
    `SELECT ${SAMPLE_COLUMNS} FROM acceptance_sample WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0];
}

export async function findItems(db: Queryable, sampleId: string): Promise<SampleItemRecord[]> {
  const res = await db.query<SampleItemRecord>(
    `SELECT ${ITEM_COLUMNS} FROM acceptance_sample_item WHERE sample_id = $1 ORDER BY position`,
    [sampleId],
  );
  return res.rows;
}

/** Samples of a commune, of a province, or of the country (both null), newest first. */
export async function listSamples(
  db: Queryable,
  f: { communeCode: string | null; provinceCode: string | null; limit: number },
): Promise<SampleRecord[]> {
  const res = await db.query<SampleRecord>(
    `SELECT ${SAMPLE_COLUMNS} FROM acceptance_sample
     WHERE ($1::text IS NULL OR commune_code = $1) AND ($2::text IS NULL OR province_code = $2)
     ORDER BY drawn_at DESC, id LIMIT $3`,
    [f.communeCode, f.provinceCode, f.limit],
  );
  return res.rows;
}

/** Records (or replaces) an item's check; undefined when the household is not in the sample. */
export async function recordItemCheck(
  client: pg.PoolClient,
  sampleId: string,
  householdId: string,
  c: {
    checks: StoredFieldCheck[];
    identity: { checked: number; errors: number };
    other: { checked: number; errors: number };
    note: string;
    checkedBy: string;
    checkedAt: Date;
  },
): Promise<SampleItemRecord | undefined> {
  const res = await client.query<SampleItemRecord>(
    `UPDATE acceptance_sample_item SET checks = $3, identity_checked = $4, identity_errors = $5,
       other_checked = $6, other_errors = $7, note = $8, checked_by = $9, checked_at = $10
     WHERE sample_id = $1 AND household_id = $2
     RETURNING ${ITEM_COLUMNS}`,
    [
      sampleId,
      householdId,
      JSON.stringify(c.checks),
      c.identity.checked,
      c.identity.errors,
      c.other.checked,
      c.other.errors,
      c.note,
      c.checkedBy,
      c.checkedAt,
    ],
  );
  return res.rows[0];
}

/** Locks the decision on an open sample. */
export async function decideSample(
  client: pg.PoolClient,
  id: string,
  d: {
    accepted: boolean;
    identity: { checked: number; errors: number };
    other: { checked: number; errors: number };
    reasons: string[];
    decidedBy: string;
    decidedUnitCode: string;
    decidedAt: Date;
  },
): Promise<void> {
  const res = await client.query(
    `UPDATE acceptance_sample SET status = $2, identity_checked = $3, identity_errors = $4,
       other_checked = $5, other_errors = $6, reasons = $7, decided_by = $8,
       decided_unit_code = $9, decided_at = $10
     WHERE id = $1 AND status = 'open'`,
    [
      id,
      d.accepted ? 'accepted' : 'rejected',
      d.identity.checked,
      d.identity.errors,
      d.other.checked,
      d.other.errors,
      JSON.stringify(d.reasons),
      d.decidedBy,
      d.decidedUnitCode,
      d.decidedAt,
    ],
  );
  if (res.rowCount !== 1) throw new Error(`sample ${id}: not open any more`);
}
