import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  OutboxValidationError,
  appendToOutbox,
  closePool,
  createPool,
  runMigrations,
  withTransaction,
  type OutboxEvent,
  type OutboxRow,
} from '../src';
import { startTestServer, type TestServer } from './embedded-server';

let test: TestServer;
let pool: pg.Pool;

const event = (
  aggregateId: string,
  payload: number[],
  extra: Partial<OutboxEvent> = {},
): OutboxEvent => ({
  topic: 'posa.identity.events.v1',
  aggregateType: 'account',
  aggregateId,
  type: 'com.posa.identity.account-created.v1',
  source: '/services/identity',
  payload: new Uint8Array(payload),
  ...extra,
});

beforeAll(async () => {
  test = await startTestServer();
  await test.server.ensureDatabase('outbox');
  pool = createPool({ url: test.server.urlFor('outbox') });
  await runMigrations(pool, { directory: null });
});

afterAll(async () => {
  await closePool(pool);
  await test.dispose();
});

beforeEach(async () => {
  await pool.query('TRUNCATE posa_outbox');
});

describe('appendToOutbox', () => {
  it('writes nothing when the surrounding transaction rolls back', async () => {
    const failure = new Error('change rejected');
    await expect(
      withTransaction(pool, async (client) => {
        await appendToOutbox(client, [event('acc-1', [1])]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await pool.query('SELECT count(*)::int AS n FROM posa_outbox')).rows[0]).toEqual({
      n: 0,
    });
  });

  it('writes every field on commit, in input order by seq', async () => {
    const givenId = randomUUID();
    const ids = await withTransaction(pool, (client) =>
      appendToOutbox(client, [
        event('acc-1', [1, 2]),
        event('acc-2', [3], { id: givenId, headers: { traceparent: '00-abc-def-01' } }),
        event('acc-1', []),
      ]),
    );
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(givenId);
    expect(new Set(ids).size).toBe(3);

    const { rows } = await pool.query<OutboxRow>('SELECT * FROM posa_outbox ORDER BY seq');
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.aggregate_id)).toEqual(['acc-1', 'acc-2', 'acc-1']);
    expect(rows.map((r) => [...r.payload])).toEqual([[1, 2], [3], []]);
    expect(rows[1]).toMatchObject({
      topic: 'posa.identity.events.v1',
      aggregate_type: 'account',
      event_type: 'com.posa.identity.account-created.v1',
      source: '/services/identity',
      headers: { traceparent: '00-abc-def-01' },
      published_at: null,
    });
    expect(rows[0]?.headers).toEqual({});
    expect(Number(rows[1]?.seq)).toBeGreaterThan(Number(rows[0]?.seq));
  });

  it('stores a payload that is a view into a larger buffer exactly', async () => {
    const backing = new Uint8Array([9, 9, 7, 8, 9, 9]);
    await withTransaction(pool, (client) =>
      appendToOutbox(client, [event('acc-3', [], { payload: backing.subarray(2, 4) })]),
    );
    const { rows } = await pool.query<OutboxRow>('SELECT payload FROM posa_outbox');
    expect([...(rows[0]?.payload ?? [])]).toEqual([7, 8]);
  });

  it('rejects an invalid event before touching the database, naming the field', async () => {
    await withTransaction(pool, async (client) => {
      await expect(appendToOutbox(client, [event('acc-1', [1]), event('', [2])])).rejects.toThrow(
        new OutboxValidationError(1, 'aggregateId', 'must be a non-empty string'),
      );
      await expect(appendToOutbox(client, [event('acc-1', [1], { id: 'nope' })])).rejects.toThrow(
        'outbox event [0].id must be a uuid',
      );
    });
    expect((await pool.query('SELECT count(*)::int AS n FROM posa_outbox')).rows[0]).toEqual({
      n: 0,
    });
  });

  it('refuses the same event id twice (unique id column)', async () => {
    const id = randomUUID();
    await withTransaction(pool, (client) => appendToOutbox(client, [event('acc-1', [1], { id })]));
    await expect(
      withTransaction(pool, (client) => appendToOutbox(client, [event('acc-1', [1], { id })])),
    ).rejects.toMatchObject({ code: '23505', constraint: 'posa_outbox_id_key' });
  });
});
