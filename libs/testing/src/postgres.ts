import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { getPostgresUrl } from './infra';

/** A database created for one test file. */
export interface TestDatabase {
  /** Database name, e.g. households_m3k9x2_a41f0c. */
  readonly name: string;
  /** Connection URL of the new database. */
  readonly url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

const MAX_IDENTIFIER = 63;

/**
 * Creates a fresh, uniquely named database on the test server so that test files never
 * share tables. `prefix` is lower-cased and reduced to [a-z0-9_].
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const adminUrl = await getPostgresUrl();
  const name = uniqueName(prefix);
  await runAdmin(adminUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

function uniqueName(prefix: string): string {
  const clean =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'test';
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return `${clean.slice(0, MAX_IDENTIFIER - suffix.length - 1)}_${suffix}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
