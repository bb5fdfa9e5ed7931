/**
 * Month entitlements at national scale, with a baseline measured in the same run.
 *
 *   npm run bench:case-entitlements -- [--cases N] [--seed N] [--month YYYY-MM]
 *     (or CASES, SEED, MONTH in the environment)
 *
 * Loads N synthetic cases covering the month (default 1,000,000, plus about 5 % that do not)
 * into a database of the running PostgreSQL (kept and reused for the same seed, N and month),
 * starts the real cases service on it (createApp: the gRPC server with token verification
 * against the running Keycloak), signs in a national analyst and streams
 * StreamMonthEntitlements for "VN" to a gRPC client in this process, which counts the lines
 * and sums the amounts. Baseline: one SQL aggregate computing the same total in the database
 * (sql-baseline.ts), run before and after the stream (the faster counts). The two totals must
 * agree. Prints cases, seconds, rows/s, peak RSS and the ratio stream / baseline. Target: all
 * 1,000,000 lines in under 10 s on a 2-core machine.
 */
import { randomBytes } from 'node:crypto';
import { closePool, createPool } from '@posa/db';
import { createGrpcClient, createLogger } from '@posa/platform';
import { PopulationSimulator } from '@posa/population';
import { EntitlementServiceClient } from '@posa/proto';
import { createUser, deleteUser, passwordGrant, realmUrl } from '@posa/testing';
import { createApp } from '../../../services/cases/src/app';
import { loadCasesConfig } from '../../../services/cases/src/config';
import { casesBenchDatabase } from './bench-database';
import { sqlMonthTotal } from './sql-baseline';

function option(flag: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${flag}`);
  return (i >= 0 ? process.argv[i + 1] : process.env[env]) ?? fallback;
}

const CASES = Number(option('cases', 'CASES', '1000000'));
const SEED = Number(option('seed', 'SEED', '2026'));
const MONTH = option('month', 'MONTH', '2026-03');
if (!Number.isInteger(CASES) || CASES <= 0) throw new Error('--cases must be a positive integer');
if (!Number.isInteger(SEED)) throw new Error('--seed must be an integer');
if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(MONTH)) throw new Error('--month must be YYYY-MM');
const log = (s: string): void => console.error(`[bench] ${s}`);
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const value = await run();
  return [value, Number(process.hrtime.bigint() - t) / 1e9];
}

async function main(): Promise<void> {
  const db = await casesBenchDatabase(SEED, CASES, MONTH, log);
  log(
    `${db.covering} covering cases of ${db.cases}${db.loadedNow ? ' (loaded now)' : ' (reused)'}`,
  );
  const simulator = new PopulationSimulator();
  await simulator.start();
  const app = createApp(
    loadCasesConfig({
      DATABASE_URL: db.url,
      GRPC_PORT: '0',
      HTTP_PORT: '0',
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      KEYCLOAK_ISSUER_URL: await realmUrl(),
      LOG_LEVEL: 'warn',
    }),
    createLogger({ service: 'cases', level: 'warn' }),
    { populationSimulator: simulator },
  );
  const baselinePool = createPool({ url: db.url, max: 1, statementTimeoutMs: 0 });
  const username = `bench-analyst-${randomBytes(3).toString('hex')}`;
  const password = `Bench-${randomBytes(6).toString('hex')}`;
  const userId = await createUser({ username, password, unitCode: 'VN', roles: ['analyst'] });
  try {
    const { grpcPort } = await app.start();
    const metadata = { authorization: `Bearer ${await passwordGrant(username, password)}` };
    const client = createGrpcClient(EntitlementServiceClient, `127.0.0.1:${grpcPort}`, {
      defaultDeadlineMs: 600_000,
    });
    const [year, month] = MONTH.split('-').map(Number) as [number, number];
    const stream = async (unitCode: string) => {
      let lines = 0;
      let messages = 0;
      let totalVnd = 0;
      let peakRss = 0;
      const states: Record<string, number> = {};
      const request = { unitCode, month: { year, month } };
      for await (const m of client.stream('streamMonthEntitlements', request, { metadata })) {
        messages++;
        for (const line of m.lines) {
          lines++;
          totalVnd += Number(line.amountVnd);
          states[line.state] = (states[line.state] ?? 0) + 1;
        }
        if (messages % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }
      if (!Number.isSafeInteger(totalVnd)) throw new Error('the total left the safe integer range');
      return { lines, messages, totalVnd, states, peakRss };
    };
    // Warm-up (not counted): one province through the same path, and the baseline's plan.
    await stream('01');
    const [before, baselineBefore] = await timed(() => sqlMonthTotal(baselinePool, MONTH));
    const rssBefore = process.memoryUsage.rss();
    const [result, seconds] = await timed(() => stream('VN'));
    const [after, baselineAfter] = await timed(() => sqlMonthTotal(baselinePool, MONTH));
    client.close();
    const baseline = Math.min(baselineBefore, baselineAfter);
    if (before.totalVnd !== after.totalVnd || before.lines !== result.lines) {
      throw new Error(`baseline and stream disagree: ${JSON.stringify({ before, after })}`);
    }
    if (String(result.totalVnd) !== before.totalVnd) {
      throw new Error(`stream total ${result.totalVnd} differs from SQL total ${before.totalVnd}`);
    }
    console.log(
      JSON.stringify(
        {
          bench: 'case-month-entitlements',
          month: MONTH,
          cases: result.lines,
          messages: result.messages,
          states: result.states,
          totalVnd: result.totalVnd,
          seconds: +seconds.toFixed(2),
          rowsPerSecond: Math.round(result.lines / seconds),
          baselineSqlSeconds: +baseline.toFixed(2),
          ratioToBaseline: +(seconds / baseline).toFixed(1),
          rssBeforeStreamMb: mb(rssBefore),
          peakRssDuringStreamMb: mb(Math.max(result.peakRss, rssBefore)),
          peakRssProcessMb: Math.round(process.resourceUsage().maxRSS / 1024),
          targetSeconds: 10,
        },
        null,
        2,
      ),
    );
  } finally {
    await app.stop(1000);
    await closePool(baselinePool);
    await simulator.stop();
    await deleteUser(userId);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
