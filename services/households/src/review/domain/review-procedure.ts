/**
 * The review procedure (quy trình rà soát) as dated configuration from the database: which
 * level recognises the results, the periodic window, the monthly deadline, the village
 * meeting threshold and the posting length. The rule in force on the day a round starts
 * governs that round to its end.
 */
import { addCalendarDays } from '@posa/platform';

export type Confidence = 'C' | 'S' | 'M';

export interface ReviewProcedure {
  code: string;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null while open-ended. */
  validTo: string | null;
  /** Step 5 before 2025-07-01: the district chair's opinion before the commune chair decides. */
  needsDistrictOpinion: boolean;
  periodicFrom: { month: number; day: number };
  periodicTo: { month: number; day: number };
  monthlyDecisionDays: number;
  meetingMinAgreementPercent: number;
  postingMinWorkingDays: number;
  postingConfidence: Confidence;
  legalBasis: string;
  confidence: Confidence;
}

/** The procedure in force on a date (YYYY-MM-DD), if any. */
export function procedureInForce(
  procedures: readonly ReviewProcedure[],
  isoDate: string,
): ReviewProcedure | undefined {
  return procedures.find(
    (p) => p.validFrom <= isoDate && (p.validTo === null || isoDate <= p.validTo),
  );
}

const monthDay = (md: { month: number; day: number }): string =>
  `${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`;

/** Whether a date falls in the periodic review window of its year (1 Sep – 14 Dec). */
export function inPeriodicWindow(procedure: ReviewProcedure, isoDate: string): boolean {
  const md = isoDate.slice(5);
  return monthDay(procedure.periodicFrom) <= md && md <= monthDay(procedure.periodicTo);
}

/** The window as text for error messages, e.g. "09-01 – 12-14". */
export function periodicWindowText(procedure: ReviewProcedure): string {
  return `${monthDay(procedure.periodicFrom)} – ${monthDay(procedure.periodicTo)}`;
}

/** Last day for the decision of a monthly round (within N days of its start). */
export function monthlyDeadline(procedure: ReviewProcedure, startedOn: string): string {
  return addCalendarDays(startedOn, procedure.monthlyDecisionDays);
}

/**
 * A monthly round is overdue when it is not decided and today is past the deadline, or it
 * was decided after the deadline. Periodic rounds have no deadline.
 */
export function isOverdue(
  deadline: string | null,
  decidedOn: string | null,
  today: string,
): boolean {
  if (deadline === null) return false;
  return (decidedOn ?? today) > deadline;
}
