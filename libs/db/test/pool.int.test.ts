import { closePool, createPool } from '../src';
import { startTestServer, type TestServer } from './embedded-server';

/**
 * closePool waits until the pool's sessions are gone from the server, so a database that is
 * stopped right afterwards (the embedded default stops PostgreSQL last) terminates nobody.
 */
describe('closePool', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.dispose());

  it('returns only after every session of the pool has left the server', async () => {
    const pool = createPool({ url: t.server.url, max: 5, applicationName: 'posa-pool-test' });
    // Open several sessions at once and leave them idle in the pool.
    await Promise.all(Array.from({ length: 5 }, () => pool.query('SELECT pg_sleep(0.05)')));
    expect(pool.totalCount).toBe(5);
    // The observer is connected beforehand so that it can look the moment closePool returns.
    const observer = createPool({ url: t.server.url, max: 1, applicationName: 'posa-observer' });
    await observer.query('SELECT 1');

    await closePool(pool);

    try {
      const { rows } = await observer.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'posa-pool-test'",
      );
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await closePool(observer);
    }
  });

  it('is harmless when called twice', async () => {
    const pool = createPool({ url: t.server.url, max: 1 });
    await pool.query('SELECT 1');
    await closePool(pool);
    await expect(closePool(pool)).resolves.toBeUndefined();
  });
});
