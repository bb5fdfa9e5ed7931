/**
 * JSON shapes of social-assistance cases (hồ sơ trợ giúp xã hội) in the API and the pages,
 * and the conversions from the proto messages. Money is an integer number of VND (the proto
 * carries int64 as decimal text); months are "YYYY-MM"; coefficients (hệ số) are integer
 * hundredths (1.5 -> 150).
 */
import type {
  Beneficiary,
  CalendarDate,
  CalendarMonth,
  Case,
  CaseSummary,
  Decision,
  Eligibility,
  EntitlementPeriod,
  PaymentAccount,
} from '@posa/proto';
import {
  CASE_KIND_OF_NAME,
  CASE_STATUS_OF_NAME,
  CHANNEL_OF_NAME,
  DISABILITY_OF_NAME,
  nameIn,
  type CaseKindName,
  type CaseStatusName,
  type ChannelName,
  type DisabilityName,
} from './case-enums';
import { partialDateText } from './household-json';

export * from './case-enums';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "2025-07"; null when absent. */
export function monthText(m: CalendarMonth | undefined): string | null {
  return m === undefined || m.year === 0 ? null : `${pad(m.year, 4)}-${pad(m.month, 2)}`;
}

/** A whole day "YYYY-MM-DD" (null when absent or partial). */
export function dayText(d: CalendarDate | undefined): string | null {
  return d === undefined || d.day === 0 ? null : partialDateText(d);
}

export interface EligibilityJson {
  categoryCodes: string[];
  disabilityLevel: DisabilityName | null;
  careSupportTypeCode: string | null;
}

export interface PaymentJson {
  channel: ChannelName | null;
  bankCode: string | null;
  accountNumber: string | null;
}

export interface DecisionJson {
  decisionId: string;
  number: string;
  signedOn: string | null;
  signer: string;
  effectiveMonth: string | null;
  kind: string;
  unitCode: string;
  reason: string;
}

export interface PeriodJson {
  fromMonth: string | null;
  toMonth: string | null;
  suspended: boolean;
  eligibility: EligibilityJson;
  decisionId: string;
}

export interface CaseJson {
  id: string;
  code: string;
  kind: CaseKindName | null;
  status: CaseStatusName | null;
  communeCode: string;
  provinceCode: string;
  beneficiary: {
    memberId: string;
    householdId: string;
    fullName: string;
    dateOfBirth: string | null;
    sex: string | null;
    citizenId: string | null;
  };
  eligibility: EligibilityJson;
  payment: PaymentJson;
  applicationDate: string | null;
  channel: string;
  procedureCode: string;
  stepDueOn: string | null;
  overdue: boolean;
  steps: {
    step: string;
    actorId: string;
    actorUnitCode: string;
    at: string | null;
    note: string;
  }[];
  decisions: DecisionJson[];
  periods: PeriodJson[];
  flags: {
    flagId: string;
    reason: string;
    raisedAt: string | null;
    resolution: string | null;
    resolvedAt: string | null;
  }[];
  missingItems: string[];
  populationCheck: string | null;
  transferredFromCaseId: string | null;
  version: number;
  updatedAt: string | null;
}

const orNull = (s: string): string | null => (s === '' ? null : s);
const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export function eligibilityJson(e: Eligibility | undefined): EligibilityJson {
  return {
    categoryCodes: e?.categoryCodes ?? [],
    disabilityLevel: nameIn(DISABILITY_OF_NAME, e?.disabilityLevel ?? 0),
    careSupportTypeCode: orNull(e?.careSupportTypeCode ?? ''),
  };
}

function paymentJson(p: PaymentAccount | undefined): PaymentJson {
  return {
    channel: nameIn(CHANNEL_OF_NAME, p?.channel ?? 0),
    bankCode: orNull(p?.bankCode ?? ''),
    accountNumber: orNull(p?.accountNumber ?? ''),
  };
}

function beneficiaryJson(b: Beneficiary | undefined): CaseJson['beneficiary'] {
  return {
    memberId: b?.memberId ?? '',
    householdId: b?.householdId ?? '',
    fullName: b?.fullName ?? '',
    dateOfBirth: partialDateText(b?.dateOfBirth),
    sex: orNull(b?.sex ?? ''),
    citizenId: orNull(b?.citizenId ?? ''),
  };
}

export function decisionJson(d: Decision): DecisionJson {
  return {
    decisionId: d.decisionId,
    number: d.number,
    signedOn: dayText(d.signedOn),
    signer: d.signer,
    effectiveMonth: monthText(d.effectiveMonth),
    kind: d.kind,
    unitCode: d.unitCode,
    reason: d.reason,
  };
}

function periodJson(p: EntitlementPeriod): PeriodJson {
  return {
    fromMonth: monthText(p.fromMonth),
    toMonth: monthText(p.toMonth),
    suspended: p.suspended,
    eligibility: eligibilityJson(p.eligibility),
    decisionId: p.decisionId,
  };
}

export function caseJson(c: Case): CaseJson {
  return {
    id: c.caseId,
    code: c.caseCode,
    kind: nameIn(CASE_KIND_OF_NAME, c.kind),
    status: nameIn(CASE_STATUS_OF_NAME, c.status),
    communeCode: c.communeCode,
    provinceCode: c.provinceCode,
    beneficiary: beneficiaryJson(c.beneficiary),
    eligibility: eligibilityJson(c.eligibility),
    payment: paymentJson(c.payment),
    applicationDate: dayText(c.applicationDate),
    channel: c.channel,
    procedureCode: c.procedureCode,
    stepDueOn: dayText(c.stepDueOn),
    overdue: c.overdue,
    steps: c.steps.map((s) => ({
      step: s.step,
      actorId: s.actorId,
      actorUnitCode: s.actorUnitCode,
      at: iso(s.at),
      note: s.note,
    })),
    decisions: c.decisions.map(decisionJson),
    periods: c.periods.map(periodJson),
    flags: c.flags.map((f) => ({
      flagId: f.flagId,
      reason: f.reason,
      raisedAt: iso(f.raisedAt),
      resolution: orNull(f.resolution),
      resolvedAt: iso(f.resolvedAt),
    })),
    missingItems: c.missingItems,
    populationCheck: orNull(c.populationCheck),
    transferredFromCaseId: orNull(c.transferredFromCaseId),
    version: c.version,
    updatedAt: iso(c.updatedAt),
  };
}

export interface CaseSummaryJson {
  id: string;
  code: string;
  kind: CaseKindName | null;
  status: CaseStatusName | null;
  communeCode: string;
  beneficiaryName: string;
  citizenIdMasked: string | null;
  applicationDate: string | null;
  stepDueOn: string | null;
  overdue: boolean;
  flagged: boolean;
}

export function caseSummaryJson(s: CaseSummary): CaseSummaryJson {
  return {
    id: s.caseId,
    code: s.caseCode,
    kind: nameIn(CASE_KIND_OF_NAME, s.kind),
    status: nameIn(CASE_STATUS_OF_NAME, s.status),
    communeCode: s.communeCode,
    beneficiaryName: s.beneficiaryName,
    citizenIdMasked: orNull(s.citizenIdMasked),
    applicationDate: dayText(s.applicationDate),
    stepDueOn: dayText(s.stepDueOn),
    overdue: s.overdue,
    flagged: s.flagged,
  };
}

/** The case of an answer (the service always sends it). */
export function answeredCase(c: Case | undefined): CaseJson {
  if (c === undefined) throw new Error('the service answered without the case');
  return caseJson(c);
}
