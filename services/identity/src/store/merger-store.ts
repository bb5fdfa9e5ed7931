/** Reads of the 2025 merger mapping (old 2024 unit → new 2025 unit). */
import type pg from 'pg';
import type { Relation } from '../domain/merger-rows';
import type { MergerLink } from '../domain/successors';

type Queryable = pg.Pool | pg.PoolClient;

const LINK = `coalesce(m.old_code, '') AS "oldCode", m.new_code AS "newCode", m.relation, m.notes AS note`;

/** Rows of the conversion table for one old commune. */
export async function communeLinks(db: Queryable, communeCode: string): Promise<MergerLink[]> {
  const res = await db.query<MergerLink>(
    `SELECT ${LINK} FROM unit_merger m WHERE m.old_level = 'commune' AND m.old_code = $1 ORDER BY m.new_code`,
    [communeCode],
  );
  return res.rows;
}

/**
 * Rows for everything a 2024 district held: its communes (by the 2024 catalogue), and rows
 * naming the district itself (island districts) or an area it managed without a code.
 */
export async function districtLinks(db: Queryable, districtCode: string): Promise<MergerLink[]> {
  const res = await db.query<MergerLink>(
    `SELECT ${LINK} FROM unit_merger m
     JOIN unit u ON u.structure = '2024' AND u.code = m.old_code AND m.old_level = 'commune'
     WHERE u.parent_code = $1
     UNION ALL
     SELECT ${LINK} FROM unit_merger m
     WHERE (m.old_level = 'district' AND m.old_code = $1) OR (m.old_level = 'other' AND m.old_district_code = $1)`,
    [districtCode],
  );
  return res.rows;
}

export interface ProvinceLink {
  newCode: string;
  /** Every old province that went into the same new province. */
  coMerged: string[];
}

export async function provinceLink(
  db: Queryable,
  oldProvinceCode: string,
): Promise<ProvinceLink | undefined> {
  const res = await db.query<ProvinceLink>(
    `SELECT p.new_province_code AS "newCode",
            array(SELECT q.old_province_code FROM province_merger q
                  WHERE q.new_province_code = p.new_province_code ORDER BY 1) AS "coMerged"
     FROM province_merger p WHERE p.old_province_code = $1`,
    [oldProvinceCode],
  );
  return res.rows[0];
}

export type { Relation };
