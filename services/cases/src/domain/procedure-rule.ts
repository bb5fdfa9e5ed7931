/**
 * Procedure rules (quy trình giải quyết): which level appraises (thẩm định) and decides
 * (quyết định) a case and the time limits of its steps in working days, by the date the case was
 * filed. Decree 20/2021 (district level) until 2025-06-30, Decree 147/2025 (commune level) after.
 */
import { FailedPreconditionError } from '@posa/platform';
import type { SourceTag } from './policy-catalogue';

export type ProcedureLevel = 'district' | 'commune';

export interface ProcedureRule {
  code: string;
  validFrom: string;
  validTo: string | null;
  appraisalLevel: ProcedureLevel;
  decisionLevel: ProcedureLevel;
  /** Working days for the completeness check after filing. */
  completenessDays: number;
  /** Working days for the appraisal after the file is complete. */
  appraisalDays: number;
  /** Working days for the decision after the appraisal. */
  decisionDays: number;
  legalSource: string;
  tag: SourceTag;
}

/** The rule in force on a date (YYYY-MM-DD); FailedPreconditionError when none is. */
export function ruleInForce(rules: readonly ProcedureRule[], date: string): ProcedureRule {
  const rule = rules.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  if (rule === undefined) {
    throw new FailedPreconditionError(`no procedure rule is in force on ${date}`);
  }
  return rule;
}
