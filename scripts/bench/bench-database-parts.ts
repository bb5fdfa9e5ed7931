/**
 * What the benchmarks' databases share: a database kept on the running PostgreSQL between
 * runs (named after the bench's figures, migrated, and reused only when its load finished),
 * the COPY stream helpers, and dropping secondary structures for a bulk load. Each bench's
 * bench-database.ts writes only its own rows.
 */
import type { Writable } from 'node:stream';
import { Client } from 'pg';
import { createPool, runMigrations } from '@posa/db';
import { getPostgresUrl } from '@posa/testing';

/** Writes a chunk of COPY text, waiting when the stream asks to. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
}

/** Ends a COPY stream and waits until the server has taken it all. */
export async function finish(stream: Writable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
    stream.end();
  });
}

/** Runs `run` on a client of `url`, closed afterwards. */
export async function withClient<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function migrate(url: string, migrationsDir: string): Promise<void> {
  const pool = createPool({ url, max: 1, applicationName: 'bench' });
  try {
    await runMigrations(pool, { directory: migrationsDir });
  } finally {
    await pool.end();
  }
}

/** Migrated to the current migrations and marked loaded (its bench_load row). */
async function isComplete(url: string, migrationsDir: string): Promise<boolean> {
  try {
    await migrate(url, migrationsDir);
    return await withClient(url, async (c) => {
      const table = await c.query(`SELECT to_regclass('bench_load') IS NOT NULL AS present`);
      if (table.rows[0]?.present !== true) return false;
      return (await c.query('SELECT 1 FROM bench_load')).rows.length === 1;
    });
  } catch {
    return false; // migrations changed since the load, or the load broke off
  }
}

/**
 * The database `name`, reused when an earlier run completed its load; otherwise created
 * again, migrated, and filled by `load`, which must end by writing its bench_load row.
 */
export async function keptBenchDatabase(
  name: string,
  migrationsDir: string,
  load: (url: string) => Promise<void>,
): Promise<{ url: string; loadedNow: boolean }> {
  const admin = await getPostgresUrl();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const exists = await withClient(
    admin,
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length === 1,
  );
  if (exists && (await isComplete(url.toString(), migrationsDir))) {
    return { url: url.toString(), loadedNow: false };
  }
  await withClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate(url.toString(), migrationsDir);
  await load(url.toString());
  return { url: url.toString(), loadedNow: true };
}

/** Drops secondary indexes and exclusion constraints; returns the statements that restore them. */
export async function dropForLoad(c: Client, tables: readonly string[]): Promise<string[]> {
  const { rows: exclusions } = await c.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'x' AND conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  const restore: string[] = [];
  for (const x of exclusions) {
    await c.query(`ALTER TABLE ${x.tbl} DROP CONSTRAINT ${x.name}`);
    restore.push(`ALTER TABLE ${x.tbl} ADD CONSTRAINT ${x.name} ${x.def}`);
  }
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT i.indisprimary AND NOT i.indisunique`,
    [tables],
  );
  for (const index of indexes) {
    await c.query(`DROP INDEX ${index.name}`);
    restore.push(index.def);
  }
  return restore;
}
