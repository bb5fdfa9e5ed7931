import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src';
import { FAST_SETTINGS, startTestServer, type TestServer } from './embedded-server';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('startEmbeddedPostgres', () => {
  let test: TestServer;

  beforeAll(async () => {
    test = await startTestServer();
  });

  afterAll(async () => {
    await test.dispose();
  });

  it('listens on 127.0.0.1 only, in UTF-8, with contrib extensions available', async () => {
    const [settings] = await query<{ listen: string; encoding: string; upper: string }>(
      test.server.url,
      `SELECT current_setting('listen_addresses') AS listen, current_setting('server_encoding') AS encoding,
              upper('nguyễn') AS upper`,
    );
    expect(settings).toEqual({ listen: '127.0.0.1', encoding: 'UTF8', upper: 'NGUYỄN' });
    await test.server.ensureDatabase('extensions_check');
    const database = test.server.urlFor('extensions_check');
    await query(
      database,
      'CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent; CREATE EXTENSION pgcrypto',
    );
    const [row] = await query<{ plain: string; similar: boolean; digest: string }>(
      database,
      `SELECT unaccent('Đặng Thị Hồng') AS plain, similarity('nguyen', 'nguyn') > 0.3 AS similar,
              encode(digest('posa', 'sha256'), 'hex') AS digest`,
    );
    expect(row).toEqual({
      plain: 'Dang Thi Hong',
      similar: true,
      digest: createHash('sha256').update('posa').digest('hex'),
    });
  });

  it('creates a database once and accepts repeated ensureDatabase calls', async () => {
    await test.server.ensureDatabase('identity');
    await test.server.ensureDatabase('identity');
    await Promise.all([test.server.ensureDatabase('cases'), test.server.ensureDatabase('cases')]);
    const rows = await query<{ datname: string }>(
      test.server.url,
      `SELECT datname FROM pg_database WHERE datname IN ('identity', 'cases') ORDER BY datname`,
    );
    expect(rows.map((r) => r.datname)).toEqual(['cases', 'identity']);
    await expect(test.server.ensureDatabase('Bad-Name')).rejects.toThrow(
      /ensureDatabase: name must match/,
    );
  });

  it('refuses a second server on a data directory that is in use', async () => {
    await expect(
      startEmbeddedPostgres({ dataDir: test.dataDir, port: test.port, settings: FAST_SETTINGS }),
    ).rejects.toThrow(
      `PostgreSQL is already running on data directory ${test.dataDir} (pid ${test.server.pid})`,
    );
  });

  it('keeps data across a clean stop and start', async () => {
    await test.server.ensureDatabase('keep');
    await query(
      test.server.urlFor('keep'),
      `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before stop')`,
    );
    await test.server.stop();
    await test.server.stop();
    expect(isAlive(test.server.pid)).toBe(false);

    test.server = await startEmbeddedPostgres({
      dataDir: test.dataDir,
      port: test.port,
      settings: FAST_SETTINGS,
    });
    const rows = await query<{ v: string }>(test.server.urlFor('keep'), 'SELECT v FROM kept');
    expect(rows).toEqual([{ v: 'before stop' }]);
  });

  it('starts again after the server was killed, leaving a stale postmaster.pid', async () => {
    await test.server.ensureDatabase('crash');
    await query(
      test.server.urlFor('crash'),
      `CREATE TABLE survived (v text); INSERT INTO survived VALUES ('committed')`,
    );
    const killed = test.server.pid;
    const lock = await readFile(path.join(test.dataDir, 'postmaster.pid'), 'utf8');
    expect(lock.split('\n')[0]).toBe(String(killed));

    process.kill(killed, 'SIGKILL');
    await waitUntilDead(killed);
    await test.server.stop();

    test.server = await startEmbeddedPostgres({
      dataDir: test.dataDir,
      port: test.port,
      settings: FAST_SETTINGS,
    });
    expect(test.server.pid).not.toBe(killed);
    const rows = await query<{ v: string }>(test.server.urlFor('crash'), 'SELECT v FROM survived');
    expect(rows).toEqual([{ v: 'committed' }]);
  });

  it('rejects a bad port before touching the disk', async () => {
    await expect(startEmbeddedPostgres({ dataDir: test.dataDir, port: 70000 })).rejects.toThrow(
      /port must be/,
    );
  });
});
