/**
 * The month-entitlements bench's database on the running PostgreSQL: the cases migrations
 * (which seed the policy catalogue), then synthetic cases, their approval decisions and their
 * periods loaded with COPY (secondary indexes and the exclusion constraint dropped during the
 * load and rebuilt after, foreign keys not checked row by row). Named after seed, count and
 * month and marked complete at the end, so a rerun with the same figures reuses it; a
 * half-loaded or outdated one is dropped and loaded again.
 */
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATIONS_DIR } from '../../../services/cases/src/app';
import { loadCommunes } from '../households/commune-loader';
import { dropForLoad, finish, keptBenchDatabase, withClient, write } from '../bench-database-parts';
import { generateCases } from './synthetic-cases';

export interface CasesBenchDatabase {
  url: string;
  /** Cases whose period covers the month. */
  covering: number;
  /** All cases loaded. */
  cases: number;
  loadedNow: boolean;
}

const TABLES = ['social_case', 'case_decision', 'entitlement_period'] as const;

/** A valid version-4 UUID made from a counter, so the three COPY streams agree on ids. */
export function benchUuid(kind: 3 | 4 | 5 | 6 | 7, n: number): string {
  return `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const nullable = (v: string | number | null): string => (v === null ? '\\N' : String(v));
const textArray = (codes: string[]): string => `{${codes.join(',')}}`;
const monthAfter = (m: string): string => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`;
};

async function load(
  url: string,
  seed: number,
  count: number,
  month: string,
  log: (s: string) => void,
) {
  const clients = [
    new Client({ connectionString: url }),
    new Client({ connectionString: url }),
    new Client({ connectionString: url }),
  ] as const;
  for (const c of clients) await c.connect();
  try {
    const restore = await dropForLoad(clients[0], TABLES);
    for (const c of clients) await c.query(`SET session_replication_role = replica`);
    const cases = clients[0].query(
      copyFrom(`COPY social_case (id, code, kind, status, commune_code, province_code, member_id,
        household_id, full_name, birth_year, birth_month, birth_day, sex, citizen_id,
        category_codes, disability_level, care_support_type_code, payment_channel,
        application_date, channel, procedure_code, created_by, version, created_at, updated_at)
        FROM STDIN`),
    );
    const decisions = clients[1].query(
      copyFrom(`COPY case_decision (id, case_id, kind, number, signed_on, signer, effective_month,
        unit_code, recorded_by, recorded_at) FROM STDIN`),
    );
    const periods = clients[2].query(
      copyFrom(`COPY entitlement_period (id, case_id, citizen_id, kind, months, suspended,
        category_codes, disability_level, care_support_type_code, decision_id) FROM STDIN`),
    );
    const now = new Date().toISOString();
    const started = Date.now();
    let total = 0;
    for (const c of generateCases({ seed, count, communes: loadCommunes(), month })) {
      total++;
      const caseId = benchUuid(3, c.n);
      const decisionId = benchUuid(4, c.n);
      const start = `${c.fromMonth}-01`;
      const cats = textArray(c.categoryCodes);
      const procedure = start < '2025-07-01' ? 'nd20-2021' : 'nd147-2025';
      const row = [
        caseId,
        c.code,
        c.kind,
        c.status,
        c.communeCode,
        c.provinceCode,
        benchUuid(6, c.n),
        benchUuid(7, c.n),
        'Người Hưởng',
        c.birthYear,
        c.birthMonth,
        c.birthDay,
        c.sex,
        c.citizenId,
        cats,
        nullable(c.disabilityLevel),
        nullable(c.careSupportTypeCode),
        'cash_at_commune',
        start,
        'staff',
        procedure,
        'bench',
        1,
        now,
        now,
      ];
      await write(cases, row.join('\t') + '\n');
      const decision = [
        decisionId,
        caseId,
        'approval',
        `${c.code}/QĐ-UBND`,
        start,
        'Chủ tịch UBND',
        start,
        c.communeCode,
        'bench',
        now,
      ];
      await write(decisions, decision.join('\t') + '\n');
      const months = `[${start},${c.toMonth === null ? '' : monthAfter(c.toMonth)})`;
      const period = [
        benchUuid(5, c.n),
        caseId,
        c.citizenId,
        c.kind,
        months,
        c.suspended,
        cats,
        nullable(c.disabilityLevel),
        nullable(c.careSupportTypeCode),
        decisionId,
      ];
      await write(periods, period.join('\t') + '\n');
      if (total % 200_000 === 0) log(`copied ${total} cases (${Date.now() - started} ms)`);
    }
    await Promise.all([finish(cases), finish(decisions), finish(periods)]);
    log(
      `copy of ${total} cases done in ${Date.now() - started} ms; rebuilding ${restore.length} indexes`,
    );
    await clients[0].query(`SET maintenance_work_mem = '512MB'`);
    for (const statement of restore) {
      const t = Date.now();
      await clients[0].query(statement);
      log(`${statement.slice(0, 60)}… in ${Date.now() - t} ms`);
    }
    for (const table of TABLES) await clients[0].query(`VACUUM ANALYZE ${table}`);
    await clients[0].query('CREATE TABLE bench_load (covering integer, cases integer)');
    await clients[0].query('INSERT INTO bench_load VALUES ($1, $2)', [count, total]);
  } finally {
    for (const c of clients) await c.end();
  }
}

/** The loaded database for seed, count and month, loading it first when needed. */
export async function casesBenchDatabase(
  seed: number,
  count: number,
  month: string,
  log: (s: string) => void,
): Promise<CasesBenchDatabase> {
  const name = `bench_case_entitlements_s${seed}_n${count}_m${month.replace('-', '')}`;
  const { url, loadedNow } = await keptBenchDatabase(name, MIGRATIONS_DIR, async (loadUrl) => {
    log(`loading ${count} covering cases into ${name}`);
    await load(loadUrl, seed, count, month, log);
  });
  const { covering, cases } = await withClient(
    url,
    async (c) =>
      (await c.query<{ covering: number; cases: number }>('SELECT covering, cases FROM bench_load'))
        .rows[0]!,
  );
  return { url, covering, cases, loadedNow };
}
