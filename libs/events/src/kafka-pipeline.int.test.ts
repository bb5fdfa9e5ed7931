/**
 * Outbox → relay → real Kafka → consumer with inbox → effects in a table: every event is
 * applied exactly once and in order per aggregate, also when Kafka delivers it again;
 * failing handlers and invalid records end in the dead-letter topic.
 */
import { randomUUID } from 'node:crypto';
import { KafkaEventConsumer } from './consumer';
import { toKafkaMessage } from './envelope';
import { createKafka, defaultPartitioner } from './kafka-client';
import { KafkaEventPublisher } from './producer';
import { OutboxRelay } from './relay';
import {
  appliedVersions,
  expectedVersions,
  openHarness,
  readRecords,
  recordApplied,
  recordsInTopic,
  unpublishedCount,
  waitFor,
  writeEvents,
  type Harness,
} from './test-support/harness.fixture';

const AGGREGATES = 30;
const PER_AGGREGATE = 20;
const TOTAL = AGGREGATES * PER_AGGREGATE;

let h: Harness;
let publisher: KafkaEventPublisher;
let relay: OutboxRelay;

beforeAll(async () => {
  h = await openHarness('events_pipeline');
  publisher = new KafkaEventPublisher({ brokers: h.brokers, clientId: 'it-relay' });
  relay = new OutboxRelay({
    pool: h.pool,
    publisher,
    name: 'it',
    batchSize: 100,
    idleIntervalMs: 20,
  });
  relay.start();
});

afterAll(async () => {
  await relay?.stop();
  await publisher?.disconnect();
  await h?.close();
});

function consumerFor(group: string, handler = recordApplied(group)): KafkaEventConsumer {
  return new KafkaEventConsumer({
    brokers: h.brokers,
    groupId: group,
    topics: [h.topic],
    pool: h.pool,
    handler,
    retry: { maxAttempts: 3, backoff: { initialMs: 10, maxMs: 50, multiplier: 2 } },
  });
}

describe('outbox to Kafka to inbox', () => {
  const group = `it-pipeline-${randomUUID().slice(0, 8)}`;

  it('applies every event exactly once, in order per aggregate', async () => {
    const consumer = consumerFor(group);
    await consumer.start();
    try {
      await writeEvents(h.pool, h.topic, {
        aggregates: AGGREGATES,
        perAggregate: PER_AGGREGATE,
        perTransaction: 25,
      });
      await waitFor('all events applied', () => consumer.stats.applied >= TOTAL);
      expect(await appliedVersions(h.pool, group)).toEqual(
        expectedVersions(AGGREGATES, PER_AGGREGATE),
      );
      expect(await unpublishedCount(h.pool)).toBe(0);
      expect(consumer.stats.duplicates).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it('skips every event delivered again (republished rows, offsets reset)', async () => {
    // The relay publishes everything a second time, as after a crash before marking.
    await h.pool.query('UPDATE posa_outbox SET published_at = NULL');
    await waitFor('republished', async () => (await unpublishedCount(h.pool)) === 0);
    expect(await recordsInTopic(h.brokers, h.topic)).toBe(2 * TOTAL);

    // The group's committed offsets go back to the start: all 2 x TOTAL records come again.
    const admin = createKafka({ brokers: h.brokers, clientId: 'it-admin' }).admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: group, topic: h.topic, earliest: true });
    await admin.disconnect();

    const consumer = consumerFor(group);
    await consumer.start();
    try {
      await waitFor('all records seen again', () => consumer.stats.duplicates >= 2 * TOTAL);
      expect(consumer.stats.applied).toBe(0);
      expect(await appliedVersions(h.pool, group)).toEqual(
        expectedVersions(AGGREGATES, PER_AGGREGATE),
      );
    } finally {
      await consumer.stop();
    }
  });
});

describe('dead letters', () => {
  it('dead-letters a record whose handler always fails and one that is no CloudEvent, and goes on', async () => {
    const group = `it-dlq-${randomUUID().slice(0, 8)}`;
    const applied = recordApplied(group);
    const consumer = consumerFor(group, async (event, client) => {
      if (event.subject === 'poison-0') throw new Error('handler refuses this aggregate');
      await applied(event, client);
    });
    await consumer.start();
    try {
      // The invalid record goes first, then the poison event, then ordinary events.
      const producer = createKafka({ brokers: h.brokers, clientId: 'it-raw' }).producer({
        createPartitioner: defaultPartitioner,
      });
      await producer.connect();
      const invalid = toKafkaMessage({
        id: randomUUID(),
        type: 'com.posa.test.version-written.v1',
        source: '/services/test',
        subject: 'broken-0',
        time: new Date().toISOString(),
        data: Buffer.from('1'),
      });
      delete invalid.headers.ce_type;
      await producer.send({ topic: h.topic, messages: [invalid] });
      await producer.disconnect();
      await writeEvents(h.pool, h.topic, {
        aggregates: 1,
        perAggregate: 1,
        perTransaction: 1,
        prefix: 'poison',
      });
      await writeEvents(h.pool, h.topic, {
        aggregates: 3,
        perAggregate: 5,
        perTransaction: 5,
        prefix: 'after',
      });

      await waitFor('later events applied and two dead letters', async () => {
        const versions = await appliedVersions(h.pool, group);
        const after = [0, 1, 2].every((a) => versions[`after-${a}`]?.length === 5);
        return after && consumer.stats.deadLettered >= 2;
      });
      expect(await appliedVersions(h.pool, group)).toEqual({
        ...expectedVersions(AGGREGATES, PER_AGGREGATE),
        ...expectedVersions(3, 5, 'after'),
      });
      expect(consumer.stats.deadLettered).toBe(2);
      expect(consumer.stats.retries).toBe(2);

      const dead = await readRecords(h.brokers, consumer.deadLetterTopic, 2);
      const poison = dead.find((r) => r.key === 'poison-0')!;
      expect(poison.headers).toMatchObject({
        posa_dlq_reason: 'Error: handler refuses this aggregate',
        posa_dlq_attempts: '3',
        posa_original_topic: h.topic,
        ce_subject: 'poison-0',
        ce_type: 'com.posa.test.version-written.v1',
      });
      expect(Number(poison.headers.posa_original_partition)).toBeGreaterThanOrEqual(0);
      expect(poison.headers.posa_original_offset).toMatch(/^\d+$/);
      expect(poison.value.toString()).toBe('1');
      const broken = dead.find((r) => r.key === 'broken-0')!;
      expect(broken.headers.posa_dlq_reason).toBe('invalid envelope: type: missing');
      expect(broken.headers.posa_dlq_attempts).toBe('0');
    } finally {
      await consumer.stop();
    }
  });
});
