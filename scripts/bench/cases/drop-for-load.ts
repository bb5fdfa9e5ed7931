/**
 * Before a bulk COPY: drops the secondary indexes and exclusion constraints of the tables and
 * returns the statements that restore them (one build after the load is much faster than
 * maintaining them row by row).
 */
import type { Client } from 'pg';

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
