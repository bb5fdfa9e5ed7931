/**
 * The Kafka broker restarts while events are being written, relayed and consumed:
 * afterwards every event has been applied exactly once and in order per aggregate.
 */
import { randomUUID } from 'node:crypto';
import { canRestartKafka, restartKafka } from '@posa/testing';
import { KafkaEventConsumer } from './consumer';
import { KafkaEventPublisher } from './producer';
import { OutboxRelay } from './relay';
import {
  appliedCount,
  appliedVersions,
  expectedVersions,
  openHarness,
  recordApplied,
  waitFor,
  writeEvents,
  type Harness,
} from './test-support/harness.fixture';

const AGGREGATES = 20;
const PER_AGGREGATE = 100;

let h: Harness;

beforeAll(async () => {
  h = await openHarness('events_restart', 4);
});

afterAll(async () => {
  await h?.close();
});

it('loses nothing, applies nothing twice and keeps per-aggregate order across a broker restart', async () => {
  if (!(await canRestartKafka())) {
    console.warn(
      'SKIPPED broker restart: the brokers in use are not the local Kafka process of scripts/infra',
    );
    return;
  }
  const group = `it-restart-${randomUUID().slice(0, 8)}`;
  const publisher = new KafkaEventPublisher({ brokers: h.brokers, clientId: 'it-relay' });
  const relay = new OutboxRelay({
    pool: h.pool,
    publisher,
    name: 'it',
    batchSize: 100,
    idleIntervalMs: 20,
    errorBackoff: { initialMs: 200, maxMs: 2_000, multiplier: 2 },
  });
  const consumer = new KafkaEventConsumer({
    brokers: h.brokers,
    groupId: group,
    topics: [h.topic],
    pool: h.pool,
    handler: recordApplied(group),
  });
  await consumer.start();
  relay.start();
  try {
    // 2,000 events in 20 rounds of 5 versions per aggregate; the broker restarts after round 5.
    for (let round = 0; round < 20; round += 1) {
      await writeEvents(h.pool, h.topic, {
        aggregates: AGGREGATES,
        perAggregate: 5,
        perTransaction: 20,
        firstVersion: round * 5 + 1,
      });
      if (round === 5) {
        await waitFor(
          'some events applied before the restart',
          async () => (await appliedCount(h.pool, group)) > 0,
        );
        await restartKafka();
      }
    }
    await waitFor(
      'all events applied after the restart',
      async () => (await appliedCount(h.pool, group)) >= AGGREGATES * PER_AGGREGATE,
      150_000,
    );
    expect(await appliedVersions(h.pool, group)).toEqual(
      expectedVersions(AGGREGATES, PER_AGGREGATE),
    );
  } finally {
    await relay.stop();
    await consumer.stop();
    await publisher.disconnect();
  }
}, 240_000);
