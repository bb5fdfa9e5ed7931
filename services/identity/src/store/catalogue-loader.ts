/**
 * Loads the reference catalogue into the database at start, once. The load ledger
 * (catalogue_load) keeps each file's sha256: the same files change nothing; a changed
 * file is refused unless a reload is asked for. A load is one transaction, serialised
 * between replicas by an advisory lock, and writes each table with one INSERT over
 * unnest() arrays.
 */
import type pg from 'pg';
import { withTransaction, isPgError, PG_CODES } from '@posa/db';
import { CatalogueError } from '../domain/catalogue-problem';
import { structureSpec } from '../domain/structures';
import type { UnitRecord } from '../domain/unit-rows';
import { digestFiles, readCatalogue, type Catalogue, type FileDigest } from './catalogue-files';

/** Key of the transaction advisory lock held while loading (ASCII "posaunit"). */
const LOAD_LOCK_KEY = '8101821116951760244';

export interface LoadCatalogueOptions {
  directory: string;
  /** Replace the loaded catalogue when the files changed (otherwise that is an error). */
  reload?: boolean;
}

export interface LoadCatalogueResult {
  status: 'loaded' | 'reloaded' | 'unchanged';
  files: FileDigest[];
  rowCounts: Record<string, number>;
  durationMs: number;
}

export async function loadCatalogue(
  pool: pg.Pool,
  options: LoadCatalogueOptions,
): Promise<LoadCatalogueResult> {
  const started = performance.now();
  const files = await digestFiles(options.directory);
  const result = await withTransaction(pool, async (client) => {
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOAD_LOCK_KEY]);
    const ledger = await client.query<{ file_name: string; sha256: string; row_count: number }>(
      'SELECT file_name, sha256, row_count FROM catalogue_load ORDER BY file_name',
    );
    const loaded = new Map(ledger.rows.map((r) => [r.file_name, r]));
    const changed = files.filter((f) => loaded.get(f.fileName)?.sha256 !== f.sha256);
    if (changed.length === 0 && loaded.size === files.length) {
      const rowCounts = Object.fromEntries(ledger.rows.map((r) => [r.file_name, r.row_count]));
      return { status: 'unchanged' as const, rowCounts };
    }
    if (loaded.size > 0 && !options.reload) {
      const list = changed
        .map((f) => `${f.fileName} (sha256 now ${f.sha256.slice(0, 12)}…)`)
        .join(', ');
      throw new CatalogueError(
        `catalogue files changed since they were loaded: ${list}; start once with CATALOGUE_RELOAD=true to reload them`,
      );
    }
    const catalogue = await readCatalogue(options.directory);
    await writeCatalogue(client, catalogue);
    await client.query('DELETE FROM catalogue_load');
    await client.query(
      `INSERT INTO catalogue_load (file_name, sha256, row_count)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
      [
        files.map((f) => f.fileName),
        files.map((f) => f.sha256),
        files.map((f) => catalogue.rowCounts[f.fileName] ?? 0),
      ],
    );
    return {
      status: loaded.size > 0 ? ('reloaded' as const) : ('loaded' as const),
      rowCounts: catalogue.rowCounts,
    };
  });
  return { ...result, files, durationMs: Math.round(performance.now() - started) };
}

function column<T>(units: readonly UnitRecord[], pick: (u: UnitRecord) => T): T[] {
  return units.map(pick);
}

async function writeCatalogue(client: pg.PoolClient, catalogue: Catalogue): Promise<void> {
  const { units, mergers, provinceMergers } = catalogue;
  // Parents are checked at commit, so children may come before their parents on reload.
  await client.query('SET CONSTRAINTS unit_parent_fk DEFERRED');
  await client.query('DELETE FROM province_merger');
  await client.query('DELETE FROM unit_merger');
  await client.query(
    `INSERT INTO unit (structure, code, level, name, short_name, type, parent_code, province_code,
                       valid_from, valid_to, path, search_text, short_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::date[], $10::date[], $11::text[], $12::text[], $13::text[])
     ON CONFLICT (structure, code) DO UPDATE SET
       level = EXCLUDED.level, name = EXCLUDED.name, short_name = EXCLUDED.short_name, type = EXCLUDED.type,
       parent_code = EXCLUDED.parent_code, province_code = EXCLUDED.province_code,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, path = EXCLUDED.path,
       search_text = EXCLUDED.search_text, short_key = EXCLUDED.short_key`,
    [
      column(units, (u) => u.structure),
      column(units, (u) => u.code),
      column(units, (u) => u.level),
      column(units, (u) => u.name),
      column(units, (u) => u.shortName),
      column(units, (u) => u.type),
      column(units, (u) => u.parentCode),
      column(units, (u) => u.provinceCode),
      column(units, (u) => structureSpec(u.structure).validFrom),
      column(units, (u) => structureSpec(u.structure).validTo),
      column(units, (u) => u.path),
      column(units, (u) => u.searchText),
      column(units, (u) => u.shortKey),
    ],
  );
  try {
    await client.query(
      `DELETE FROM unit u
       WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS k(structure, code)
                         WHERE k.structure = u.structure AND k.code = u.code)`,
      [column(units, (u) => u.structure), column(units, (u) => u.code)],
    );
  } catch (err) {
    if (isPgError(err) && err.code === PG_CODES.foreignKeyViolation) {
      throw new CatalogueError(
        'a unit missing from the new files still has villages; keep it in the files',
      );
    }
    throw err;
  }
  await client.query(
    `INSERT INTO unit_merger (old_level, old_code, old_name, old_district_code, old_province_code, new_code,
                              new_province_code, relation, notes, old_name_in_table, flag)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::text[], $11::text[])`,
    [
      mergers.map((m) => m.oldLevel),
      mergers.map((m) => m.oldCode),
      mergers.map((m) => m.oldName),
      mergers.map((m) => m.oldDistrictCode),
      mergers.map((m) => m.oldProvinceCode),
      mergers.map((m) => m.newCode),
      mergers.map((m) => m.newProvinceCode),
      mergers.map((m) => m.relation),
      mergers.map((m) => m.note),
      mergers.map((m) => m.oldNameInTable),
      mergers.map((m) => m.flag),
    ],
  );
  await client.query(
    `INSERT INTO province_merger (old_province_code, new_province_code, mapping_rows)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
    [
      provinceMergers.map((p) => p.oldProvinceCode),
      provinceMergers.map((p) => p.newProvinceCode),
      provinceMergers.map((p) => p.mappingRows),
    ],
  );
}
