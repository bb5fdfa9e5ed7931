/**
 * A social-assistance case (hồ sơ trợ giúp xã hội) as the service holds it: the row of
 * social_case, its steps, decisions (quyết định) and allowance periods (giai đoạn hưởng), and
 * the conversions the entitlement engine needs. Dates are 'YYYY-MM-DD', months 'YYYY-MM'.
 */
import { type Month } from '@posa/platform';
import type { BeneficiaryFacts } from './coefficient';
import type { CaseKind, PeriodInput } from './entitlement';
import type { DisabilityLevel } from './policy-catalogue';

export type { CaseKind } from './entitlement';

export const CASE_STATUSES = [
  'submitted',
  'returned',
  'checked',
  'appraised',
  'verified',
  'active',
  'rejected',
  'suspended',
  'terminated',
  'transferred',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type PaymentChannel = 'cash_at_commune' | 'post_office' | 'bank_transfer';
export type PopulationCheck = 'verified' | 'mismatch' | 'not_found' | 'unavailable';
export type Sex = 'male' | 'female';

export type DecisionKind =
  | 'approval'
  | 'rejection'
  | 'category_change'
  | 'suspension'
  | 'resumption'
  | 'termination'
  | 'transfer_out'
  | 'transfer_in';

/** The eligibility claimed at filing and confirmed by the appraisal (diện hưởng). */
export interface EligibilityFacts {
  categoryCodes: string[];
  disabilityLevel: DisabilityLevel | null;
  careSupportTypeCode: string | null;
}

/** Hình thức chi trả: bank code and account number only for bank transfers. */
export interface PaymentFacts {
  paymentChannel: PaymentChannel;
  bankCode: string | null;
  accountNumber: string | null;
}

/** One row of social_case. */
export interface CaseRow extends EligibilityFacts, PaymentFacts {
  id: string;
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  communeCode: string;
  provinceCode: string;
  memberId: string;
  householdId: string;
  fullName: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  sex: Sex;
  citizenId: string | null;
  applicationDate: string;
  channel: 'staff' | 'online';
  documents: string[];
  missingItems: string[];
  /** The procedure rule in force on the application date; it governs the case to the end. */
  procedureCode: string;
  proposedMonth: Month | null;
  appraisalOpinion: string | null;
  populationCheck: PopulationCheck | null;
  /** Deadline of the open step; null when no step waits on the administration. */
  stepDueOn: string | null;
  transferredFromCaseId: string | null;
  requestId: string | null;
  createdBy: string;
  version: number;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/** One row of case_step: who did what, when. */
export interface StepRow {
  step: string;
  actorId: string;
  actorUnitCode: string;
  at: string;
  note: string | null;
}

/** One row of case_decision. */
export interface DecisionRow {
  id: string;
  caseId: string;
  kind: DecisionKind;
  number: string;
  signedOn: string;
  signer: string;
  effectiveMonth: Month | null;
  /** The deciding authority's unit: a 2024 district or a 2025 commune. */
  unitCode: string;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One row of entitlement_period with its decision's number; toMonth inclusive, null while open. */
export interface PeriodRow extends EligibilityFacts {
  id: string;
  caseId: string;
  citizenId: string;
  kind: CaseKind;
  fromMonth: Month;
  toMonth: Month | null;
  suspended: boolean;
  decisionId: string;
  decisionNumber: string;
}

/** A review flag of a case (from household events), as GetCase shows it. */
export interface FlagRow {
  id: string;
  reason: string;
  raisedAt: string;
  resolution: string | null;
  resolvedAt: string | null;
}

/** Who acts, for steps, decisions and event stamps (never a name). */
export interface Actor {
  actorId: string;
  actorUnitCode: string;
  sourceAddress: string;
}

/** What the entitlement engine needs of the beneficiary. */
export function factsOf(row: CaseRow): BeneficiaryFacts {
  return {
    birthYear: row.birthYear,
    birthMonth: row.birthMonth,
    birthDay: row.birthDay,
    provinceCode: row.provinceCode,
  };
}

/** Periods as the entitlement engine takes them. */
export function periodInputsOf(periods: readonly PeriodRow[]): PeriodInput[] {
  return periods.map((p) => ({
    fromMonth: p.fromMonth,
    toMonth: p.toMonth,
    suspended: p.suspended,
    categoryCodes: p.categoryCodes,
    disabilityLevel: p.disabilityLevel,
    careSupportTypeCode: p.careSupportTypeCode,
    decisionId: p.decisionId,
    decisionNumber: p.decisionNumber,
  }));
}

/** The date of birth as the population database takes it: YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateOfBirthText(
  row: Pick<CaseRow, 'birthYear' | 'birthMonth' | 'birthDay'>,
): string {
  const year = String(row.birthYear).padStart(4, '0');
  if (row.birthMonth === null) return year;
  const month = `${year}-${String(row.birthMonth).padStart(2, '0')}`;
  return row.birthDay === null ? month : `${month}-${String(row.birthDay).padStart(2, '0')}`;
}
