/**
 * The payroll bench's database on the running PostgreSQL: the payments migrations, then a
 * ledger of synthetic entitlements (synthetic-ledger.ts) loaded with COPY into ledger_case,
 * ledger_segment, ledger_change and ledger_commune, as if each case's EntitlementChanged had been
 * applied once (secondary indexes dropped during the load and rebuilt after, foreign keys not
 * checked row by row). Named after seed, count and month and marked complete at the end, so a
 * rerun with the same figures reuses it; a half-loaded or outdated one is dropped and loaded
 * again. Payrolls of earlier runs are removed by the bench itself (clearPayrolls).
 */
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATIONS_DIR } from '../../../services/payments/src/app';
import { dropForLoad, finish, keptBenchDatabase, withClient, write } from '../bench-database-parts';
import { loadCommunes } from '../households/commune-loader';
import { generateLedger } from './synthetic-ledger';

export interface LedgerBenchDatabase {
  url: string;
  /** Cases in the ledger (all owe an amount in the bench month). */
  cases: number;
  /** Communes with at least one case. */
  communes: number;
  loadedNow: boolean;
}

const TABLES = ['ledger_commune', 'ledger_case', 'ledger_segment', 'ledger_change'] as const;

const day = (month: string): string => `${month}-01`;

/** Text-format COPY cell: the rows hold no tabs, newlines or backslashes. */
const row = (cells: ReadonlyArray<string | number | null>): string =>
  cells.map((c) => (c === null ? '\\N' : String(c))).join('\t') + '\n';

async function load(
  url: string,
  seed: number,
  count: number,
  month: string,
  log: (s: string) => void,
): Promise<void> {
  const clients = [0, 1, 2, 3].map(() => new Client({ connectionString: url }));
  for (const c of clients) await c.connect();
  const [first, second, third, fourth] = clients as [Client, Client, Client, Client];
  try {
    const restore = await dropForLoad(first, TABLES);
    for (const c of clients) await c.query(`SET session_replication_role = replica`);
    const cases = first.query(
      copyFrom(`COPY ledger_case (case_id, case_code, kind, commune_code, province_code,
        last_sequence, full_name, citizen_id, payment_channel, bank_code, account_number,
        death_month) FROM STDIN`),
    );
    const segments = second.query(
      copyFrom(`COPY ledger_segment (case_id, from_month, to_month, amount_vnd,
        coefficient_hundredths, base_level_vnd, category_code, decision_id) FROM STDIN`),
    );
    const changes = third.query(
      copyFrom(`COPY ledger_change (event_id, case_id, commune_code, change, sequence,
        from_month, decided_in_month) FROM STDIN`),
    );
    const perCommune = new Map<string, { province: string; changes: number }>();
    const started = Date.now();
    let total = 0;
    for (const e of generateLedger({ seed, count, communes: loadCommunes(), month })) {
      total++;
      const commune = perCommune.get(e.communeCode) ?? { province: e.provinceCode, changes: 0 };
      commune.changes++;
      perCommune.set(e.communeCode, commune);
      await write(
        cases,
        row([
          e.caseId,
          e.caseCode,
          e.kind,
          e.communeCode,
          e.provinceCode,
          1,
          e.fullName,
          e.citizenId,
          e.channel,
          e.bankCode,
          e.accountNumber,
          null,
        ]),
      );
      for (const s of e.segments) {
        await write(
          segments,
          row([
            e.caseId,
            day(s.fromMonth),
            s.toMonth === null ? null : day(s.toMonth),
            s.amountVnd,
            s.coefficientHundredths,
            s.baseLevelVnd,
            s.categoryCode,
            s.decisionId,
          ]),
        );
      }
      const eventId = e.caseId.replace(/^0000000b/, '0000000e');
      await write(
        changes,
        row([
          eventId,
          e.caseId,
          e.communeCode,
          'entitlement',
          1,
          day(e.fromMonth),
          day(e.decidedInMonth),
        ]),
      );
      if (total % 200_000 === 0) log(`copied ${total} entitlements (${Date.now() - started} ms)`);
    }
    await Promise.all([finish(cases), finish(segments), finish(changes)]);
    const communes = fourth.query(
      copyFrom('COPY ledger_commune (commune_code, province_code, changes) FROM STDIN'),
    );
    for (const [code, c] of perCommune) await write(communes, row([code, c.province, c.changes]));
    await finish(communes);
    log(`copy of ${total} entitlements done in ${Date.now() - started} ms; rebuilding indexes`);
    await first.query(`SET maintenance_work_mem = '512MB'`);
    for (const statement of restore) await first.query(statement);
    for (const table of TABLES) await first.query(`VACUUM ANALYZE ${table}`);
    await first.query('CREATE TABLE bench_load (cases integer, communes integer)');
    await first.query('INSERT INTO bench_load VALUES ($1, $2)', [total, perCommune.size]);
  } finally {
    for (const c of clients) await c.end();
  }
}

/** The loaded ledger for seed, count and month, loading it first when needed. */
export async function ledgerBenchDatabase(
  seed: number,
  count: number,
  month: string,
  log: (s: string) => void,
): Promise<LedgerBenchDatabase> {
  const name = `bench_payroll_s${seed}_n${count}_m${month.replace('-', '')}`;
  const { url, loadedNow } = await keptBenchDatabase(name, MIGRATIONS_DIR, async (loadUrl) => {
    log(`loading ${count} entitlements into ${name}`);
    await load(loadUrl, seed, count, month, log);
  });
  const loaded = await withClient(
    url,
    async (c) =>
      (await c.query<{ cases: number; communes: number }>('SELECT cases, communes FROM bench_load'))
        .rows[0]!,
  );
  return { url, ...loaded, loadedNow };
}
