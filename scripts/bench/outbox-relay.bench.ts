/**
 * Outbox relay throughput against real Kafka, with a baseline measured in the same run:
 * the same records sent by a bare kafkajs producer (same batch size, idempotence and acks).
 *
 *   npx tsx --conditions=posa-src scripts/bench/outbox-relay.bench.ts [events] [batchSize]
 *
 * Needs the local engines (`npm run infra:up`) or POSA_TEST_* variables. Targets: the relay
 * publishes at least 10,000 events/s and at least 0.5x the baseline.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, runMigrations } from '@posa/db';
import {
  createKafka,
  defaultPartitioner,
  ensureTopics,
  KafkaEventPublisher,
  OutboxRelay,
  readUnpublished,
  rowToEvent,
  silentLogger,
  toKafkaMessage,
} from '@posa/events';
import { createTestDatabase, getKafkaBrokers } from '@posa/testing';

const EVENTS = Number(process.argv[2] ?? 200_000);
const BATCH = Number(process.argv[3] ?? 1_000);
const AGGREGATES = 1_000;
const PARTITIONS = 6;

async function fillOutbox(pool: Pool, topic: string): Promise<void> {
  // 200-byte payloads, 1,000 aggregates, in chunks of 20,000 rows per statement.
  for (let from = 1; from <= EVENTS; from += 20_000) {
    const to = Math.min(EVENTS, from + 19_999);
    await pool.query(
      `INSERT INTO posa_outbox (id, topic, aggregate_type, aggregate_id, event_type, source, payload, headers)
       SELECT gen_random_uuid(), $1, 'bench', 'agg-' || (i % $2), 'com.posa.bench.something-happened.v1',
              '/services/bench', decode(rpad(md5(i::text), 400, md5((i + 1)::text)), 'hex'), '{}'::jsonb
         FROM generate_series($3::int, $4::int) AS i`,
      [topic, AGGREGATES, from, to],
    );
  }
}

async function timeRelay(pool: Pool, brokers: string[]): Promise<number> {
  const publisher = new KafkaEventPublisher({ brokers, clientId: 'bench-relay' });
  await publisher.connect();
  const relay = new OutboxRelay({
    pool,
    publisher,
    name: 'bench',
    batchSize: BATCH,
    idleIntervalMs: 5,
  });
  const started = process.hrtime.bigint();
  relay.start();
  while (relay.stats.published < EVENTS) await new Promise((r) => setTimeout(r, 5));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await relay.stop();
  await publisher.disconnect();
  return seconds;
}

async function timeBaseline(pool: Pool, brokers: string[], topic: string): Promise<number> {
  // Build the very same records up front (not timed), from the rows just published.
  await pool.query('UPDATE posa_outbox SET published_at = NULL, topic = $1', [topic]);
  const client = await pool.connect();
  const rows = await readUnpublished(client, EVENTS);
  client.release();
  const batches = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    batches.push(
      rows.slice(i, i + BATCH).map((row) => toKafkaMessage(rowToEvent(row, silentLogger))),
    );
  }
  const producer = createKafka({ brokers, clientId: 'bench-baseline' }).producer({
    createPartitioner: defaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const started = process.hrtime.bigint();
  for (const messages of batches)
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await producer.disconnect();
  return seconds;
}

async function main(): Promise<void> {
  const brokers = await getKafkaBrokers();
  const db = await createTestDatabase('bench_outbox');
  const pool = createPool({ url: db.url, max: 4, applicationName: 'bench-outbox-relay' });
  const suffix = randomBytes(4).toString('hex');
  const relayTopic = `posa.bench-${suffix}.events.v1`;
  const baselineTopic = `posa.bench-${suffix}-baseline.events.v1`;
  try {
    await runMigrations(pool, { directory: null });
    await ensureTopics(brokers, [
      { name: relayTopic, partitions: PARTITIONS, retentionMs: 3_600_000 },
      { name: baselineTopic, partitions: PARTITIONS, retentionMs: 3_600_000 },
    ]);
    await fillOutbox(pool, relayTopic);
    await pool.query('VACUUM ANALYZE posa_outbox');
    const relaySeconds = await timeRelay(pool, brokers);
    const baselineSeconds = await timeBaseline(pool, brokers, baselineTopic);
    const relayRate = EVENTS / relaySeconds;
    const baselineRate = EVENTS / baselineSeconds;
    console.log(
      JSON.stringify({
        bench: 'outbox-relay',
        events: EVENTS,
        batchSize: BATCH,
        relay: { seconds: +relaySeconds.toFixed(2), eventsPerSecond: Math.round(relayRate) },
        baseline: {
          seconds: +baselineSeconds.toFixed(2),
          eventsPerSecond: Math.round(baselineRate),
        },
        ratio: +(relayRate / baselineRate).toFixed(2),
        targets: { eventsPerSecond: 10_000, ratio: 0.5 },
      }),
    );
  } finally {
    await pool.end();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
