/**
 * Replaying the cases topic into an empty entitlement ledger, with a baseline measured in the
 * same run.
 *
 *   npm run bench:ledger-replay -- [--events N] [--seed N] [--month YYYY-MM] [--batch N]
 *     (or EVENTS, SEED, MONTH, BATCH in the environment)
 *
 * Encodes N EntitlementChanged events of synthetic cases (entitlement-events.ts: CloudEvents as
 * the cases outbox writes them; default 100,000) and publishes them to a fresh topic of the
 * running Kafka. Then, each on its own consumer group: a bare consumer that only counts the
 * records (baseline), and the payments service's consumption (inbox + one transaction per event
 * through the ledger's handler) into an empty ledger database. Last, without Kafka, the same
 * events decoded and applied in batches of --batch (default 1,000) into a second empty ledger.
 * Both ledgers must then hold every case, one change per event and the month's expected total.
 * Prints events/s of each path, the ratio to the baseline and peak RSS. The topic, the consumer
 * group's dead-letter topic and the databases are removed at the end (the two groups' offsets
 * expire with the broker's offsets retention).
 */
import { randomBytes } from 'node:crypto';
import { closePool, createPool, runMigrations } from '@posa/db';
import { createKafka, deadLetterTopic, ensureTopics, EVENT_PARTITIONS } from '@posa/events';
import { createLogger } from '@posa/platform';
import { createTestDatabase, getKafkaBrokers, type TestDatabase } from '@posa/testing';
import { MIGRATIONS_DIR } from '../../../services/payments/src/app';
import { loadCommunes } from '../households/commune-loader';
import { entitlementEvents } from './entitlement-events';
import { applyInBatches, consumeIntoLedger, countOnly, publish } from './replay-paths';
import { generateLedger } from './synthetic-ledger';

function option(flag: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${flag}`);
  return (i >= 0 ? process.argv[i + 1] : process.env[env]) ?? fallback;
}

const EVENTS = Number(option('events', 'EVENTS', '100000'));
const SEED = Number(option('seed', 'SEED', '2026'));
const MONTH = option('month', 'MONTH', '2026-03');
const BATCH = Number(option('batch', 'BATCH', '1000'));
if (!Number.isInteger(EVENTS) || EVENTS <= 0)
  throw new Error('--events must be a positive integer');
if (!Number.isInteger(SEED)) throw new Error('--seed must be an integer');
if (!Number.isInteger(BATCH) || BATCH <= 0) throw new Error('--batch must be a positive integer');
if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(MONTH)) throw new Error('--month must be YYYY-MM');
const log = (s: string): void => console.error(`[bench] ${s}`);
const rate = (n: number, s: number): number => Math.round(n / s);

interface LedgerState {
  cases: number;
  changes: number;
  monthTotalVnd: string;
}

async function emptyLedger(
  prefix: string,
): Promise<{ db: TestDatabase; pool: ReturnType<typeof createPool> }> {
  const db = await createTestDatabase(prefix);
  const pool = createPool({ url: db.url, max: 4, applicationName: prefix });
  await runMigrations(pool, { directory: MIGRATIONS_DIR });
  return { db, pool };
}

async function ledgerState(pool: ReturnType<typeof createPool>): Promise<LedgerState> {
  const { rows } = await pool.query<{ cases: string; changes: string; total: string | null }>(
    `SELECT (SELECT count(*) FROM ledger_case) AS cases,
            (SELECT count(*) FROM ledger_change) AS changes,
            (SELECT sum(amount_vnd) FROM ledger_segment
              WHERE from_month <= $1::date AND (to_month IS NULL OR to_month >= $1::date)) AS total`,
    [`${MONTH}-01`],
  );
  const r = rows[0]!;
  return { cases: Number(r.cases), changes: Number(r.changes), monthTotalVnd: r.total ?? '0' };
}

async function main(): Promise<void> {
  const brokers = await getKafkaBrokers();
  const logger = createLogger({ service: 'payments', level: 'warn' });
  const ledger = generateLedger({
    seed: SEED,
    count: EVENTS,
    communes: loadCommunes(),
    month: MONTH,
  });
  const stream = entitlementEvents(ledger, MONTH, SEED, EVENTS);
  const n = stream.events.length;
  const expected: LedgerState = {
    cases: stream.cases,
    changes: n,
    monthTotalVnd: String(stream.monthTotalVnd),
  };
  log(`${n} events of ${stream.cases} cases encoded`);
  const suffix = randomBytes(4).toString('hex');
  const topic = `posa.bench-ledger-${suffix}.events.v1`;
  const countGroup = `bench-ledger-count-${suffix}`;
  const ledgerGroup = `bench-ledger-apply-${suffix}`;
  await ensureTopics(brokers, [
    { name: topic, partitions: EVENT_PARTITIONS, retentionMs: 3_600_000 },
  ]);
  const consumed = await emptyLedger('bench_ledger_replay_kafka');
  const batched = await emptyLedger('bench_ledger_replay_batch');
  try {
    const publishSeconds = await publish(brokers, topic, stream.events);
    log(`published in ${publishSeconds.toFixed(2)} s`);
    const baselineSeconds = await countOnly(brokers, topic, countGroup, n);
    log(`bare consumer counted ${n} in ${baselineSeconds.toFixed(2)} s`);
    const consumerSeconds = await consumeIntoLedger(
      consumed.pool,
      brokers,
      topic,
      ledgerGroup,
      n,
      logger,
    );
    log(`consumer applied ${n} in ${consumerSeconds.toFixed(2)} s`);
    const batchSeconds = await applyInBatches(batched.pool, stream.events, BATCH);
    log(`batches applied ${n} in ${batchSeconds.toFixed(2)} s`);
    for (const [name, pool] of [
      ['consumer', consumed.pool],
      ['batch', batched.pool],
    ] as const) {
      const state = await ledgerState(pool);
      if (JSON.stringify(state) !== JSON.stringify(expected)) {
        throw new Error(
          `${name} ledger ${JSON.stringify(state)} != expected ${JSON.stringify(expected)}`,
        );
      }
    }
    const baselineRate = rate(n, baselineSeconds);
    console.log(
      JSON.stringify(
        {
          bench: 'payments-ledger-replay',
          events: n,
          cases: stream.cases,
          monthTotalVnd: expected.monthTotalVnd,
          publish: {
            seconds: +publishSeconds.toFixed(2),
            eventsPerSecond: rate(n, publishSeconds),
          },
          baselineCountOnly: {
            seconds: +baselineSeconds.toFixed(2),
            eventsPerSecond: baselineRate,
          },
          consumer: {
            seconds: +consumerSeconds.toFixed(2),
            eventsPerSecond: rate(n, consumerSeconds),
            ratioToBaseline: +(rate(n, consumerSeconds) / baselineRate).toFixed(3),
          },
          batches: {
            batchSize: BATCH,
            seconds: +batchSeconds.toFixed(2),
            eventsPerSecond: rate(n, batchSeconds),
            ratioToBaseline: +(rate(n, batchSeconds) / baselineRate).toFixed(3),
          },
          ledgersAgree: true,
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      ),
    );
  } finally {
    await closePool(consumed.pool);
    await closePool(batched.pool);
    await consumed.db.drop();
    await batched.db.drop();
    const admin = createKafka({ brokers, clientId: 'bench-ledger-cleanup' }).admin();
    await admin.connect();
    const topics = new Set(await admin.listTopics());
    const remove = [topic, deadLetterTopic(ledgerGroup)].filter((t) => topics.has(t));
    await admin.deleteTopics({ topics: remove });
    await admin.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
