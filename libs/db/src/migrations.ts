/**
 * Applies forward-only SQL migrations: the library's platform tables first, then the
 * service's own files. One advisory lock per database serialises concurrent runners
 * (two replicas starting at once), so each migration is applied exactly once.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { errorFields, silentLogger, type DbLogger } from './logger';
import {
  MigrationError,
  isMigrationCandidate,
  orderMigrations,
  planMigrations,
  type AppliedMigration,
  type MigrationFile,
} from './migration-files';

/** The platform migrations shipped with this library (resolves from src/ and from dist/). */
export const PLATFORM_MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations', 'platform');

/** Tracking tables; the two scopes are numbered independently. */
export const PLATFORM_MIGRATIONS_TABLE = 'posa_platform_migrations';
export const SERVICE_MIGRATIONS_TABLE = 'posa_schema_migrations';

/** Key of the session advisory lock held while migrating (ASCII "posamigr"). */
export const MIGRATION_LOCK_KEY = '8101821116947457906';

export type MigrationScope = 'platform' | 'service';

export interface RunMigrationsOptions {
  /** Directory of the service's `NNNN_name.sql` files; null applies the platform tables only. */
  directory: string | null;
  /** Apply the platform tables (outbox, inbox) first. Default true. */
  platformTables?: boolean;
  logger?: DbLogger;
}

export interface AppliedMigrationResult {
  scope: MigrationScope;
  version: number;
  name: string;
  fileName: string;
}

interface MigrationSet {
  scope: MigrationScope;
  table: string;
  files: MigrationFile[];
}

/** Reads and validates one migration directory (throws MigrationError naming the file). */
export async function readMigrationDirectory(directory: string): Promise<MigrationFile[]> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch (err) {
    throw new MigrationError(
      `migration directory ${directory} cannot be read: ${errorFields(err).errMessage}`,
    );
  }
  const sources = await Promise.all(
    entries.filter(isMigrationCandidate).map(async (fileName) => ({
      fileName,
      sql: await readFile(path.join(directory, fileName), 'utf8'),
    })),
  );
  return orderMigrations(sources);
}

/**
 * Applies pending migrations, each in its own transaction, and returns those applied
 * (empty when the database is up to date). A file changed or removed after it was
 * applied, or a gap or duplicate in numbering, stops the run with a MigrationError.
 */
export async function runMigrations(
  pool: pg.Pool,
  options: RunMigrationsOptions,
): Promise<AppliedMigrationResult[]> {
  const logger = options.logger ?? silentLogger;
  const sets: MigrationSet[] = [];
  if (options.platformTables !== false) {
    sets.push({
      scope: 'platform',
      table: PLATFORM_MIGRATIONS_TABLE,
      files: await readMigrationDirectory(PLATFORM_MIGRATIONS_DIR),
    });
  }
  if (options.directory !== null) {
    sets.push({
      scope: 'service',
      table: SERVICE_MIGRATIONS_TABLE,
      files: await readMigrationDirectory(options.directory),
    });
  }
  if (sets.length === 0) return [];

  const client = await pool.connect();
  try {
    // Migrations may run longer than the pool's statement_timeout, and so may the wait for the lock.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    const applied: AppliedMigrationResult[] = [];
    for (const set of sets) {
      applied.push(...(await applySet(client, set, logger)));
    }
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    return applied;
  } finally {
    // Ending the session also drops the lock and the session setting if anything failed.
    client.release(true);
  }
}

async function applySet(
  client: pg.PoolClient,
  set: MigrationSet,
  logger: DbLogger,
): Promise<AppliedMigrationResult[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${set.table} (
       version    integer PRIMARY KEY,
       name       text NOT NULL,
       checksum   text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const rows = await client.query<AppliedMigration>(
    `SELECT version, name, checksum FROM ${set.table} ORDER BY version`,
  );
  const pending = planMigrations(set.files, rows.rows);
  const applied: AppliedMigrationResult[] = [];
  for (const file of pending) {
    await applyOne(client, set.table, file);
    logger.info(
      { scope: set.scope, version: file.version, migration: file.name },
      'migration applied',
    );
    applied.push({
      scope: set.scope,
      version: file.version,
      name: file.name,
      fileName: file.fileName,
    });
  }
  return applied;
}

async function applyOne(client: pg.PoolClient, table: string, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(file.sql);
    await client.query(`INSERT INTO ${table} (version, name, checksum) VALUES ($1, $2, $3)`, [
      file.version,
      file.name,
      file.checksum,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    const { errCode, errMessage } = errorFields(err);
    const error = new MigrationError(
      `migration file ${file.fileName} failed${errCode ? ` (SQLSTATE ${errCode})` : ''}: ${errMessage}`,
      file.fileName,
    );
    throw Object.assign(error, { cause: err });
  }
}
