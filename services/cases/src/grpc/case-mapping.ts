/** Conversions between case records and the CaseService proto. */
import {
  isoFromParts,
  partsFromIso,
  InvalidArgumentError,
  type Month,
  monthToProto,
} from '@posa/platform';
import {
  CaseKind as ProtoKind,
  CaseStatus as ProtoStatus,
  DisabilityLevel as ProtoDisability,
  PaymentChannel as ProtoChannel,
  type Case,
  type CaseSummary,
  type Decision,
  type EntitlementPeriod,
  type Eligibility,
} from '@posa/proto';
import type {
  CaseKind,
  CaseRow,
  CaseStatus,
  DecisionRow,
  EligibilityFacts,
  FlagRow,
  PaymentChannel,
  PeriodRow,
  StepRow,
} from '../domain/case-record';
import { isOverdue } from '../domain/case-deadline';
import type { DisabilityLevel } from '../domain/policy-catalogue';

const STATUS: Record<CaseStatus, ProtoStatus> = {
  submitted: ProtoStatus.CASE_STATUS_SUBMITTED,
  returned: ProtoStatus.CASE_STATUS_RETURNED,
  checked: ProtoStatus.CASE_STATUS_CHECKED,
  appraised: ProtoStatus.CASE_STATUS_APPRAISED,
  verified: ProtoStatus.CASE_STATUS_VERIFIED,
  active: ProtoStatus.CASE_STATUS_ACTIVE,
  rejected: ProtoStatus.CASE_STATUS_REJECTED,
  suspended: ProtoStatus.CASE_STATUS_SUSPENDED,
  terminated: ProtoStatus.CASE_STATUS_TERMINATED,
  transferred: ProtoStatus.CASE_STATUS_TRANSFERRED,
};

export function statusToProto(s: CaseStatus): ProtoStatus {
  return STATUS[s];
}

/** The status filter of a list: undefined for UNSPECIFIED. */
export function statusFromProto(s: ProtoStatus, field: string): CaseStatus | undefined {
  if (s === ProtoStatus.CASE_STATUS_UNSPECIFIED) return undefined;
  const found = (Object.keys(STATUS) as CaseStatus[]).find((k) => STATUS[k] === s);
  if (found === undefined) throw new InvalidArgumentError(field, 'is not a case status');
  return found;
}

export function kindToProto(k: CaseKind): ProtoKind {
  return k === 'monthly_allowance'
    ? ProtoKind.CASE_KIND_MONTHLY_ALLOWANCE
    : ProtoKind.CASE_KIND_CARE_SUPPORT;
}

export function kindFromProto(k: ProtoKind, field: string): CaseKind {
  if (k === ProtoKind.CASE_KIND_MONTHLY_ALLOWANCE) return 'monthly_allowance';
  if (k === ProtoKind.CASE_KIND_CARE_SUPPORT) return 'care_support';
  throw new InvalidArgumentError(field, 'must be monthly_allowance or care_support');
}

export function disabilityToProto(d: DisabilityLevel | null): ProtoDisability {
  if (d === 'severe') return ProtoDisability.DISABILITY_LEVEL_SEVERE;
  if (d === 'extremely_severe') return ProtoDisability.DISABILITY_LEVEL_EXTREMELY_SEVERE;
  return ProtoDisability.DISABILITY_LEVEL_UNSPECIFIED;
}

export function disabilityFromProto(d: ProtoDisability, field: string): DisabilityLevel | null {
  if (d === ProtoDisability.DISABILITY_LEVEL_UNSPECIFIED) return null;
  if (d === ProtoDisability.DISABILITY_LEVEL_SEVERE) return 'severe';
  if (d === ProtoDisability.DISABILITY_LEVEL_EXTREMELY_SEVERE) return 'extremely_severe';
  throw new InvalidArgumentError(field, 'is not a disability level');
}

export function channelToProto(c: PaymentChannel): ProtoChannel {
  if (c === 'cash_at_commune') return ProtoChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE;
  if (c === 'post_office') return ProtoChannel.PAYMENT_CHANNEL_POST_OFFICE;
  return ProtoChannel.PAYMENT_CHANNEL_BANK_TRANSFER;
}

export function channelFromProto(c: ProtoChannel, field: string): PaymentChannel {
  if (c === ProtoChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE) return 'cash_at_commune';
  if (c === ProtoChannel.PAYMENT_CHANNEL_POST_OFFICE) return 'post_office';
  if (c === ProtoChannel.PAYMENT_CHANNEL_BANK_TRANSFER) return 'bank_transfer';
  throw new InvalidArgumentError(field, 'must be cash_at_commune, post_office or bank_transfer');
}

/** A full calendar date of a request as YYYY-MM-DD (required). */
export function dateFromProto(
  d: { year: number; month: number; day: number } | undefined,
  field: string,
): string {
  const iso = d === undefined ? null : isoFromParts(d);
  if (iso === null) throw new InvalidArgumentError(field, 'must be a full calendar date');
  return iso;
}

/** A calendar month of a request as YYYY-MM; undefined when absent. */
export function monthFromProto(
  m: { year: number; month: number } | undefined,
  field: string,
): Month | undefined {
  if (m === undefined) return undefined;
  if (!Number.isInteger(m.year) || m.year < 1900 || m.year > 9999) {
    throw new InvalidArgumentError(field, 'must be a month of year 1900 or later');
  }
  if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) {
    throw new InvalidArgumentError(`${field}.month`, 'must be 1 to 12');
  }
  return `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;
}

export function eligibilityToProto(e: EligibilityFacts): Eligibility {
  return {
    categoryCodes: e.categoryCodes,
    disabilityLevel: disabilityToProto(e.disabilityLevel),
    careSupportTypeCode: e.careSupportTypeCode ?? '',
  };
}

export function decisionToProto(d: DecisionRow): Decision {
  return {
    decisionId: d.id,
    number: d.number,
    signedOn: partsFromIso(d.signedOn),
    signer: d.signer,
    effectiveMonth: d.effectiveMonth === null ? undefined : monthToProto(d.effectiveMonth),
    kind: d.kind,
    unitCode: d.unitCode,
    reason: d.reason ?? '',
  };
}

export function periodToProto(p: PeriodRow): EntitlementPeriod {
  return {
    fromMonth: monthToProto(p.fromMonth),
    toMonth: p.toMonth === null ? undefined : monthToProto(p.toMonth),
    suspended: p.suspended,
    eligibility: eligibilityToProto(p),
    decisionId: p.decisionId,
  };
}

/** What GetCase shows besides the row; lists leave it empty. */
export interface CaseParts {
  steps: readonly StepRow[];
  decisions: readonly DecisionRow[];
  periods: readonly PeriodRow[];
  flags: readonly FlagRow[];
}

export const NO_PARTS: CaseParts = { steps: [], decisions: [], periods: [], flags: [] };

/** The full case; `today` (YYYY-MM-DD) decides the overdue flag. */
export function caseToProto(row: CaseRow, parts: CaseParts, today: string): Case {
  return {
    caseId: row.id,
    caseCode: row.code,
    kind: kindToProto(row.kind),
    status: statusToProto(row.status),
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    beneficiary: {
      memberId: row.memberId,
      householdId: row.householdId,
      fullName: row.fullName,
      dateOfBirth: { year: row.birthYear, month: row.birthMonth ?? 0, day: row.birthDay ?? 0 },
      sex: row.sex,
      citizenId: row.citizenId ?? '',
    },
    eligibility: eligibilityToProto(row),
    payment: {
      channel: channelToProto(row.paymentChannel),
      bankCode: row.bankCode ?? '',
      accountNumber: row.accountNumber ?? '',
    },
    applicationDate: partsFromIso(row.applicationDate),
    channel: row.channel,
    procedureCode: row.procedureCode,
    stepDueOn: row.stepDueOn === null ? undefined : partsFromIso(row.stepDueOn),
    overdue: isOverdue(row, today),
    steps: parts.steps.map((s) => ({
      step: s.step,
      actorId: s.actorId,
      actorUnitCode: s.actorUnitCode,
      at: new Date(s.at),
      note: s.note ?? '',
    })),
    decisions: parts.decisions.map(decisionToProto),
    periods: parts.periods.map(periodToProto),
    flags: parts.flags.map((f) => ({
      flagId: f.id,
      reason: f.reason,
      raisedAt: new Date(f.raisedAt),
      resolution: f.resolution ?? '',
      resolvedAt: f.resolvedAt === null ? undefined : new Date(f.resolvedAt),
    })),
    missingItems: row.missingItems,
    populationCheck: row.populationCheck ?? '',
    transferredFromCaseId: row.transferredFromCaseId ?? '',
    version: row.version,
    updatedAt: new Date(row.updatedAt),
  };
}

/** The last 4 digits of a citizen ID ("" when none): lists never show the whole number. */
export function maskCitizenId(citizenId: string | null): string {
  return citizenId === null || citizenId === '' ? '' : `********${citizenId.slice(-4)}`;
}

export function summaryToProto(row: CaseRow, flagged: boolean, today: string): CaseSummary {
  return {
    caseId: row.id,
    caseCode: row.code,
    kind: kindToProto(row.kind),
    status: statusToProto(row.status),
    communeCode: row.communeCode,
    beneficiaryName: row.fullName,
    citizenIdMasked: maskCitizenId(row.citizenId),
    applicationDate: partsFromIso(row.applicationDate),
    stepDueOn: row.stepDueOn === null ? undefined : partsFromIso(row.stepDueOn),
    overdue: isOverdue(row, today),
    flagged,
  };
}
