/**
 * The registry's secondary structures: every index that is neither a primary key nor unique,
 * and every foreign key, of the tables an initial load fills. PostgreSQL builds an index
 * from sorted rows several times faster than it maintains it row by row, and checks a
 * foreign key over a whole table with one join instead of one look-up per row; so an
 * initial load drops them, loads, and builds them again from the definitions read here, on
 * the same transaction. The definitions come from the catalogue, so they are always the
 * ones the migrations created. Primary keys and unique indexes stay: they are checked
 * during the load.
 */
import type pg from 'pg';

/** Tables an initial load writes, apart from the import's own. */
export const REGISTRY_TABLES = ['household', 'member', 'household_change'] as const;

export interface SecondaryStructures {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Reads the definitions and drops the structures (the caller holds the tables' locks). */
export async function dropSecondaryStructures(client: pg.PoolClient): Promise<SecondaryStructures> {
  const tables = [...REGISTRY_TABLES];
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
       AND NOT i.indisprimary AND NOT i.indisunique AND NOT i.indisexclusion
     ORDER BY c.relname`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name,
            pg_get_constraintdef(oid) AS definition
     FROM pg_constraint
     WHERE contype = 'f' AND conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) AS t)
     ORDER BY conrelid::regclass::text, conname`,
    [tables],
  );
  for (const fk of foreignKeys.rows) {
    await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quote(fk.name)}`);
  }
  for (const index of indexes.rows) await client.query(`DROP INDEX ${quote(index.name)}`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Builds the indexes again, then adds the foreign keys back (each checked over its table). */
export async function rebuildSecondaryStructures(
  client: pg.PoolClient,
  structures: SecondaryStructures,
): Promise<void> {
  for (const index of structures.indexes) await client.query(index.definition);
  for (const fk of structures.foreignKeys) {
    await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}`);
  }
}

/** A catalogue name as an SQL identifier. */
function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
