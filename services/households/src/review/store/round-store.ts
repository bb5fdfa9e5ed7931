/** Review rounds: the round row itself (explicit SQL). */
import type pg from 'pg';
import type { ReviewRound, RoundKind, RoundStatus } from '../domain/review-round';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

const ROUND_COLUMNS = `id, commune_code, province_code, year, kind, started_on::text,
  deadline::text, standard_code, procedure_code, status, posted_from::text, posted_to::text,
  district_code, district_opinion_on::text, district_document, district_opinion,
  district_opinion_by, decision_number, decided_on::text, decision_signer, decided_by, opened_by`;

interface RoundRow {
  id: string;
  commune_code: string;
  province_code: string;
  year: number;
  kind: RoundKind;
  started_on: string;
  deadline: string | null;
  standard_code: string;
  procedure_code: string;
  status: RoundStatus;
  posted_from: string | null;
  posted_to: string | null;
  district_code: string | null;
  district_opinion_on: string | null;
  district_document: string | null;
  district_opinion: string | null;
  district_opinion_by: string | null;
  decision_number: string | null;
  decided_on: string | null;
  decision_signer: string | null;
  decided_by: string | null;
  opened_by: string;
}

function roundOf(r: RoundRow): ReviewRound {
  return {
    id: r.id,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    year: r.year,
    kind: r.kind,
    startedOn: r.started_on,
    deadline: r.deadline,
    standardCode: r.standard_code,
    procedureCode: r.procedure_code,
    status: r.status,
    postedFrom: r.posted_from,
    postedTo: r.posted_to,
    districtOpinion:
      r.district_opinion_on === null
        ? null
        : {
            districtCode: r.district_code ?? '',
            givenOn: r.district_opinion_on,
            document: r.district_document ?? '',
            opinion: r.district_opinion ?? '',
            givenBy: r.district_opinion_by ?? '',
          },
    decision:
      r.decided_on === null
        ? null
        : {
            number: r.decision_number ?? '',
            decidedOn: r.decided_on,
            signer: r.decision_signer ?? '',
            decidedBy: r.decided_by ?? '',
          },
    openedBy: r.opened_by,
  };
}

/** The round, or undefined; `lock` takes the row lock for a write transaction. */
export async function findRound(
  db: Queryable,
  id: string,
  lock = false,
): Promise<ReviewRound | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM review_round WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] === undefined ? undefined : roundOf(rows[0]);
}

export async function insertRound(db: Queryable, r: ReviewRound): Promise<void> {
  await db.query(
    `INSERT INTO review_round (id, commune_code, province_code, year, kind, started_on, deadline,
       standard_code, procedure_code, status, opened_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())`,
    [
      r.id,
      r.communeCode,
      r.provinceCode,
      r.year,
      r.kind,
      r.startedOn,
      r.deadline,
      r.standardCode,
      r.procedureCode,
      r.status,
      r.openedBy,
    ],
  );
}

export async function periodicRoundOf(
  db: Queryable,
  communeCode: string,
  year: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM review_round WHERE commune_code = $1 AND year = $2 AND kind = 'periodic'`,
    [communeCode, year],
  );
  return rows[0]?.id;
}

/** Writes the step fields of a round (posting, opinion, decision, status). */
export async function updateRoundSteps(db: Queryable, r: ReviewRound): Promise<void> {
  await db.query(
    `UPDATE review_round
        SET status = $2, posted_from = $3, posted_to = $4,
            district_code = $5, district_opinion_on = $6, district_document = $7,
            district_opinion = $8, district_opinion_by = $9,
            decision_number = $10, decided_on = $11, decision_signer = $12, decided_by = $13,
            updated_at = now()
      WHERE id = $1`,
    [
      r.id,
      r.status,
      r.postedFrom,
      r.postedTo,
      r.districtOpinion?.districtCode ?? null,
      r.districtOpinion?.givenOn ?? null,
      r.districtOpinion?.document ?? null,
      r.districtOpinion?.opinion ?? null,
      r.districtOpinion?.givenBy ?? null,
      r.decision?.number ?? null,
      r.decision?.decidedOn ?? null,
      r.decision?.signer ?? null,
      r.decision?.decidedBy ?? null,
    ],
  );
}

export interface RoundFilter {
  communeCode?: string;
  provinceCode?: string;
  year?: number;
  status?: RoundStatus;
  /** Only monthly rounds past their deadline (undecided by `today`, or decided late). */
  overdueOn?: string;
}

/** Where the previous page ended, in the list order (started_on DESC, commune_code, id). */
export interface RoundCursor {
  startedOn: string;
  communeCode: string;
  id: string;
}

export interface RoundSummary {
  round: ReviewRound;
  householdCount: number;
  assessedCount: number;
}

/** Rounds of a unit, newest first, with their list and assessment counts; one page. */
export async function listRounds(
  db: Queryable,
  f: RoundFilter,
  limit: number,
  after?: RoundCursor,
): Promise<RoundSummary[]> {
  const { rows } = await db.query<RoundRow & { household_count: number; assessed_count: number }>(
    `SELECT ${ROUND_COLUMNS},
            (SELECT count(*)::int FROM review_round_household l WHERE l.round_id = r.id)
              AS household_count,
            (SELECT count(*)::int FROM review_assessment a WHERE a.round_id = r.id)
              AS assessed_count
       FROM review_round r
      WHERE ($1::text IS NULL OR commune_code = $1)
        AND ($2::text IS NULL OR province_code = $2)
        AND ($3::int IS NULL OR year = $3)
        AND ($4::text IS NULL OR status = $4)
        AND ($5::date IS NULL OR (deadline IS NOT NULL AND COALESCE(decided_on, $5) > deadline))
        AND ($6::date IS NULL OR started_on < $6
             OR (started_on = $6 AND (commune_code, id) > ($7, $8::uuid)))
      ORDER BY started_on DESC, commune_code, id
      LIMIT $9`,
    [
      f.communeCode ?? null,
      f.provinceCode ?? null,
      f.year ?? null,
      f.status ?? null,
      f.overdueOn ?? null,
      after?.startedOn ?? null,
      after?.communeCode ?? null,
      after?.id ?? null,
      limit,
    ],
  );
  return rows.map((r) => ({
    round: roundOf(r),
    householdCount: r.household_count,
    assessedCount: r.assessed_count,
  }));
}
