/** A round's household list, the households it draws on, and form 01 / 04 requests. */
import type pg from 'pg';
import type { Classification } from '../../domain/classify';
import type { Area } from '../../domain/standard';
import type { ListedHousehold, ListingSource } from '../domain/review-round';
import { isUuid } from './round-store';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** What the review needs of a household (no names). */
export interface HouseholdBrief {
  id: string;
  code: string;
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  area: Area;
  status: 'active' | 'dissolved';
}

export async function findHouseholdBrief(
  db: Queryable,
  id: string,
): Promise<HouseholdBrief | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<HouseholdBrief>(
    `SELECT id, code, commune_code AS "communeCode", province_code AS "provinceCode",
            village_code AS "villageCode", area, status
       FROM household WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Last recognised classification of a household before `year` (a subquery on h.id). */
const PREVIOUS = `(SELECT c.classification FROM household_classification c
   WHERE c.household_id = h.id AND c.year < $2 ORDER BY c.year DESC LIMIT 1)`;

interface ListedRow {
  household_id: string;
  code: string;
  village_code: string | null;
  source: ListingSource;
  reason: string;
  previous: Classification | null;
  income_per_person: string | null;
  deprived: string[] | null;
  classification: Classification | null;
  rule: string | null;
  standard_code: string | null;
}

/** The listed households with their previous classification and assessment, by code. */
export async function listedHouseholds(
  db: Queryable,
  roundId: string,
  year: number,
): Promise<ListedHousehold[]> {
  const { rows } = await db.query<ListedRow>(
    `SELECT l.household_id, h.code, h.village_code, l.source, l.reason, ${PREVIOUS} AS previous,
            a.income_per_person::text, a.deprived, a.classification, a.rule, a.standard_code
       FROM review_round_household l
       JOIN household h ON h.id = l.household_id
       LEFT JOIN review_assessment a
         ON a.round_id = l.round_id AND a.household_id = l.household_id
      WHERE l.round_id = $1
      ORDER BY h.code`,
    [roundId, year],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    householdCode: r.code,
    villageCode: r.village_code,
    source: r.source,
    reason: r.reason,
    previous: r.previous,
    assessment:
      r.classification === null
        ? null
        : {
            incomePerPerson: BigInt(r.income_per_person ?? '0'),
            deprived: r.deprived ?? [],
            classification: r.classification,
            rule: r.rule ?? '',
            standardCode: r.standard_code ?? '',
          },
  }));
}

/**
 * Active households of the commune whose last recognised classification before `year` is
 * poor or near-poor, and which have none for `year` yet (one classification per year).
 */
export async function currentlyPoorOrNearPoor(
  db: Queryable,
  communeCode: string,
  year: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT h.id FROM household h
      WHERE h.commune_code = $1 AND h.status = 'active'
        AND ${PREVIOUS} IN ('poor', 'near_poor')
        AND NOT EXISTS (SELECT 1 FROM household_classification c
                         WHERE c.household_id = h.id AND c.year = $2)
      ORDER BY h.code`,
    [communeCode, year],
  );
  return rows.map((r) => r.id);
}

export interface ListingEntry {
  householdId: string;
  source: ListingSource;
  reason: string;
}

export async function insertListed(
  db: Queryable,
  roundId: string,
  entries: readonly ListingEntry[],
  addedBy: string,
): Promise<void> {
  for (const e of entries) {
    await db.query(
      `INSERT INTO review_round_household (round_id, household_id, source, reason, added_by,
         added_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (round_id, household_id) DO NOTHING`,
      [roundId, e.householdId, e.source, e.reason, addedBy],
    );
  }
}

export async function isListed(db: Queryable, roundId: string, householdId: string) {
  const { rowCount } = await db.query(
    'SELECT 1 FROM review_round_household WHERE round_id = $1 AND household_id = $2',
    [roundId, householdId],
  );
  return (rowCount ?? 0) > 0;
}

export interface NewRequest {
  id: string;
  householdId: string;
  communeCode: string;
  year: number;
  form: '01' | '04';
  receivedOn: string;
  note: string;
  recordedBy: string;
}

export async function insertRequest(db: Queryable, r: NewRequest): Promise<void> {
  await db.query(
    `INSERT INTO review_request (id, household_id, commune_code, year, form, received_on, note,
       recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
    [r.id, r.householdId, r.communeCode, r.year, r.form, r.receivedOn, r.note, r.recordedBy],
  );
}

/** Pending requests of a form, pulled into the round (they belong to it from now on). */
export async function pullPendingRequests(
  db: Queryable,
  roundId: string,
  communeCode: string,
  year: number,
  form: '01' | '04',
): Promise<string[]> {
  const { rows } = await db.query<{ household_id: string }>(
    `UPDATE review_request r SET round_id = $1
      WHERE r.commune_code = $2 AND r.year = $3 AND r.form = $4 AND r.round_id IS NULL
        AND r.refused_on IS NULL
        AND EXISTS (SELECT 1 FROM household h WHERE h.id = r.household_id AND h.status = 'active')
        AND NOT EXISTS (SELECT 1 FROM household_classification c
                         WHERE c.household_id = r.household_id AND c.year = $3)
      RETURNING r.household_id`,
    [roundId, communeCode, year, form],
  );
  return [...new Set(rows.map((r) => r.household_id))];
}
