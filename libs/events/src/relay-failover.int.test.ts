/**
 * Relay failures: a relay process killed between publish and mark, and two relays on one
 * database. Nothing is lost and no aggregate sees its events out of order.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { appendToOutbox } from '@posa/db';
import { KafkaEventConsumer } from './consumer';
import { ensureTopics } from './ensure-topics';
import { KafkaEventPublisher } from './producer';
import { OutboxRelay } from './relay';
import {
  appliedVersions,
  expectedVersions,
  openHarness,
  recordApplied,
  recordsInTopic,
  unpublishedCount,
  waitFor,
  writeEvents,
  type Harness,
} from './test-support/harness.fixture';

let h: Harness;
const publishers: KafkaEventPublisher[] = [];

beforeAll(async () => {
  h = await openHarness('events_failover');
});

afterAll(async () => {
  await Promise.all(publishers.map((p) => p.disconnect()));
  await h?.close();
});

function newPublisher(): KafkaEventPublisher {
  const publisher = new KafkaEventPublisher({ brokers: h.brokers, clientId: 'it-relay' });
  publishers.push(publisher);
  return publisher;
}

async function consumeAll(
  topic: string,
  expected: number,
): Promise<{ group: string; duplicates: number }> {
  const group = `it-failover-${randomUUID().slice(0, 8)}`;
  const consumer = new KafkaEventConsumer({
    brokers: h.brokers,
    groupId: group,
    topics: [topic],
    pool: h.pool,
    handler: recordApplied(group),
  });
  await consumer.start();
  try {
    await waitFor(`${expected} events applied`, () => consumer.stats.applied >= expected);
    return { group, duplicates: consumer.stats.duplicates };
  } finally {
    await consumer.stop();
  }
}

function runCrashingRelay(batchSize: number, crashAfter: number): Promise<NodeJS.Signals | null> {
  const script = join(__dirname, 'test-support', 'crashing-relay.fixture.ts');
  const child = spawn(process.execPath, ['--conditions=posa-src', '--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: h.db.url,
      KAFKA_BROKERS: h.brokers.join(','),
      BATCH_SIZE: String(batchSize),
      CRASH_AFTER_BATCHES: String(crashAfter),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve(signal));
  });
}

it('resumes after a relay is killed between publish and mark: duplicates only, no loss, order kept', async () => {
  await writeEvents(h.pool, h.topic, { aggregates: 10, perAggregate: 50, perTransaction: 20 });
  expect(await runCrashingRelay(100, 3)).toBe('SIGKILL');
  // Two batches were marked; the third reached Kafka but was never marked.
  expect(await unpublishedCount(h.pool)).toBe(300);
  expect(await recordsInTopic(h.brokers, h.topic)).toBe(300);

  const relay = new OutboxRelay({
    pool: h.pool,
    publisher: newPublisher(),
    name: 'it',
    batchSize: 100,
  });
  relay.start();
  await waitFor('outbox drained', async () => (await unpublishedCount(h.pool)) === 0);
  await relay.stop();
  expect(await recordsInTopic(h.brokers, h.topic)).toBe(600);

  const { group, duplicates } = await consumeAll(h.topic, 500);
  expect(duplicates).toBe(100);
  expect(await appliedVersions(h.pool, group)).toEqual(expectedVersions(10, 50));
});

it('lets only one of two relays on a database publish, and the other take over', async () => {
  await h.pool.query('DELETE FROM posa_outbox');
  const topic = `${h.topic}.two`;
  await ensureTopics(h.brokers, [{ name: topic, partitions: 3, retentionMs: 3_600_000 }]);
  const a = new OutboxRelay({
    pool: h.pool,
    publisher: newPublisher(),
    name: 'a',
    batchSize: 50,
    leaderRetryMs: 100,
  });
  const b = new OutboxRelay({
    pool: h.pool,
    publisher: newPublisher(),
    name: 'b',
    batchSize: 50,
    leaderRetryMs: 100,
  });
  a.start();
  b.start();
  try {
    await writeEvents(h.pool, topic, { aggregates: 10, perAggregate: 30, perTransaction: 10 });
    await waitFor('first round drained', async () => (await unpublishedCount(h.pool)) === 0);
    const [leader, follower] = a.isLeader ? [a, b] : [b, a];
    expect(leader.isLeader).toBe(true);
    expect(follower.isLeader).toBe(false);
    expect(leader.stats.published).toBe(300);
    expect(follower.stats.published).toBe(0);

    await leader.stop();
    await writeEvents(h.pool, topic, {
      aggregates: 10,
      perAggregate: 20,
      perTransaction: 10,
      firstVersion: 31,
    });
    await waitFor('second round drained', async () => (await unpublishedCount(h.pool)) === 0);
    expect(follower.isLeader).toBe(true);
    expect(follower.stats.published).toBe(200);
    expect(leader.stats.published).toBe(300);
    expect(await recordsInTopic(h.brokers, topic)).toBe(500);

    const { group, duplicates } = await consumeAll(topic, 500);
    expect(duplicates).toBe(0);
    expect(await appliedVersions(h.pool, group)).toEqual(expectedVersions(10, 50));
  } finally {
    await a.stop();
    await b.stop();
  }
});

it('publishes rows of a transaction that commits after later rows were published', async () => {
  await h.pool.query('DELETE FROM posa_outbox');
  const topic = `${h.topic}.late`;
  await ensureTopics(h.brokers, [{ name: topic, partitions: 3, retentionMs: 3_600_000 }]);
  const relay = new OutboxRelay({
    pool: h.pool,
    publisher: newPublisher(),
    name: 'it',
    batchSize: 50,
  });
  const late = await h.pool.connect();
  try {
    // The late transaction takes the lowest seq, then stays open while 250 rows pass it.
    await late.query('BEGIN');
    await appendToOutbox(late, [
      {
        topic,
        aggregateType: 'test',
        aggregateId: 'late-0',
        type: 'com.posa.test.version-written.v1',
        source: '/services/test',
        payload: Buffer.from('1'),
      },
    ]);
    relay.start();
    await writeEvents(h.pool, topic, { aggregates: 5, perAggregate: 50, perTransaction: 25 });
    await waitFor('visible rows published', async () => relay.stats.published === 250);
    await late.query('COMMIT');
    await waitFor('late row published', async () => (await unpublishedCount(h.pool)) === 0);
    expect(relay.stats.published).toBe(251);
  } finally {
    late.release();
    await relay.stop();
  }
  const { group } = await consumeAll(topic, 251);
  expect(await appliedVersions(h.pool, group)).toEqual({
    ...expectedVersions(5, 50),
    'late-0': [1],
  });
});
