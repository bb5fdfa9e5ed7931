/**
 * A national month of payrolls (danh sách chi trả), with a baseline measured in the same run.
 *
 *   npm run bench:payroll -- [--cases N] [--seed N] [--month YYYY-MM] [--concurrency N]
 *     (or CASES, SEED, MONTH, CONCURRENCY in the environment)
 *
 * Loads a ledger of N active entitlements (default 1,000,000; synthetic-ledger.ts: the communes
 * of all 34 provinces, amounts from the cases catalogue, 60 % cash / 25 % post / 15 % bank) with
 * COPY into a database of the running PostgreSQL (kept and reused for the same seed, N and
 * month), removes the payrolls of earlier runs, then generates the month's payroll of every
 * commune with the service's own code (generateProvincePayrolls: one transaction per commune
 * under its advisory lock), --concurrency provinces at a time (default 2). Baseline: one bare
 * INSERT … SELECT writing the same lines into a scratch table (sql-baseline.ts); lines and total
 * must agree, with no exception. Then generates the month a second time, which must add zero
 * lines and no payroll. Prints seconds, lines/s, peak RSS and the ratio generation / baseline.
 * Target: all 1,000,000 lines in under 60 s on a 2-core machine.
 */
import { closePool, createPool } from '@posa/db';
import {
  generateProvincePayrolls,
  type ProvinceGeneration,
} from '../../../services/payments/src/store/payroll-generation';
import { ledgerBenchDatabase } from './bench-database';
import { baselineLines, clearPayrolls, generatedLines, type LinesTotal } from './sql-baseline';

function option(flag: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${flag}`);
  return (i >= 0 ? process.argv[i + 1] : process.env[env]) ?? fallback;
}

const CASES = Number(option('cases', 'CASES', '1000000'));
const SEED = Number(option('seed', 'SEED', '2026'));
const MONTH = option('month', 'MONTH', '2026-03');
const CONCURRENCY = Number(option('concurrency', 'CONCURRENCY', '2'));
if (!Number.isInteger(CASES) || CASES <= 0) throw new Error('--cases must be a positive integer');
if (!Number.isInteger(SEED)) throw new Error('--seed must be an integer');
if (!Number.isInteger(CONCURRENCY) || CONCURRENCY <= 0) {
  throw new Error('--concurrency must be a positive integer');
}
if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(MONTH)) throw new Error('--month must be YYYY-MM');
const log = (s: string): void => console.error(`[bench] ${s}`);

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const value = await run();
  return [value, Number(process.hrtime.bigint() - t) / 1e9];
}

interface MonthRun {
  payrolls: number;
  skipped: string[];
}

/** Every province's payrolls, `CONCURRENCY` provinces at a time. */
async function generateMonth(pool: ReturnType<typeof createPool>): Promise<MonthRun> {
  const { rows } = await pool.query<{ province_code: string }>(
    'SELECT DISTINCT province_code FROM ledger_commune ORDER BY province_code',
  );
  const queue = rows.map((r) => r.province_code);
  const stamp = {
    actorId: 'bench',
    actorUnitCode: 'VN',
    sourceAddress: '127.0.0.1',
    at: new Date(),
  };
  const done: ProvinceGeneration[] = [];
  const worker = async (): Promise<void> => {
    for (let province = queue.shift(); province !== undefined; province = queue.shift()) {
      done.push(await generateProvincePayrolls(pool, province, MONTH, stamp));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    payrolls: done.reduce((n, p) => n + p.results.length, 0),
    skipped: done.flatMap((p) => p.skipped.map((s) => `${s.communeCode}: ${s.reason}`)),
  };
}

async function counts(pool: ReturnType<typeof createPool>) {
  const { rows } = await pool.query<{ payrolls: string; exceptions: string; generations: string }>(
    `SELECT (SELECT count(*) FROM payroll WHERE month = $1::date) AS payrolls,
            (SELECT count(*) FROM payroll_exception) AS exceptions,
            (SELECT string_agg(DISTINCT generation::text, ',') FROM payroll) AS generations`,
    [`${MONTH}-01`],
  );
  const r = rows[0]!;
  return {
    payrolls: Number(r.payrolls),
    exceptions: Number(r.exceptions),
    generations: r.generations,
  };
}

function agree(what: string, a: LinesTotal, b: LinesTotal): void {
  if (a.lines !== b.lines || a.totalVnd !== b.totalVnd) {
    throw new Error(`${what}: ${JSON.stringify(a)} differs from ${JSON.stringify(b)}`);
  }
}

async function main(): Promise<void> {
  const db = await ledgerBenchDatabase(SEED, CASES, MONTH, log);
  log(
    `${db.cases} entitlements in ${db.communes} communes${db.loadedNow ? ' (loaded now)' : ' (reused)'}`,
  );
  const pool = createPool({
    url: db.url,
    max: CONCURRENCY + 1,
    applicationName: 'bench-payroll',
    statementTimeoutMs: 0,
  });
  try {
    await clearPayrolls(pool);
    await pool.query('VACUUM ANALYZE');
    const rssBefore = process.memoryUsage.rss();
    const [first, seconds] = await timed(() => generateMonth(pool));
    const generated = await generatedLines(pool, MONTH);
    const after = await counts(pool);
    log(
      `generated ${first.payrolls} payrolls, ${generated.lines} lines in ${seconds.toFixed(2)} s`,
    );
    if (first.skipped.length > 0) throw new Error(`communes skipped: ${first.skipped.join('; ')}`);
    if (after.payrolls !== db.communes || after.exceptions !== 0) {
      throw new Error(
        `expected ${db.communes} payrolls and no exception: ${JSON.stringify(after)}`,
      );
    }
    const [baseline, baselineSeconds] = await timed(() => baselineLines(pool, MONTH));
    agree('generated lines vs baseline', generated, baseline);
    if (generated.lines !== db.cases)
      throw new Error(`${generated.lines} lines for ${db.cases} cases`);
    const [second, secondSeconds] = await timed(() => generateMonth(pool));
    const again = await generatedLines(pool, MONTH);
    const afterSecond = await counts(pool);
    agree('second generation', again, generated);
    if (second.payrolls !== first.payrolls || afterSecond.payrolls !== after.payrolls) {
      throw new Error(`the second generation changed the payrolls: ${JSON.stringify(afterSecond)}`);
    }
    if (afterSecond.generations !== '2') throw new Error(`generations ${afterSecond.generations}`);
    const addedLines = again.lines - generated.lines;
    const addedPayrolls = afterSecond.payrolls - after.payrolls;
    log(`second generation added ${addedLines} lines and ${addedPayrolls} payrolls`);
    console.log(
      JSON.stringify(
        {
          bench: 'payments-payroll',
          month: MONTH,
          entitlements: db.cases,
          communes: db.communes,
          concurrency: CONCURRENCY,
          payrolls: first.payrolls,
          lines: generated.lines,
          totalVnd: generated.totalVnd,
          seconds: +seconds.toFixed(2),
          linesPerSecond: Math.round(generated.lines / seconds),
          baselineInsertSelectSeconds: +baselineSeconds.toFixed(2),
          ratioToBaseline: +(seconds / baselineSeconds).toFixed(1),
          secondRun: { seconds: +secondSeconds.toFixed(2), addedLines, addedPayrolls },
          rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
          peakRssProcessMb: Math.round(process.resourceUsage().maxRSS / 1024),
          targetSeconds: 60,
        },
        null,
        2,
      ),
    );
  } finally {
    await closePool(pool);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
