/** Villages of the 2025 communes: creation (with the code issued under a lock) and lists. */
import type pg from 'pg';
import { AlreadyExistsError, NotFoundError } from '@posa/platform';
import { isPgError, PG_CODES } from '@posa/db';
import { issueVillageCode, villageNameKey, type VillageKindName } from '../domain/village';

export interface StoredVillage {
  code: string;
  communeCode: string;
  provinceCode: string;
  name: string;
  kind: VillageKindName;
  createdAt: Date;
}

const COLUMNS = `code, commune_code AS "communeCode", province_code AS "provinceCode", name, kind,
  created_at AS "createdAt"`;

export interface NewVillage {
  communeCode: string;
  name: string;
  kind: VillageKindName;
  createdBy: string;
}

/**
 * Inserts a village inside the caller's transaction. The commune's row is locked so two
 * villages created at once in one commune get consecutive numbers.
 */
export async function insertVillage(
  client: pg.PoolClient,
  village: NewVillage,
): Promise<StoredVillage> {
  const commune = await client.query<{ provinceCode: string }>(
    `SELECT province_code AS "provinceCode" FROM unit
     WHERE structure = '2025' AND code = $1 AND level = 'commune' FOR NO KEY UPDATE`,
    [village.communeCode],
  );
  const provinceCode = commune.rows[0]?.provinceCode;
  if (provinceCode === undefined) {
    throw new NotFoundError(`commune ${village.communeCode} does not exist in the 2025 structure`);
  }
  const highest = await client.query<{ n: number }>(
    'SELECT coalesce(max(number), 0)::int AS n FROM village WHERE commune_code = $1',
    [village.communeCode],
  );
  const issued = issueVillageCode(village.communeCode, highest.rows[0]?.n ?? 0);
  try {
    const res = await client.query<StoredVillage>(
      `INSERT INTO village (code, commune_code, number, name, name_key, kind, province_code, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        issued.code,
        village.communeCode,
        issued.number,
        village.name,
        villageNameKey(village.name),
        village.kind,
        provinceCode,
        village.createdBy,
      ],
    );
    return res.rows[0]!;
  } catch (err) {
    if (
      isPgError(err) &&
      err.code === PG_CODES.uniqueViolation &&
      err.constraint === 'village_name_unique'
    ) {
      throw new AlreadyExistsError(
        `commune ${village.communeCode} already has a village of that name`,
      );
    }
    throw err;
  }
}

/** Villages of a commune after `afterCode`, in code order, at most `limit`. */
export async function listVillages(
  db: pg.Pool | pg.PoolClient,
  communeCode: string,
  afterCode: string | null,
  limit: number,
): Promise<StoredVillage[]> {
  const res = await db.query<StoredVillage>(
    `SELECT ${COLUMNS} FROM village
     WHERE commune_code = $1 AND ($2::text IS NULL OR code > $2) ORDER BY code LIMIT $3`,
    [communeCode, afterCode, limit],
  );
  return res.rows;
}
