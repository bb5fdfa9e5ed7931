/**
 * Time limits of the steps of a case (thời hạn giải quyết) in working days of the procedure
 * rule the case was filed under, and the overdue test (quá hạn): the open step's due date is
 * before today while the administration still owes the step.
 */
import { addWorkingDays } from '@posa/platform';
import type { CaseRow, CaseStatus } from './case-record';
import type { ProcedureRule } from './procedure-rule';

/** Statuses in which the administration owes the next step (returned waits on the applicant). */
export const OPEN_STEP_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'checked',
  'appraised',
  'verified',
];

export type TimedStep = 'completeness' | 'appraisal' | 'decision';

/** The working days the rule gives a step. */
export function daysFor(rule: ProcedureRule, step: TimedStep): number {
  if (step === 'completeness') return rule.completenessDays;
  if (step === 'appraisal') return rule.appraisalDays;
  return rule.decisionDays;
}

/** The due date of a step that starts on `from` (the starting day is not counted). */
export function dueOn(
  rule: ProcedureRule,
  step: TimedStep,
  from: string,
  holidays: ReadonlySet<string>,
): string {
  return addWorkingDays(from, daysFor(rule, step), holidays);
}

/** True when the open step's due date is before `today` (YYYY-MM-DD). */
export function isOverdue(row: Pick<CaseRow, 'status' | 'stepDueOn'>, today: string): boolean {
  return row.stepDueOn !== null && OPEN_STEP_STATUSES.includes(row.status) && row.stepDueOn < today;
}
