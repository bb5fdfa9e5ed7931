import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@posa/platform';
import { closePool, createPool, runMigrations } from '@posa/db';
import { createTestDatabase, realmUrl, type TestDatabase } from '@posa/testing';
import type pg from 'pg';
import { createApp, MIGRATIONS_DIR } from '../src/app';
import { loadIdentityConfig } from '../src/config';
import { CatalogueError } from '../src/domain/catalogue-problem';
import { loadCatalogue } from '../src/store/catalogue-loader';
import { DEFAULT_CATALOGUE_DIR } from '../src/store/catalogue-files';

let db: TestDatabase;
let pool: pg.Pool;
let dir: string;

/** A copy of the shipped files that a test may edit. */
function copyOfData(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'identity-data-'));
  cpSync(DEFAULT_CATALOGUE_DIR, copy, { recursive: true });
  return copy;
}

function edit(directory: string, file: string, from: string, to: string): void {
  const target = path.join(directory, file);
  const text = readFileSync(target, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(target, text.replace(from, to));
}

async function snapshot(): Promise<unknown> {
  const res = await pool.query(
    `SELECT (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM unit_merger)::int AS mergers,
            (SELECT max(id) FROM unit_merger)::text AS last_merger_id,
            (SELECT json_agg(l ORDER BY file_name) FROM catalogue_load l) AS ledger,
            (SELECT name FROM unit WHERE structure = '2025' AND code = '00004') AS ba_dinh`,
  );
  return res.rows[0];
}

beforeAll(async () => {
  db = await createTestDatabase('identity_load');
  pool = createPool({ url: db.url });
  await runMigrations(pool, { directory: MIGRATIONS_DIR });
  dir = copyOfData();
});

afterAll(async () => {
  await closePool(pool);
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCatalogue', () => {
  it('loads once; the same files again change nothing', async () => {
    const first = await loadCatalogue(pool, { directory: dir });
    expect(first.status).toBe('loaded');
    expect(first.rowCounts).toEqual({
      'units-2024.csv': 10794,
      'units-2025.csv': 3355,
      'merger-2025.csv': 10571,
      'merger-2025-provinces.csv': 63,
    });
    const before = await snapshot();
    const again = await loadCatalogue(pool, { directory: dir, reload: true });
    expect(again.status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a changed file unless a reload is asked for, then reloads it', async () => {
    edit(
      dir,
      'units-2025.csv',
      'commune,00004,Phường Ba Đình,',
      'commune,00004,Phường Ba Đình Mới,',
    );
    const before = await snapshot();
    const refused = loadCatalogue(pool, { directory: dir });
    await expect(refused).rejects.toThrow(CatalogueError);
    await expect(loadCatalogue(pool, { directory: dir })).rejects.toThrow(
      /changed since they were loaded: units-2025\.csv .*CATALOGUE_RELOAD=true/,
    );
    expect(await snapshot()).toEqual(before);

    const reloaded = await loadCatalogue(pool, { directory: dir, reload: true });
    expect(reloaded.status).toBe('reloaded');
    expect(await snapshot()).toMatchObject({
      units: 14149,
      mergers: 10571,
      ba_dinh: 'Phường Ba Đình Mới',
    });
  });

  it('rolls back a reload whose files do not validate, naming file, line and field', async () => {
    edit(
      dir,
      'units-2024.csv',
      'commune,00001,Phường Phúc Xá,Phúc Xá,Phường,001,01',
      'commune,0001,Phường Phúc Xá,Phúc Xá,Phường,001,01',
    );
    const before = await snapshot();
    await expect(loadCatalogue(pool, { directory: dir, reload: true })).rejects.toThrow(
      /units-2024\.csv:4 code: commune code must be 5 digits/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('stops the service start when a file changed', async () => {
    const config = loadIdentityConfig({
      DATABASE_URL: db.url,
      GRPC_PORT: '0',
      HTTP_PORT: '0',
      METRICS_PORT: '0',
      LISTEN_HOST: '127.0.0.1',
      KEYCLOAK_ISSUER_URL: await realmUrl(),
      CATALOGUE_DIR: dir,
    });
    const app = createApp(config, createLogger({ service: 'identity', level: 'silent' }));
    await expect(app.start()).rejects.toThrow(/changed since they were loaded/);
  });
});
