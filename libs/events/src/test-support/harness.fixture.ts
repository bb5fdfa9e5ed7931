/**
 * Shared set-up of this library's integration tests: a fresh database with the platform
 * tables and an `applied` table that handlers write to, a fresh topic, and assertions.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { appendToOutbox, createPool, runMigrations, withTransaction } from '@posa/db';
import { createTestDatabase, getKafkaBrokers, type TestDatabase } from '@posa/testing';
import { createKafka } from '../kafka-client';
import { ensureTopics } from '../ensure-topics';
import type { EventHandler } from '../received-event';

export interface Harness {
  db: TestDatabase;
  pool: Pool;
  brokers: string[];
  suffix: string;
  topic: string;
  close(): Promise<void>;
}

export async function openHarness(prefix: string, partitions = 3): Promise<Harness> {
  const db = await createTestDatabase(prefix);
  const pool = createPool({ url: db.url, max: 8, applicationName: 'posa-events-it' });
  await runMigrations(pool, { directory: null });
  await pool.query(`CREATE TABLE applied (
      n bigserial PRIMARY KEY, group_name text NOT NULL, event_id uuid NOT NULL,
      aggregate_id text NOT NULL, version integer NOT NULL)`);
  const brokers = await getKafkaBrokers();
  const suffix = randomBytes(4).toString('hex');
  const topic = `posa.it-${prefix.replace(/_/g, '-')}-${suffix}.events.v1`;
  await ensureTopics(brokers, [{ name: topic, partitions, retentionMs: 3_600_000 }]);
  return {
    db,
    pool,
    brokers,
    suffix,
    topic,
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

/**
 * Writes `perAggregate` versions of each of `aggregates` aggregates to the outbox, the
 * versions of all aggregates interleaved, `perTransaction` events per transaction.
 * The payload is the version number as text.
 */
export async function writeEvents(
  pool: Pool,
  topic: string,
  plan: {
    aggregates: number;
    perAggregate: number;
    perTransaction: number;
    firstVersion?: number;
    prefix?: string;
  },
): Promise<void> {
  const first = plan.firstVersion ?? 1;
  const events = [];
  for (let v = first; v < first + plan.perAggregate; v += 1) {
    for (let a = 0; a < plan.aggregates; a += 1) {
      events.push({
        topic,
        aggregateType: 'test',
        aggregateId: `${plan.prefix ?? 'agg'}-${a}`,
        type: 'com.posa.test.version-written.v1',
        source: '/services/test',
        payload: Buffer.from(String(v)),
      });
    }
  }
  for (let i = 0; i < events.length; i += plan.perTransaction) {
    const chunk = events.slice(i, i + plan.perTransaction);
    await withTransaction(pool, (client) => appendToOutbox(client, chunk));
  }
}

/** A handler that records (group, event id, aggregate, version) in `applied`. */
export function recordApplied(group: string): EventHandler {
  return async (event, client) => {
    await client.query(
      'INSERT INTO applied (group_name, event_id, aggregate_id, version) VALUES ($1, $2, $3, $4)',
      [group, event.id, event.subject, Number(Buffer.from(event.data).toString())],
    );
  };
}

export async function appliedCount(pool: Pool, group: string): Promise<number> {
  const result = await pool.query('SELECT count(*)::int AS n FROM applied WHERE group_name = $1', [
    group,
  ]);
  return result.rows[0].n as number;
}

export async function unpublishedCount(pool: Pool): Promise<number> {
  const result = await pool.query(
    'SELECT count(*)::int AS n FROM posa_outbox WHERE published_at IS NULL',
  );
  return result.rows[0].n as number;
}

/**
 * The versions each aggregate saw, in the order they were applied. Exactly-once in order
 * means every aggregate's list is firstVersion..lastVersion.
 */
export async function appliedVersions(
  pool: Pool,
  group: string,
): Promise<Record<string, number[]>> {
  const result = await pool.query<{ aggregate_id: string; version: number }>(
    'SELECT aggregate_id, version FROM applied WHERE group_name = $1 ORDER BY n',
    [group],
  );
  const byAggregate: Record<string, number[]> = {};
  for (const row of result.rows) (byAggregate[row.aggregate_id] ??= []).push(row.version);
  return byAggregate;
}

export function expectedVersions(
  aggregates: number,
  perAggregate: number,
  prefix = 'agg',
): Record<string, number[]> {
  const expected: Record<string, number[]> = {};
  for (let a = 0; a < aggregates; a += 1) {
    expected[`${prefix}-${a}`] = Array.from({ length: perAggregate }, (_, i) => i + 1);
  }
  return expected;
}

/** Polls `check` every 100 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Number of records ever written to a (fresh) topic: the sum of its high watermarks. */
export async function recordsInTopic(brokers: string[], topic: string): Promise<number> {
  const admin = createKafka({ brokers, clientId: 'posa-it-admin' }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface ReadRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Reads the first `count` records of a topic with a throw-away consumer group. */
export async function readRecords(
  brokers: string[],
  topic: string,
  count: number,
): Promise<ReadRecord[]> {
  const consumer = createKafka({ brokers, clientId: 'posa-it-reader' }).consumer({
    groupId: `posa-it-reader-${randomBytes(4).toString('hex')}`,
  });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
        records.push({
          key: String(message.key),
          value: message.value ?? Buffer.alloc(0),
          headers,
        });
      },
    });
    await waitFor(`${count} records on ${topic}`, () => records.length >= count);
    return records;
  } finally {
    await consumer.disconnect();
  }
}
