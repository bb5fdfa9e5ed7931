/**
 * Initial load into a real PostgreSQL: files of two communes, the report of a bad row, the
 * indexes and foreign keys built again exactly as the migrations made them, refusal of a
 * registry that is not empty, and a failure that leaves nothing behind.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { closePool, createPool, runMigrations } from '@posa/db';
import { createLogger } from '@posa/platform';
import { createTestDatabase, type TestDatabase } from '@posa/testing';
import { loadUnits } from '@posa/units';
import { MIGRATIONS_DIR } from '../src/app';
import {
  InitialLoadRefusedError,
  runInitialLoad,
  type InitialLoadInput,
} from '../src/initial-load/initial-load';
import { filesOfDirectory } from '../src/initial-load/load-directory';
import { COMMUNE, OTHER_COMMUNE } from './registry-fixtures';

const logger = createLogger({ service: 'initial-load-test', level: 'silent' });
const units = loadUnits();
const HEADER =
  'household_no,village_code,street_address,area,full_name,date_of_birth,sex,ethnic_group_code,citizen_id,relation\n';

/** Two households; with `bad`, the second head's citizen ID has 11 digits. */
function communeCsv(bad: boolean): string {
  return (
    HEADER +
    '1,TDP-01,12 Phố Đội Cấn,thành thị,Nguyễn Văn Đức,14/03/1985,nam,01,001085012345,chủ hộ\n' +
    '1,,,,Nguyễn Thị Mai,2012,nữ,01,,con\n' +
    `2,TDP-02,3 Ngõ Núi Trúc,thành thị,Trần Thị Hoa,03/04/1950,nữ,01,${bad ? '00115000077' : '001150000777'},chủ hộ\n`
  );
}

let db: TestDatabase;
let pool: pg.Pool;
let dir: string;

/** The catalogue's definitions of the registry tables' indexes and constraints. */
async function structures(): Promise<string[]> {
  const res = await pool.query<{ d: string }>(
    `SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index
     WHERE indrelid IN ('household'::regclass, 'member'::regclass, 'household_change'::regclass)
     UNION ALL
     SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE conrelid IN ('household'::regclass, 'member'::regclass, 'household_change'::regclass)
     ORDER BY 1`,
  );
  return res.rows.map((r) => r.d);
}

async function count(table: string): Promise<number> {
  const res = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return res.rows[0]!.n;
}

async function filesDir(name: string, contents: Record<string, string>): Promise<string> {
  const d = path.join(dir, name);
  await rm(d, { recursive: true, force: true });
  await mkdir(d);
  for (const [file, text] of Object.entries(contents)) await writeFile(path.join(d, file), text);
  return d;
}

function input(over: Partial<InitialLoadInput>): InitialLoadInput {
  return {
    files: [],
    mode: 'valid_rows',
    formType: 'C',
    operator: 'migration-operator',
    reason: 'di chuyển dữ liệu từ hệ thống cũ',
    units,
    today: '2026-11-24',
    logger,
    ...over,
  };
}

beforeEach(async () => {
  db = await createTestDatabase('households_initial_load');
  pool = createPool({ url: db.url, max: 4, applicationName: 'initial-load-test', logger });
  await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
  dir ??= await mkdtemp(path.join(tmpdir(), 'posa-initial-load-'));
});

afterEach(async () => {
  await closePool(pool);
  await db.drop();
});

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const CLI = path.join(__dirname, '..', 'src', 'initial-load', 'cli.ts');

/** Runs the command line against the test database; its exit code and output lines. */
function runCli(args: string[]): Promise<{ code: number; out: string[] }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=posa-src', '--import', 'tsx', CLI, ...args],
      { env: { ...process.env, DATABASE_URL: db.url }, timeout: 60_000 },
      (err, stdout) =>
        resolve({
          code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1,
          out: stdout.split('\n').filter((l) => l !== ''),
        }),
    );
  });
}

describe('initial load', () => {
  it('loads the communes, reports the bad row, and rebuilds every index and foreign key', async () => {
    const before = await structures();
    const d = await filesDir('two', {
      [`${COMMUNE}.csv`]: communeCsv(true),
      [`${OTHER_COMMUNE}-ngoc-ha.csv`]: communeCsv(false),
    });
    const { jobs } = await runInitialLoad(pool, input({ files: await filesOfDirectory(d) }));

    expect(
      jobs.map((j) => [j.communeCode, j.status, j.householdsCreated, j.householdsRefused]),
    ).toEqual([
      [COMMUNE, 'partial', 1, 1],
      [OTHER_COMMUNE, 'completed', 2, 0],
    ]);
    expect(await structures()).toEqual(before);
    const issues = await pool.query(
      'SELECT row_no AS "rowNo", column_key AS "column" FROM household_import_issue WHERE import_id = $1',
      [jobs[0]!.id],
    );
    expect(issues.rows).toEqual([{ rowNo: 4, column: 'citizen_id' }]);
    expect(await count('household')).toBe(3);
    expect(await count('member')).toBe(5);
    // the change log and the events, as for households an officer imports
    expect(await count('household_change')).toBe(8);
    expect(await count('posa_outbox')).toBe(3);
    // the search index answers a name typed without diacritics
    const found = await pool
      .query<{ n: number }>(
        `SET enable_seqscan = off;
       SELECT count(*)::int AS n FROM member WHERE member_name_prefixes(name_search) @> '{nguyen,du}'`,
      )
      .then((r) => (r as unknown as pg.QueryResult<{ n: number }>[])[1]!.rows[0]!.n);
    expect(found).toBe(2);
    const committed = await pool.query(
      `SELECT actor_id, actor_unit_code, reason FROM household_change LIMIT 1`,
    );
    expect(committed.rows[0]).toEqual({
      actor_id: 'migration-operator',
      actor_unit_code: 'VN',
      reason: 'di chuyển dữ liệu từ hệ thống cũ',
    });
  });

  it('rolls back only the rejected file under all_or_nothing', async () => {
    const d = await filesDir('strict', {
      [`${COMMUNE}.csv`]: communeCsv(true),
      [`${OTHER_COMMUNE}.csv`]: communeCsv(false),
    });
    const { jobs } = await runInitialLoad(
      pool,
      input({ files: await filesOfDirectory(d), mode: 'all_or_nothing' }),
    );
    expect(jobs.map((j) => [j.status, j.householdsCreated])).toEqual([
      ['rejected', 0],
      ['completed', 2],
    ]);
    const communes = await pool.query('SELECT DISTINCT commune_code FROM household');
    expect(communes.rows).toEqual([{ commune_code: OTHER_COMMUNE }]);
  });

  it('refuses a registry that already holds households, writing nothing', async () => {
    const d = await filesDir('again', { [`${COMMUNE}.csv`]: communeCsv(false) });
    await runInitialLoad(pool, input({ files: await filesOfDirectory(d) }));
    const d2 = await filesDir('other', { [`${OTHER_COMMUNE}.csv`]: communeCsv(false) });
    await expect(
      runInitialLoad(pool, input({ files: await filesOfDirectory(d2) })),
    ).rejects.toThrow('registry already holds households');
    expect(await count('household')).toBe(2);
    expect(await count('household_import')).toBe(1);
  });

  it('refuses a second file of one commune, a commune that does not exist and a stray file', async () => {
    const twice = await filesDir('twice', {
      [`${COMMUNE}-a.csv`]: communeCsv(false),
      [`${COMMUNE}-b.csv`]: communeCsv(false),
    });
    await expect(
      runInitialLoad(pool, input({ files: await filesOfDirectory(twice) })),
    ).rejects.toThrow(
      `files[${COMMUNE}-b.csv].commune_code ${COMMUNE} has another file in this load`,
    );
    const unknown = await filesDir('unknown', { '99999.csv': communeCsv(false) });
    await expect(
      runInitialLoad(pool, input({ files: await filesOfDirectory(unknown) })),
    ).rejects.toThrow('files[99999.csv].commune_code 99999 is not a commune of the 2025 structure');
    const stray = await filesDir('stray', { 'notes.txt': 'x' });
    await expect(filesOfDirectory(stray)).rejects.toBeInstanceOf(InitialLoadRefusedError);
    expect(await count('household_import')).toBe(0);
  });

  it('refuses a row that gives a household code: nothing is registered yet', async () => {
    const coded = communeCsv(false)
      .replace('household_no,', 'household_code,household_no,')
      .split('\n')
      .map((line, i) =>
        i === 0 || line === '' ? line : `${i === 1 ? `${COMMUNE}-2025-000001` : ''},${line}`,
      )
      .join('\n');
    const d = await filesDir('coded', { [`${COMMUNE}.csv`]: coded });
    const {
      jobs: [job],
    } = await runInitialLoad(pool, input({ files: await filesOfDirectory(d) }));
    expect([job!.householdsCreated, job!.householdsRefused]).toEqual([1, 1]);
    const issue = await pool.query('SELECT column_key, reason FROM household_import_issue');
    expect(issue.rows).toEqual([
      { column_key: 'household_code', reason: 'no registered household has this code' },
    ]);
  });

  it('leaves nothing behind when the load fails midway: rows, jobs and structures', async () => {
    const before = await structures();
    // a database failure while the second file is written
    await pool.query(`
      CREATE FUNCTION fail_second_commune() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.commune_code = '${OTHER_COMMUNE}' THEN RAISE EXCEPTION 'disk full'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_second_commune BEFORE INSERT ON household
        FOR EACH ROW EXECUTE FUNCTION fail_second_commune();`);
    const d = await filesDir('failing', {
      [`${COMMUNE}.csv`]: communeCsv(false),
      [`${OTHER_COMMUNE}.csv`]: communeCsv(false),
    });
    await expect(runInitialLoad(pool, input({ files: await filesOfDirectory(d) }))).rejects.toThrow(
      'disk full',
    );
    expect(await count('household')).toBe(0);
    expect(await count('member')).toBe(0);
    expect(await count('posa_outbox')).toBe(0);
    expect(await structures()).toEqual(before);
    const jobs = await pool.query(
      'SELECT status, failure, households_created FROM household_import',
    );
    expect(jobs.rows).toEqual([
      { status: 'failed', failure: 'internal error', households_created: 0 },
      { status: 'failed', failure: 'internal error', households_created: 0 },
    ]);
  });

  it('runs from the command line: one JSON line per file, exit 0; a second load exits 2', async () => {
    const d = await filesDir('cli', { [`${COMMUNE}.csv`]: communeCsv(false) });
    const args = ['--dir', d, '--operator', 'migration-operator', '--reason', 'di chuyển dữ liệu'];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const results = first.out
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => 'importId' in l);
    expect(results).toEqual([
      expect.objectContaining({ commune: COMMUNE, status: 'completed', householdsCreated: 2 }),
    ]);
    // the JSON lines carry no row content
    expect(first.out.join('')).not.toMatch(/Nguyễn|001085012345/);
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(await count('household')).toBe(2);
  });

  it('closes the jobs of a load that stopped before committing, and runs one load at a time', async () => {
    const d = await filesDir('abandoned', { [`${COMMUNE}.csv`]: communeCsv(false) });
    const files = await filesOfDirectory(d);
    // a load whose process died: its job stayed running, its rows were rolled back
    await pool.query(
      `INSERT INTO household_import (id, file_name, file_sha256, file_size, file_format, form_type,
         commune_code, province_code, village_code, mode, status, actor_id, actor_unit_code, created_at)
       SELECT gen_random_uuid(), '${COMMUNE}.csv', encode(sha256(convert_to($1, 'UTF8')), 'hex'), 1,
         'csv', 'C', '${COMMUNE}', '01', '', 'valid_rows', 'running', 'migration-operator', 'VN', now()`,
      [communeCsv(false)],
    );
    const other = await pool.connect();
    try {
      await other.query("SELECT pg_advisory_lock(hashtext('posa.households.initial-load'))");
      await expect(runInitialLoad(pool, input({ files }))).rejects.toThrow(
        'registry is being loaded by another initial load',
      );
      await other.query("SELECT pg_advisory_unlock(hashtext('posa.households.initial-load'))");
    } finally {
      other.release();
    }
    const { jobs } = await runInitialLoad(pool, input({ files }));
    expect(jobs[0]!.status).toBe('completed');
    const all = await pool.query(
      'SELECT status, failure FROM household_import ORDER BY created_at',
    );
    expect(all.rows).toEqual([
      { status: 'failed', failure: 'abandoned: the initial load stopped before committing' },
      { status: 'completed', failure: '' },
    ]);
  });
});
