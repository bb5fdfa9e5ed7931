/**
 * Conversions between the policy catalogue of the domain and PolicyCatalogueService messages,
 * and the validation of edit requests (INVALID_ARGUMENT naming the field).
 */
import { InvalidArgumentError, isoFromParts, partsFromIso } from '@posa/platform';
import {
  SourceTag as ProtoSourceTag,
  type AllowanceCategory as ProtoCategory,
  type BaseLevel as ProtoBaseLevel,
  type CalendarDate,
  type CareSupportType as ProtoCareSupportType,
  type CoefficientRule as ProtoCoefficientRule,
  type EmergencyAssistanceType as ProtoEmergencyType,
  type PolicyValidity,
  type ProcedureRule as ProtoProcedureRule,
} from '@posa/proto';
import type {
  AllowanceCategory,
  BaseLevel,
  CareSupportType,
  CoefficientRule,
  DisabilityLevel,
  EmergencyAssistanceType,
  SourceTag,
  Versioned,
} from '../domain/policy-catalogue';
import type { ProcedureRule } from '../domain/procedure-rule';

const TAG_TO_PROTO: Record<SourceTag, ProtoSourceTag> = {
  C: ProtoSourceTag.SOURCE_TAG_CONFIRMED,
  S: ProtoSourceTag.SOURCE_TAG_SECONDARY,
  M: ProtoSourceTag.SOURCE_TAG_UNVERIFIED,
};

const date = (iso: string | null): CalendarDate | undefined =>
  iso === null ? undefined : partsFromIso(iso);

function validityToProto(v: Versioned & { legalSource: string; tag: SourceTag }): PolicyValidity {
  return {
    validFrom: date(v.validFrom),
    validTo: date(v.validTo),
    legalSource: v.legalSource,
    tag: TAG_TO_PROTO[v.tag],
  };
}

export const baseLevelToProto = (b: BaseLevel): ProtoBaseLevel => ({
  id: b.id,
  provinceCode: b.provinceCode ?? '',
  amountVnd: String(b.amountVnd),
  validity: validityToProto(b),
});

export const categoryToProto = (c: AllowanceCategory): ProtoCategory => ({
  code: c.code,
  group: c.group,
  decree: c.decree,
  nameVi: c.nameVi,
  validity: validityToProto(c),
});

export const coefficientRuleToProto = (r: CoefficientRule): ProtoCoefficientRule => ({
  id: r.id,
  categoryCode: r.categoryCode,
  minAgeMonths: r.minAgeMonths ?? undefined,
  maxAgeMonths: r.maxAgeMonths ?? undefined,
  disabilityLevel: r.disabilityLevel ?? '',
  coefficientHundredths: r.coefficientHundredths,
  validity: validityToProto(r),
});

export const careSupportTypeToProto = (t: CareSupportType): ProtoCareSupportType => ({
  code: t.code,
  nameVi: t.nameVi,
  coefficientHundredths: t.coefficientHundredths,
  validity: validityToProto(t),
});

export const emergencyTypeToProto = (t: EmergencyAssistanceType): ProtoEmergencyType => ({
  code: t.code,
  nameVi: t.nameVi,
  descriptionVi: t.descriptionVi,
  validity: validityToProto(t),
});

export const procedureRuleToProto = (r: ProcedureRule): ProtoProcedureRule => ({
  code: r.code,
  appraisalLevel: r.appraisalLevel,
  decisionLevel: r.decisionLevel,
  completenessDays: r.completenessDays,
  appraisalDays: r.appraisalDays,
  decisionDays: r.decisionDays,
  validity: validityToProto(r),
});

/** YYYY-MM-DD of a date field; `fallback` when absent (null fallback: required). */
export function dateFromProto(
  value: CalendarDate | undefined,
  field: string,
  fallback: (() => string) | null,
): string {
  if (value === undefined) {
    if (fallback === null) throw new InvalidArgumentError(field, 'is required');
    return fallback();
  }
  const iso = isoFromParts(value);
  if (iso === null) throw new InvalidArgumentError(field, 'must be a full calendar date');
  return iso;
}

/** What every edit carries. */
export interface EditInput {
  validFrom: string;
  legalSource: string;
  tag: SourceTag;
  reason: string;
}

export function editFromProto(request: {
  validFrom?: CalendarDate | undefined;
  legalSource: string;
  tag: ProtoSourceTag;
  reason: string;
}): EditInput {
  return {
    validFrom: dateFromProto(request.validFrom, 'valid_from', null),
    legalSource: requiredText(request.legalSource, 'legal_source', 500),
    tag: tagFromProto(request.tag),
    reason: requiredText(request.reason, 'reason', 1000),
  };
}

function tagFromProto(tag: ProtoSourceTag): SourceTag {
  if (tag === ProtoSourceTag.SOURCE_TAG_CONFIRMED) return 'C';
  if (tag === ProtoSourceTag.SOURCE_TAG_SECONDARY) return 'S';
  if (tag === ProtoSourceTag.SOURCE_TAG_UNVERIFIED) return 'M';
  throw new InvalidArgumentError('tag', 'must be CONFIRMED, SECONDARY or UNVERIFIED');
}

/** Trimmed NFC text, required, at most `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new InvalidArgumentError(field, 'is required');
  if (text.length > max) throw new InvalidArgumentError(field, `must be at most ${max} characters`);
  return text;
}

const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function codeFromProto(value: string, field: string): string {
  if (!CODE.test(value)) {
    throw new InvalidArgumentError(field, 'must be 2–40 lower-case letters, digits or hyphens');
  }
  return value;
}

/** A positive whole number of dong (int64 as text). */
export function amountFromProto(value: string, field: string): number {
  const amount = /^[0-9]{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new InvalidArgumentError(field, 'must be a positive whole number of dong');
  }
  return amount;
}

export function coefficientFromProto(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    throw new InvalidArgumentError(field, 'must be 1–10000 hundredths (0.01–100.00)');
  }
  return value;
}

export function ageFromProto(value: number | undefined, field: string): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 1800) {
    throw new InvalidArgumentError(field, 'must be 0–1800 months');
  }
  return value;
}

export function disabilityFromProto(value: string, field: string): DisabilityLevel | null {
  if (value === '') return null;
  if (value === 'severe' || value === 'extremely_severe') return value;
  throw new InvalidArgumentError(field, 'must be severe, extremely_severe or empty');
}

const GROUPS = ['1', '2', '3', '4', '5a', '5b', '5c', '5d', '6', '7', '8'];

export function groupFromProto(value: string, field: string): string {
  if (!GROUPS.includes(value))
    throw new InvalidArgumentError(field, `must be one of ${GROUPS.join(', ')}`);
  return value;
}

/** Empty = national (null); otherwise a two-digit province code. */
export function provinceFromProto(value: string, field: string): string | null {
  if (value === '') return null;
  if (!/^[0-9]{2}$/.test(value))
    throw new InvalidArgumentError(field, 'must be two digits or empty');
  return value;
}
