/** Assessments, village meetings and the yearly classifications of recognised rounds. */
import type pg from 'pg';
import type { Classification } from '../../domain/classify';
import type { Assessment, VillageMeeting } from '../domain/review-round';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export async function upsertAssessment(
  db: Queryable,
  roundId: string,
  householdId: string,
  a: Assessment,
  assessedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO review_assessment (round_id, household_id, income_per_person, deprived,
       classification, rule, standard_code, assessed_by, assessed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
     ON CONFLICT (round_id, household_id) DO UPDATE
       SET income_per_person = EXCLUDED.income_per_person, deprived = EXCLUDED.deprived,
           classification = EXCLUDED.classification, rule = EXCLUDED.rule,
           standard_code = EXCLUDED.standard_code, assessed_by = EXCLUDED.assessed_by,
           assessed_at = EXCLUDED.assessed_at`,
    [
      roundId,
      householdId,
      a.incomePerPerson.toString(),
      a.deprived,
      a.classification,
      a.rule,
      a.standardCode,
      assessedBy,
    ],
  );
}

export async function listMeetings(db: Queryable, roundId: string): Promise<VillageMeeting[]> {
  const { rows } = await db.query<VillageMeeting>(
    `SELECT village_code AS "villageCode", held_on::text AS "heldOn", attendees, agreed
       FROM review_meeting WHERE round_id = $1 ORDER BY village_code`,
    [roundId],
  );
  return rows;
}

/** One agreed meeting per village; a later one for the same village replaces it. */
export async function upsertMeeting(
  db: Queryable,
  roundId: string,
  m: VillageMeeting,
  recordedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO review_meeting (round_id, village_code, held_on, attendees, agreed, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (round_id, village_code) DO UPDATE
       SET held_on = EXCLUDED.held_on, attendees = EXCLUDED.attendees,
           agreed = EXCLUDED.agreed, recorded_by = EXCLUDED.recorded_by`,
    [roundId, m.villageCode, m.heldOn, m.attendees, m.agreed, recordedBy],
  );
}

export interface YearClassification {
  householdId: string;
  year: number;
  classification: Classification;
  standardCode: string;
  roundId: string;
  decidedOn: string;
}

/** Households among `ids` that already have a classification for `year`, with its round. */
export async function alreadyClassified(
  db: Queryable,
  ids: readonly string[],
  year: number,
): Promise<Array<{ householdId: string; roundId: string }>> {
  const { rows } = await db.query<{ household_id: string; round_id: string }>(
    `SELECT household_id, round_id FROM household_classification
      WHERE household_id = ANY($1::uuid[]) AND year = $2`,
    [ids, year],
  );
  return rows.map((r) => ({ householdId: r.household_id, roundId: r.round_id }));
}

export async function insertClassification(db: Queryable, c: YearClassification): Promise<void> {
  await db.query(
    `INSERT INTO household_classification (household_id, year, classification, standard_code,
       round_id, decided_on) VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.householdId, c.year, c.classification, c.standardCode, c.roundId, c.decidedOn],
  );
}

/** Every recognised classification of a household, oldest year first. */
export async function classificationsOf(
  db: Queryable,
  householdId: string,
): Promise<YearClassification[]> {
  const { rows } = await db.query<YearClassification>(
    `SELECT household_id AS "householdId", year, classification,
            standard_code AS "standardCode", round_id AS "roundId", decided_on::text AS "decidedOn"
       FROM household_classification WHERE household_id = $1 ORDER BY year`,
    [householdId],
  );
  return rows;
}
