/** Reads the review procedures (dated configuration of migration 0007). */
import type pg from 'pg';
import type { Confidence, ReviewProcedure } from '../domain/review-procedure';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

interface ProcedureRow {
  code: string;
  valid_from: string;
  valid_to: string | null;
  needs_district_opinion: boolean;
  periodic_from_month: number;
  periodic_from_day: number;
  periodic_to_month: number;
  periodic_to_day: number;
  monthly_decision_days: number;
  meeting_min_agreement_percent: number;
  posting_min_working_days: number;
  posting_confidence: Confidence;
  legal_basis: string;
  confidence: Confidence;
}

export async function loadProcedures(db: Queryable): Promise<ReviewProcedure[]> {
  const { rows } = await db.query<ProcedureRow>(
    `SELECT code, valid_from::text, valid_to::text, needs_district_opinion,
            periodic_from_month, periodic_from_day, periodic_to_month, periodic_to_day,
            monthly_decision_days, meeting_min_agreement_percent, posting_min_working_days,
            posting_confidence, legal_basis, confidence
       FROM review_procedure ORDER BY valid_from`,
  );
  return rows.map((r) => ({
    code: r.code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    needsDistrictOpinion: r.needs_district_opinion,
    periodicFrom: { month: r.periodic_from_month, day: r.periodic_from_day },
    periodicTo: { month: r.periodic_to_month, day: r.periodic_to_day },
    monthlyDecisionDays: r.monthly_decision_days,
    meetingMinAgreementPercent: r.meeting_min_agreement_percent,
    postingMinWorkingDays: r.posting_min_working_days,
    postingConfidence: r.posting_confidence,
    legalBasis: r.legal_basis,
    confidence: r.confidence,
  }));
}

/** The procedure a round follows (the one in force when it started). */
export async function procedureByCode(db: Queryable, code: string): Promise<ReviewProcedure> {
  const found = (await loadProcedures(db)).find((p) => p.code === code);
  if (found === undefined) throw new Error(`review procedure ${code} is missing`);
  return found;
}
