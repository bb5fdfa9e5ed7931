/** Reads of the unit catalogue: explicit SQL, one structure at a time. */
import type pg from 'pg';
import type { SortKey } from '../domain/page-token';
import type { StructureId, UnitLevelName } from '../domain/structures';

/** A unit as stored (dates as ISO strings, never JS Dates). */
export interface StoredUnit {
  structure: StructureId;
  code: string;
  level: UnitLevelName;
  name: string;
  shortName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  path: string;
}

const COLUMNS = `structure, code, level, name, short_name AS "shortName", type, parent_code AS "parentCode",
  province_code AS "provinceCode", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(valid_to, 'YYYY-MM-DD') AS "validTo", path`;

type Queryable = pg.Pool | pg.PoolClient;

export async function getUnit(
  db: Queryable,
  structure: StructureId,
  code: string,
): Promise<StoredUnit | undefined> {
  const res = await db.query<StoredUnit>(
    `SELECT ${COLUMNS} FROM unit WHERE structure = $1 AND code = $2`,
    [structure, code],
  );
  return res.rows[0];
}

/** Units of one structure by code, in code order (unknown codes are skipped). */
export async function getUnits(
  db: Queryable,
  structure: StructureId,
  codes: readonly string[],
): Promise<StoredUnit[]> {
  const res = await db.query<StoredUnit>(
    `SELECT ${COLUMNS} FROM unit WHERE structure = $1 AND code = ANY($2::text[]) ORDER BY path`,
    [structure, codes],
  );
  return res.rows;
}

/** Children of `parentCode` (null: the provinces) with code after `afterCode`, at most `limit`. */
export async function listChildren(
  db: Queryable,
  structure: StructureId,
  parentCode: string | null,
  afterCode: string | null,
  limit: number,
): Promise<StoredUnit[]> {
  const res = await db.query<StoredUnit>(
    `SELECT ${COLUMNS} FROM unit
     WHERE structure = $1 AND parent_code IS NOT DISTINCT FROM $2 AND ($3::text IS NULL OR code > $3)
     ORDER BY code LIMIT $4`,
    [structure, parentCode, afterCode, limit],
  );
  return res.rows;
}

/** Units below the one at `path`, depth first, after `afterPath`, at most `limit`. */
export async function listSubtree(
  db: Queryable,
  structure: StructureId,
  path: string,
  afterPath: string | null,
  limit: number,
): Promise<StoredUnit[]> {
  const res = await db.query<StoredUnit>(
    `SELECT ${COLUMNS} FROM unit
     WHERE structure = $1 AND path LIKE $2 AND ($3::text IS NULL OR path > $3)
     ORDER BY path LIMIT $4`,
    [structure, `${path}/%`, afterPath, limit],
  );
  return res.rows;
}

export interface SearchFilter {
  structure: StructureId;
  /** Words of the query's search key ([a-z0-9] only), at least one. */
  words: readonly string[];
  /** The whole search key, for ranking. */
  key: string;
  level: UnitLevelName | null;
  provinceCode: string | null;
  /** [rank, path] of the last unit of the previous page. */
  after: SortKey | null;
  limit: number;
}

export type RankedUnit = StoredUnit & { rank: number };

/**
 * Units whose search text has a word starting with each query word. Rank 0: the short
 * name is the query; 1: it starts with the query; 2: other matches. Then depth-first order.
 */
export async function searchUnits(db: Queryable, filter: SearchFilter): Promise<RankedUnit[]> {
  const params: unknown[] = [
    filter.structure,
    filter.key,
    `${filter.key}%`,
    filter.level,
    filter.provinceCode,
  ];
  const wordClauses = filter.words.map((word) => {
    params.push(`%${word}%`, `% ${word}%`);
    // The first LIKE uses the trigram index; the second keeps matches that start a word.
    return `search_text LIKE $${params.length - 1} AND (' ' || search_text) LIKE $${params.length}`;
  });
  params.push(filter.after?.[0] ?? null, filter.after?.[1] ?? null, filter.limit);
  const n = params.length;
  const res = await db.query<RankedUnit>(
    `SELECT * FROM (
       SELECT ${COLUMNS},
              CASE WHEN short_key = $2 THEN 0 WHEN short_key LIKE $3 THEN 1 ELSE 2 END AS rank
       FROM unit
       WHERE structure = $1 AND ${wordClauses.join(' AND ')}
         AND ($4::text IS NULL OR level = $4) AND ($5::text IS NULL OR province_code = $5)
     ) matches
     WHERE $${n - 2}::int IS NULL OR (rank, path) > ($${n - 2}::int, $${n - 1}::text COLLATE "C")
     ORDER BY rank, path LIMIT $${n}`,
    params,
  );
  return res.rows;
}

/** Code and parent (null for provinces) of every unit of a structure: input of UnitTree. */
export async function listUnitLinks(
  db: Queryable,
  structure: StructureId,
): Promise<Array<{ code: string; parentCode: string | null }>> {
  const res = await db.query<{ code: string; parentCode: string | null }>(
    'SELECT code, parent_code AS "parentCode" FROM unit WHERE structure = $1 ORDER BY path',
    [structure],
  );
  return res.rows;
}

/** Units per structure and level, e.g. { '2024': { province: 63, ... }, ... }. */
export async function countUnits(db: Queryable): Promise<Record<string, Record<string, number>>> {
  const res = await db.query<{ structure: string; level: string; n: number }>(
    'SELECT structure, level, count(*)::int AS n FROM unit GROUP BY structure, level',
  );
  const out: Record<string, Record<string, number>> = {};
  for (const row of res.rows) (out[row.structure] ??= {})[row.level] = row.n;
  return out;
}
