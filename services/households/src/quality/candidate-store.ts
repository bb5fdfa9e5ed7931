/**
 * SQL of duplicate candidates, computed on the fly with indexes (member_citizen_id,
 * member_duplicate_name_birth, member_household, household_commune_code): nothing to keep in
 * step with writes made elsewhere (moves, deaths, edits, imports). Same rules as
 * candidate-rules.ts; a member is live when present, not deceased and not merged.
 */
import type pg from 'pg';
import type { BirthDate } from '../domain/household-state';
import type { DuplicateRule, PersonOnFile } from './candidate-rules';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** `m` is live (A's status column: present = not moved out of the commune). */
const LIVE = (m: string) =>
  `${m}.status = 'present' AND ${m}.deceased_on IS NULL AND ${m}.merged_into_member_id IS NULL`;

const PERSON_COLUMNS = `m.id AS "memberId", m.household_id AS "householdId",
  h.code AS "householdCode", h.commune_code AS "communeCode", h.province_code AS "provinceCode",
  m.full_name AS "fullName", m.name_search AS "nameSearch", m.birth_year AS "birthYear",
  m.birth_month AS "birthMonth", m.birth_day AS "birthDay", m.citizen_id AS "citizenId",
  m.status = 'present' AS present, m.deceased_on IS NOT NULL AS deceased,
  m.merged_into_member_id AS "mergedIntoMemberId"`;

type PersonRow = Omit<PersonOnFile, 'dateOfBirth'> & {
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
};

function personOf(r: PersonRow): PersonOnFile {
  const { birthYear, birthMonth, birthDay, ...rest } = r;
  return { ...rest, dateOfBirth: { year: birthYear, month: birthMonth, day: birthDay } };
}

/** Members (with their household) by id; a moved-out member has no household and is absent. */
export async function findPersons(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, PersonOnFile>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Map();
  const res = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM member m JOIN household h ON h.id = m.household_id
     WHERE m.id = ANY($1::uuid[])`,
    [valid],
  );
  return new Map(res.rows.map((r) => [r.memberId, personOf(r)]));
}

export interface CheckQuery {
  citizenId: string | null;
  nameSearch: string;
  dateOfBirth: BirthDate;
  communeCode: string;
  excludeMemberId: string | null;
  limit: number;
}

/** Live members sharing the citizen ID (anywhere) or name + birth date (in the commune). */
export async function findCheckCandidates(db: Queryable, q: CheckQuery): Promise<PersonOnFile[]> {
  const res = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM member m JOIN household h ON h.id = m.household_id
     WHERE ${LIVE('m')}
       AND ($7::uuid IS NULL OR m.id <> $7)
       AND ((m.citizen_id = $1)
         OR (m.name_search = $2 AND m.birth_year = $3 AND m.birth_month IS NOT DISTINCT FROM $4
           AND m.birth_day IS NOT DISTINCT FROM $5 AND h.commune_code = $6))
     ORDER BY m.id LIMIT $8`,
    [
      q.citizenId,
      q.nameSearch,
      q.dateOfBirth.year,
      q.dateOfBirth.month,
      q.dateOfBirth.day,
      q.communeCode,
      q.excludeMemberId,
      q.limit,
    ],
  );
  return res.rows.map(personOf);
}

export interface CandidatePairRow {
  /** md5 of the two member ids: opaque, stable, the keyset of the list. */
  key: string;
  lowMemberId: string;
  highMemberId: string;
  rules: DuplicateRule[];
  openMergeId: string | null;
}

export interface PairFilter {
  /** At most one of them; neither means the whole country. */
  communeCode?: string;
  provinceCode?: string;
  afterKey?: string;
  limit: number;
}

/**
 * Undismissed candidate pairs with at least one member in the unit, in key order. The other
 * member may be anywhere (citizen ID) or in the same commune (name + birth date).
 */
export async function listCandidatePairs(
  db: Queryable,
  f: PairFilter,
): Promise<CandidatePairRow[]> {
  const res = await db.query<CandidatePairRow>(
    `WITH anchor AS (
       SELECT m.id, m.citizen_id, m.name_search, m.birth_year, m.birth_month, m.birth_day,
         h.commune_code
       FROM member m JOIN household h ON h.id = m.household_id
       WHERE ($1::text IS NULL OR h.commune_code = $1)
         AND ($2::text IS NULL OR h.province_code = $2) AND ${LIVE('m')}
     ), found AS (
       SELECT a.id AS x, o.id AS y, 'citizen_id'::text AS rule
       FROM anchor a JOIN member o ON o.citizen_id = a.citizen_id AND o.id <> a.id
       WHERE a.citizen_id IS NOT NULL AND ${LIVE('o')}
       UNION ALL
       SELECT a.id, o.id, 'name_birth_commune'::text
       FROM anchor a
       JOIN member o ON o.name_search = a.name_search AND o.birth_year = a.birth_year
         AND o.birth_month IS NOT DISTINCT FROM a.birth_month
         AND o.birth_day IS NOT DISTINCT FROM a.birth_day AND o.id <> a.id
       JOIN household oh ON oh.id = o.household_id AND oh.commune_code = a.commune_code
       WHERE ${LIVE('o')}
     ), pairs AS (
       SELECT LEAST(x, y) AS low, GREATEST(x, y) AS high,
         array_agg(DISTINCT rule ORDER BY rule) AS rules
       FROM found GROUP BY 1, 2
     ), keyed AS (
       SELECT md5(p.low::text || ':' || p.high::text) AS key, p.low, p.high, p.rules
       FROM pairs p
       WHERE NOT EXISTS (SELECT 1 FROM member_pair_dismissal d
         WHERE d.low_member_id = p.low AND d.high_member_id = p.high)
     )
     SELECT k.key, k.low AS "lowMemberId", k.high AS "highMemberId", k.rules,
       (SELECT mm.id FROM member_merge mm WHERE mm.status = 'proposed'
          AND LEAST(mm.kept_member_id, mm.merged_member_id) = k.low
          AND GREATEST(mm.kept_member_id, mm.merged_member_id) = k.high) AS "openMergeId"
     FROM keyed k
     WHERE ($3::text IS NULL OR k.key > $3)
     ORDER BY k.key LIMIT $4`,
    [f.communeCode ?? null, f.provinceCode ?? null, f.afterKey ?? null, f.limit],
  );
  return res.rows;
}
