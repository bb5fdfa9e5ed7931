/**
 * The SQL of the searches (explicit, one statement per search). Name queries use the GIN
 * index of migration 0004 through `member_name_prefixes(name_search) @> words`; the same
 * words as anchored regular expressions are a cheap filter for plans that start from a
 * commune's households instead. Codes use household (commune_code, code); citizen IDs the
 * partial index on member.citizen_id.
 */
import type pg from 'pg';
import type { HouseholdStatus } from '../domain/household-state';
import type { SearchCriterion } from '../domain/search-query';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Where to look: one commune, one province, or the whole country (neither). */
export interface SearchScope {
  communeCode?: string;
  provinceCode?: string;
}

export interface SearchOptions {
  scope: SearchScope;
  status?: HouseholdStatus;
  /**
   * Only households recognised for `year` (household_classification, written when a review
   * round is recognised), with one of `classifications` when that list is not empty.
   */
  classification?: { year: number; classifications: readonly string[] };
  /** Members search only: include members who have died. */
  includeDeceased: boolean;
  /** Rows to return (the caller asks for one more than a page to know if more follow). */
  limit: number;
}

export interface MemberSearchRow {
  memberId: string;
  householdId: string;
  householdCode: string;
  communeCode: string;
  provinceCode: string;
  fullName: string;
  nameSearch: string;
  birthYear: number;
  citizenId: string | null;
  relation: string;
  householdStatus: HouseholdStatus;
  deceased: boolean;
}

export interface HouseholdSearchRow {
  householdId: string;
  householdCode: string;
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  status: HouseholdStatus;
  headFullName: string | null;
  headBirthYear: number | null;
  headCitizenId: string | null;
  memberCount: number;
}

/** `(^| )word`: the word starts a word of name_search. */
function wordPattern(word: string): string {
  return `(^| )${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

/** Appends parameters and returns their placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The member condition of a name or citizen-ID criterion (alias m). */
function memberCondition(criterion: SearchCriterion, p: Params): string | undefined {
  if (criterion.kind === 'name') {
    return `member_name_prefixes(m.name_search) @> ${p.add(criterion.words)}::text[]
      AND m.name_search ~ ALL (${p.add(criterion.words.map(wordPattern))}::text[])`;
  }
  if (criterion.kind === 'citizen_id') return `m.citizen_id = ${p.add(criterion.citizenId)}`;
  return undefined;
}

/** The household conditions: code criteria, unit and status (alias h). */
function householdConditions(
  criterion: SearchCriterion,
  options: SearchOptions,
  p: Params,
): string[] {
  const where: string[] = [];
  if (criterion.kind === 'household_code') where.push(`h.code = ${p.add(criterion.code)}`);
  if (criterion.kind === 'household_code_prefix') {
    // The prefix starts with the commune code, so the (commune_code, code) index applies.
    where.push(`h.commune_code = ${p.add(criterion.prefix.slice(0, 5))}`);
    where.push(`h.code LIKE ${p.add(`${criterion.prefix}%`)}`);
  }
  if (options.scope.communeCode !== undefined) {
    where.push(`h.commune_code = ${p.add(options.scope.communeCode)}`);
  }
  if (options.scope.provinceCode !== undefined) {
    where.push(`h.province_code = ${p.add(options.scope.provinceCode)}`);
  }
  if (options.status !== undefined) where.push(`h.status = ${p.add(options.status)}`);
  if (options.classification !== undefined) {
    const { year, classifications } = options.classification;
    const only =
      classifications.length === 0
        ? ''
        : ` AND hc.classification = ANY (${p.add(classifications)}::text[])`;
    where.push(
      `EXISTS (SELECT 1 FROM household_classification hc
                WHERE hc.household_id = h.id AND hc.year = ${p.add(year)}${only})`,
    );
  }
  return where;
}

const MEMBER_COLUMNS = `m.id AS "memberId", m.household_id AS "householdId",
  h.code AS "householdCode", h.commune_code AS "communeCode", h.province_code AS "provinceCode",
  m.full_name AS "fullName", m.name_search AS "nameSearch", m.birth_year AS "birthYear",
  m.citizen_id AS "citizenId", m.relation, h.status AS "householdStatus",
  m.deceased_on IS NOT NULL AS deceased`;

/**
 * Members ordered by (name_search, id), after `after` when given. Two plans, chosen here
 * rather than left to the planner, which otherwise walks the name_search b-tree in order
 * hoping to meet matches early (seconds for common names, see README):
 * - a name searched in a province or the country: the GIN index gives every match (the
 *   `hits` CTE is materialised, so nothing can walk), then households are joined and the
 *   page is sorted;
 * - anything else (a commune, a citizen ID, a code): households first, members filtered
 *   with the anchored regular expressions, which needs no index.
 */
export async function searchMembers(
  db: Queryable,
  criterion: SearchCriterion,
  options: SearchOptions,
  after?: { nameSearch: string; memberId: string },
): Promise<MemberSearchRow[]> {
  const p = new Params();
  const memberWhere: string[] = [];
  if (!options.includeDeceased) memberWhere.push('m.deceased_on IS NULL');
  // A record absorbed by a confirmed duplicate merge lives on only in history.
  memberWhere.push('m.merged_into_member_id IS NULL');
  if (after !== undefined) {
    memberWhere.push(
      `(m.name_search, m.id) > (${p.add(after.nameSearch)}, ${p.add(after.memberId)}::uuid)`,
    );
  }
  const order = 'ORDER BY m.name_search, m.id';
  if (criterion.kind === 'name' && options.scope.communeCode === undefined) {
    memberWhere.push(`member_name_prefixes(m.name_search) @> ${p.add(criterion.words)}::text[]`);
    const where = householdConditions(criterion, options, p);
    // With no household condition (the whole country, any status) the page is cut before
    // households are joined: joining every match first costs more than finding them.
    const cut = where.length === 0 ? `${order} LIMIT ${p.add(options.limit)}` : '';
    const { rows } = await db.query<MemberSearchRow>(
      `WITH hits AS MATERIALIZED (
         SELECT m.id, m.household_id, m.full_name, m.name_search, m.birth_year, m.citizen_id,
                m.relation, m.deceased_on
           FROM member m
          WHERE ${memberWhere.join(' AND ')}
       ),
       page AS (SELECT * FROM hits m ${cut})
       SELECT ${MEMBER_COLUMNS}
         FROM page m
         JOIN household h ON h.id = m.household_id
        WHERE ${where.length === 0 ? 'true' : where.join(' AND ')}
        ${order}
        LIMIT ${p.add(options.limit)}`,
      p.values,
    );
    return rows;
  }
  const where = householdConditions(criterion, options, p);
  if (criterion.kind === 'name') {
    where.push(`m.name_search ~ ALL (${p.add(criterion.words.map(wordPattern))}::text[])`);
  } else if (criterion.kind === 'citizen_id') {
    where.push(`m.citizen_id = ${p.add(criterion.citizenId)}`);
  }
  const { rows } = await db.query<MemberSearchRow>(
    `SELECT ${MEMBER_COLUMNS}
       FROM member m
       JOIN household h ON h.id = m.household_id
      WHERE ${[...where, ...memberWhere].join('\n        AND ')}
      ${order}
      LIMIT ${p.add(options.limit)}`,
    p.values,
  );
  return rows;
}

/** Households with a matching member (or code), ordered by code, after `afterCode`. */
export async function searchHouseholds(
  db: Queryable,
  criterion: SearchCriterion,
  options: SearchOptions,
  afterCode?: string,
): Promise<HouseholdSearchRow[]> {
  const p = new Params();
  const where = householdConditions(criterion, options, p);
  const member = memberCondition(criterion, p);
  if (member !== undefined) {
    where.push(`h.id IN (SELECT m.household_id FROM member m WHERE ${member})`);
  }
  if (afterCode !== undefined) where.push(`h.code > ${p.add(afterCode)}`);
  const { rows } = await db.query<HouseholdSearchRow>(
    `WITH page AS (
       SELECT h.id, h.code, h.commune_code, h.province_code, h.village_code, h.status,
              h.head_member_id
         FROM household h
        WHERE ${where.length === 0 ? 'true' : where.join('\n          AND ')}
        ORDER BY h.code
        LIMIT ${p.add(options.limit)}
     )
     SELECT page.id AS "householdId", page.code AS "householdCode",
            page.commune_code AS "communeCode", page.province_code AS "provinceCode",
            page.village_code AS "villageCode", page.status,
            head.full_name AS "headFullName", head.birth_year AS "headBirthYear",
            head.citizen_id AS "headCitizenId",
            (SELECT count(*)::int FROM member c
              WHERE c.household_id = page.id AND c.deceased_on IS NULL) AS "memberCount"
       FROM page
       LEFT JOIN member head ON head.id = page.head_member_id
      ORDER BY page.code`,
    p.values,
  );
  return rows;
}
