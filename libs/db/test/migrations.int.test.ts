import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { MigrationError, closePool, createPool, runMigrations } from '../src';
import { main as migrateCli } from '../src/migrate-cli';
import { startTestServer, type TestServer } from './embedded-server';

let test: TestServer;
let dirs: string[] = [];
let pools: pg.Pool[] = [];

async function migrationDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'posa-migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
}

async function freshDatabase(name: string): Promise<pg.Pool> {
  await test.server.ensureDatabase(name);
  const pool = createPool({ url: test.server.urlFor(name), max: 3 });
  pools.push(pool);
  return pool;
}

const SERVICE_FILES = {
  '0001_households.sql':
    'CREATE TABLE households (id bigserial PRIMARY KEY, province_code text NOT NULL);',
  '0002_members.sql':
    "CREATE TABLE members (household_id bigint REFERENCES households (id)); INSERT INTO households (province_code) VALUES ('01');",
};

beforeAll(async () => {
  test = await startTestServer();
});

afterEach(async () => {
  await Promise.all(pools.map(closePool));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  pools = [];
  dirs = [];
});

afterAll(async () => {
  await test.dispose();
});

describe('runMigrations', () => {
  it('applies platform tables then service files, each recorded once, and re-running is a no-op', async () => {
    const pool = await freshDatabase('apply_once');
    const directory = await migrationDir({ ...SERVICE_FILES, 'README.md': 'not a migration' });

    const first = await runMigrations(pool, { directory });
    expect(first.map((m) => `${m.scope}:${m.fileName}`)).toEqual([
      'platform:0001_outbox_inbox.sql',
      'service:0001_households.sql',
      'service:0002_members.sql',
    ]);
    expect(await runMigrations(pool, { directory })).toEqual([]);

    const platform = await pool.query('SELECT version, name FROM posa_platform_migrations');
    expect(platform.rows).toEqual([{ version: 1, name: 'outbox_inbox' }]);
    const service = await pool.query(
      'SELECT version, name, length(checksum) AS len FROM posa_schema_migrations ORDER BY version',
    );
    expect(service.rows).toEqual([
      { version: 1, name: 'households', len: 64 },
      { version: 2, name: 'members', len: 64 },
    ]);
    const households = await pool.query('SELECT count(*)::int AS n FROM households');
    expect(households.rows[0]).toEqual({ n: 1 });
    const outbox = await pool.query(
      "SELECT to_regclass('posa_outbox') AS outbox, to_regclass('posa_inbox') AS inbox",
    );
    expect(outbox.rows[0]).toEqual({ outbox: 'posa_outbox', inbox: 'posa_inbox' });
  });

  it('applies a file added later', async () => {
    const pool = await freshDatabase('add_later');
    const directory = await migrationDir(SERVICE_FILES);
    await runMigrations(pool, { directory });
    await writeFile(
      path.join(directory, '0003_index.sql'),
      'CREATE INDEX households_province ON households (province_code);',
    );
    const applied = await runMigrations(pool, { directory });
    expect(applied).toEqual([
      { scope: 'service', version: 3, name: 'index', fileName: '0003_index.sql' },
    ]);
  });

  it('stops with an error naming a file changed after it was applied', async () => {
    const pool = await freshDatabase('drift');
    const directory = await migrationDir(SERVICE_FILES);
    await runMigrations(pool, { directory });
    await writeFile(
      path.join(directory, '0001_households.sql'),
      'CREATE TABLE households (id int);',
    );
    const run = runMigrations(pool, { directory });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(
      'migration file 0001_households.sql changed after it was applied',
    );
  });

  it('stops with an error naming an applied file that was removed', async () => {
    const pool = await freshDatabase('removed');
    const directory = await migrationDir(SERVICE_FILES);
    await runMigrations(pool, { directory });
    await rm(path.join(directory, '0002_members.sql'));
    await expect(runMigrations(pool, { directory })).rejects.toThrow(
      'applied migration 0002_members.sql is missing from the directory',
    );
  });

  it('rolls back a failing migration completely and names it', async () => {
    const pool = await freshDatabase('failing');
    const directory = await migrationDir({
      '0001_ok.sql': 'CREATE TABLE ok (v int);',
      '0002_broken.sql': 'CREATE TABLE half (v int); INSERT INTO missing_table VALUES (1);',
    });
    await expect(runMigrations(pool, { directory })).rejects.toThrow(
      /migration file 0002_broken\.sql failed \(SQLSTATE 42P01\)/,
    );
    const state = await pool.query(
      "SELECT to_regclass('ok') AS ok, to_regclass('half') AS half, (SELECT count(*)::int FROM posa_schema_migrations) AS n",
    );
    expect(state.rows[0]).toEqual({ ok: 'ok', half: null, n: 1 });
  });

  it('keeps service numbering independent of the platform tables, and can skip them', async () => {
    const pool = await freshDatabase('no_platform');
    const directory = await migrationDir({ '0001_only.sql': 'CREATE TABLE only_service (v int);' });
    const applied = await runMigrations(pool, { directory, platformTables: false });
    expect(applied.map((m) => m.scope)).toEqual(['service']);
    const tables = await pool.query("SELECT to_regclass('posa_outbox') AS outbox");
    expect(tables.rows[0]).toEqual({ outbox: null });
  });

  it('applies each migration once when two replicas start at the same time', async () => {
    const one = await freshDatabase('concurrent');
    const two = createPool({ url: test.server.urlFor('concurrent'), max: 3 });
    pools.push(two);
    const directory = await migrationDir({
      // Without IF NOT EXISTS: applying twice would fail. The sleep widens the overlap.
      '0001_slow.sql':
        'SELECT pg_sleep(0.3); CREATE TABLE once_only (v int); INSERT INTO once_only VALUES (1);',
      '0002_more.sql': 'INSERT INTO once_only VALUES (2);',
    });
    const [a, b] = await Promise.all([
      runMigrations(one, { directory }),
      runMigrations(two, { directory }),
    ]);
    expect([a.length, b.length].sort()).toEqual([0, 3]);
    const rows = await one.query('SELECT v FROM once_only ORDER BY v');
    expect(rows.rows).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('runs from the command line with --url and --dir', async () => {
    await test.server.ensureDatabase('cli');
    const directory = await migrationDir(SERVICE_FILES);
    const output: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    try {
      expect(await migrateCli(['--url', test.server.urlFor('cli'), '--dir', directory], {})).toBe(
        0,
      );
      expect(
        await migrateCli(['--dir', directory], { DATABASE_URL: test.server.urlFor('cli') }),
      ).toBe(0);
      expect(await migrateCli(['--dir', directory], {})).toBe(1);
    } finally {
      write.mockRestore();
    }
    const logs = output.map((line) => JSON.parse(line) as { msg: string; applied?: number });
    expect(logs.filter((l) => l.msg === 'migrations complete').map((l) => l.applied)).toEqual([
      3, 0,
    ]);
    expect(logs.at(-1)?.msg).toBe('missing database URL: pass --url or set DATABASE_URL');
  });
});
