/**
 * startEventConsumption: the same handler fed from real Kafka (topics and dead-letter topic
 * created at start) or from the shared in-process bus, each event applied once through the inbox.
 */
import { randomBytes } from 'node:crypto';
import { startEventConsumption } from './event-consumption';
import { InProcessBus } from './in-process-bus';
import { createKafka } from './kafka-client';
import { silentLogger } from './logger';
import { KafkaEventPublisher } from './producer';
import { OutboxRelay } from './relay';
import { deadLetterTopic } from './topics';
import {
  appliedVersions,
  expectedVersions,
  openHarness,
  recordApplied,
  waitFor,
  writeEvents,
  type Harness,
} from './test-support/harness.fixture';

const logger = silentLogger;
let h: Harness;

beforeAll(async () => {
  h = await openHarness('events_consumption');
});

afterAll(async () => {
  await h?.close();
});

async function topicNames(brokers: string[]): Promise<string[]> {
  const admin = createKafka({ brokers, clientId: 'posa-it-admin' }).admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

it('consumes from Kafka, creating the topic it reads and its dead-letter topic', async () => {
  const suffix = randomBytes(4).toString('hex');
  const group = `it-consumption-${suffix}`;
  const topic = `posa.it-consumption-${suffix}.events.v1`;
  expect(await topicNames(h.brokers)).not.toContain(topic);
  const consumption = await startEventConsumption({
    service: group,
    topics: [topic],
    pool: h.pool,
    handler: recordApplied(group),
    transport: 'kafka',
    brokers: h.brokers,
    logger,
  });
  const publisher = new KafkaEventPublisher({ brokers: h.brokers, clientId: 'it-relay' });
  const relay = new OutboxRelay({ pool: h.pool, publisher, name: 'it', idleIntervalMs: 20 });
  relay.start();
  try {
    const names = await topicNames(h.brokers);
    expect(names).toContain(topic);
    expect(names).toContain(deadLetterTopic(group));
    await writeEvents(h.pool, topic, { aggregates: 3, perAggregate: 4, perTransaction: 5 });
    await waitFor('12 events applied', () => (consumption.kafka?.stats.applied ?? 0) >= 12);
    expect(await appliedVersions(h.pool, group)).toEqual(expectedVersions(3, 4));
  } finally {
    await relay.stop();
    await publisher.disconnect();
    await consumption.stop();
  }
});

it('consumes from the shared in-process bus', async () => {
  const group = 'it-consumption-bus';
  const bus = new InProcessBus();
  const consumption = await startEventConsumption({
    service: group,
    topics: [h.topic],
    pool: h.pool,
    handler: recordApplied(group),
    transport: 'in-process',
    brokers: [],
    bus,
    logger,
  });
  expect(consumption.kafka).toBeUndefined();
  const relay = new OutboxRelay({ pool: h.pool, publisher: bus, name: 'bus', idleIntervalMs: 10 });
  relay.start();
  try {
    await writeEvents(h.pool, h.topic, {
      aggregates: 2,
      perAggregate: 3,
      perTransaction: 2,
      prefix: 'bus',
    });
    await waitFor('6 events applied', () => bus.statsOf(group).applied >= 6);
    expect(await appliedVersions(h.pool, group)).toEqual(expectedVersions(2, 3, 'bus'));
  } finally {
    await relay.stop();
    await consumption.stop();
    bus.stop();
  }
});

it('subscribes nothing in process without a shared bus, and needs brokers for Kafka', async () => {
  const alone = await startEventConsumption({
    service: 'it-alone',
    topics: [h.topic],
    pool: h.pool,
    handler: recordApplied('it-alone'),
    transport: 'in-process',
    brokers: [],
    logger,
  });
  expect(alone.kafka).toBeUndefined();
  await alone.stop();
  await expect(
    startEventConsumption({
      service: 'it-no-brokers',
      topics: [h.topic],
      pool: h.pool,
      handler: recordApplied('it-no-brokers'),
      transport: 'kafka',
      brokers: [],
      logger,
    }),
  ).rejects.toThrow('KAFKA_BROKERS: required');
  await expect(
    startEventConsumption({
      service: 'it-no-topics',
      topics: [],
      pool: h.pool,
      handler: recordApplied('it-no-topics'),
      transport: 'in-process',
      brokers: [],
      logger,
    }),
  ).rejects.toThrow('topics: at least one topic is required');
});
