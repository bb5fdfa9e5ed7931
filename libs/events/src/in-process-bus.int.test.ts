/**
 * The embedded wiring without Kafka: relay → in-process bus → consumer groups, each with
 * its own database and inbox. Exactly once, in order per aggregate, retries and dead letters.
 */
import type { Pool } from 'pg';
import { createPool, runMigrations } from '@posa/db';
import { createTestDatabase, type TestDatabase } from '@posa/testing';
import { InProcessBus } from './in-process-bus';
import { OutboxRelay } from './relay';
import {
  appliedVersions,
  expectedVersions,
  openHarness,
  recordApplied,
  unpublishedCount,
  waitFor,
  writeEvents,
  type Harness,
} from './test-support/harness.fixture';

let h: Harness;
let otherDb: TestDatabase;
let otherPool: Pool;

beforeAll(async () => {
  h = await openHarness('events_bus');
  otherDb = await createTestDatabase('events_bus_consumer');
  otherPool = createPool({ url: otherDb.url, max: 4 });
  await runMigrations(otherPool, { directory: null });
  await otherPool.query(`CREATE TABLE applied (
      n bigserial PRIMARY KEY, group_name text NOT NULL, event_id uuid NOT NULL,
      aggregate_id text NOT NULL, version integer NOT NULL)`);
});

afterAll(async () => {
  await otherPool?.end();
  await otherDb?.drop();
  await h?.close();
});

it('delivers every event once per group, in order, and skips redeliveries', async () => {
  const bus = new InProcessBus({
    retry: { maxAttempts: 3, backoff: { initialMs: 5, maxMs: 20, multiplier: 2 } },
  });
  bus.subscribe(h.topic, 'local', { pool: h.pool, handler: recordApplied('local') });
  bus.subscribe(h.topic, 'remote', { pool: otherPool, handler: recordApplied('remote') });
  let failures = 0;
  const flaky = recordApplied('flaky');
  bus.subscribe(h.topic, 'flaky', {
    pool: otherPool,
    handler: async (event, client) => {
      if (event.subject === 'agg-3' && failures < 2) {
        failures += 1;
        throw new Error('transient failure');
      }
      if (event.subject === 'agg-7') throw new Error('handler refuses this aggregate');
      await flaky(event, client);
    },
  });
  expect(() =>
    bus.subscribe(h.topic, 'local', { pool: h.pool, handler: recordApplied('x') }),
  ).toThrow('group: "local" is already subscribed');
  const relay = new OutboxRelay({
    pool: h.pool,
    publisher: bus,
    name: 'bus',
    batchSize: 64,
    idleIntervalMs: 10,
  });
  relay.start();
  try {
    await writeEvents(h.pool, h.topic, { aggregates: 10, perAggregate: 30, perTransaction: 15 });
    await waitFor('outbox drained', async () => (await unpublishedCount(h.pool)) === 0);
    // publish() resolved only after delivery, so the effects are there already.
    expect(await appliedVersions(h.pool, 'local')).toEqual(expectedVersions(10, 30));
    expect(await appliedVersions(otherPool, 'remote')).toEqual(expectedVersions(10, 30));
    const { 'agg-7': refused, ...flakyExpected } = expectedVersions(10, 30);
    expect(refused).toHaveLength(30);
    expect(await appliedVersions(otherPool, 'flaky')).toEqual(flakyExpected);
    expect(bus.statsOf('flaky')).toMatchObject({
      applied: 270,
      deadLettered: 30,
      retries: 2 + 30 * 2,
    });
    expect(bus.deadLetters).toHaveLength(30);
    expect(bus.deadLetters[0]).toMatchObject({
      group: 'flaky',
      attempts: 3,
      reason: 'Error: handler refuses this aggregate',
      event: { subject: 'agg-7', topic: h.topic },
    });

    await h.pool.query('UPDATE posa_outbox SET published_at = NULL');
    await waitFor('republished', async () => (await unpublishedCount(h.pool)) === 0);
    expect(bus.statsOf('local')).toMatchObject({ applied: 300, duplicates: 300 });
    expect(bus.statsOf('remote')).toMatchObject({ applied: 300, duplicates: 300 });
    expect(await appliedVersions(h.pool, 'local')).toEqual(expectedVersions(10, 30));
  } finally {
    await relay.stop();
  }
});
