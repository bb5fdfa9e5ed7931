import type pg from 'pg';
import { UniqueViolation, closePool, createPool, mapPgError, withTransaction } from '../src';
import { startTestServer, type TestServer } from './embedded-server';

let test: TestServer;
let pool: pg.Pool;

beforeAll(async () => {
  test = await startTestServer();
  await test.server.ensureDatabase('tx');
  pool = createPool({ url: test.server.urlFor('tx'), max: 4, applicationName: 'db-int-test' });
  await pool.query('CREATE TABLE items (id int PRIMARY KEY, note text)');
  await pool.query('CREATE TABLE shifts (doctor text, on_call boolean)');
});

afterAll(async () => {
  await closePool(pool);
  await closePool(pool);
  await test.dispose();
});

beforeEach(async () => {
  await pool.query('TRUNCATE items, shifts');
});

/** Resolves once `count` callers have arrived: makes two transactions overlap deterministically. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) open();
    return opened;
  };
}

/**
 * Write skew: each transaction counts the rows, then both insert. Under SERIALIZABLE one of
 * the two must fail with 40001 because both read before either wrote.
 */
function writeSkew(
  pool: pg.Pool,
  name: string,
  retries: number,
  attempts: string[],
  bothRead: () => Promise<void>,
) {
  return withTransaction(
    pool,
    async (client) => {
      attempts.push(name);
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM shifts WHERE on_call',
      );
      if (attempts.filter((a) => a === name).length === 1) await bothRead();
      await client.query('INSERT INTO shifts VALUES ($1, $2)', [name, rows[0]?.n === 0]);
      return rows[0]?.n;
    },
    { isolation: 'serializable', retries },
  );
}

describe('withTransaction', () => {
  it('commits and returns the result of fn, with session settings from the pool', async () => {
    const result = await withTransaction(pool, async (client) => {
      await client.query("INSERT INTO items VALUES (1, 'a')");
      const settings = await client.query<{ st: string; app: string }>(
        "SELECT current_setting('statement_timeout') AS st, current_setting('application_name') AS app",
      );
      return settings.rows[0];
    });
    expect(result).toEqual({ st: '30s', app: 'db-int-test' });
    expect((await pool.query('SELECT id FROM items')).rows).toEqual([{ id: 1 }]);
  });

  it('rolls back when fn throws, rethrows the same error and releases the client', async () => {
    const failure = new Error('domain rule broken');
    await expect(
      withTransaction(pool, async (client) => {
        await client.query("INSERT INTO items VALUES (2, 'b')");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await pool.query('SELECT count(*)::int AS n FROM items')).rows[0]).toEqual({ n: 0 });
    expect(pool.totalCount).toBe(pool.idleCount);
  });

  it('rethrows a database error unchanged; mapPgError names the constraint', async () => {
    await pool.query("INSERT INTO items VALUES (3, 'c')");
    let caught: unknown;
    try {
      await withTransaction(pool, (client) =>
        client.query("INSERT INTO items VALUES (3, 'again')"),
      );
    } catch (err) {
      caught = err;
    }
    expect((caught as { code?: string }).code).toBe('23505');
    const mapped = mapPgError(caught);
    expect(mapped).toBeInstanceOf(UniqueViolation);
    expect((mapped as UniqueViolation).constraint).toBe('items_pkey');
    expect((mapped as Error).message).not.toContain('again');
  });

  it('reruns fn after a serialization failure and both transactions commit', async () => {
    const attempts: string[] = [];
    const bothRead = barrier(2);
    const results = await Promise.all([
      writeSkew(pool, 'an', 3, attempts, bothRead),
      writeSkew(pool, 'binh', 3, attempts, bothRead),
    ]);
    expect(attempts).toHaveLength(3);
    expect([...results].sort()).toEqual([0, 1]);
    const shifts = await pool.query<{ on_call: boolean }>(
      'SELECT on_call FROM shifts ORDER BY on_call',
    );
    expect(shifts.rows.map((r) => r.on_call)).toEqual([false, true]);
    expect(pool.totalCount).toBe(pool.idleCount);
  });

  it('gives up after the retries and rethrows the 40001 error', async () => {
    const attempts: string[] = [];
    const bothRead = barrier(2);
    const outcomes = await Promise.allSettled([
      writeSkew(pool, 'an', 0, attempts, bothRead),
      writeSkew(pool, 'binh', 0, attempts, bothRead),
    ]);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0]?.reason as { code?: string }).code).toBe('40001');
    expect(attempts).toHaveLength(2);
    expect((await pool.query('SELECT count(*)::int AS n FROM shifts')).rows[0]).toEqual({ n: 1 });
  });

  it('does not retry under read committed', async () => {
    let calls = 0;
    const failure = Object.assign(new Error('pretend conflict'), { code: '40001' });
    await expect(
      withTransaction(pool, async () => {
        calls += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it('rejects a write in a read-only transaction', async () => {
    await expect(
      withTransaction(pool, (client) => client.query("INSERT INTO items VALUES (9, 'x')"), {
        readOnly: true,
      }),
    ).rejects.toMatchObject({ code: '25006' });
  });
});
