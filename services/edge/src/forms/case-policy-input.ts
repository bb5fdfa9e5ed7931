/**
 * Pure parsing of the record-new-version forms and bodies of the policy catalogue: amounts in
 * whole VND (typed with or without thousands separators, never a fraction), coefficients (hệ
 * số) typed as "1,5" or "1.5" read into integer hundredths without floating point, the source
 * tag C / S / M, the first day of validity and the reason. The service checks the rest (dates
 * after today, who may record what, overlaps).
 */
import type {
  RecordBaseLevelRequest,
  RecordCareSupportTypeRequest,
  RecordCategoryRequest,
  RecordCoefficientRuleRequest,
  RecordEmergencyAssistanceTypeRequest,
} from '@posa/proto';
import { TAG_OF_NAME, type TagName } from '../api/case-policy-json';
import { badRequest } from '../http/errors';
import { parseDay } from './case-input';

/** Reads one field of a form or body as text ('' when absent). */
export type Read = (name: string) => string;

const GROUPED = /^[0-9]{1,3}([.,\s][0-9]{3})+$/;

/** A whole amount of VND: "500000", "500.000" or "500,000"; positive and a safe integer. */
export function parseVnd(text: string, field: string): number {
  const value = text.trim();
  if (!/^[0-9]+$/.test(value) && !GROUPED.test(value))
    throw badRequest(field, 'must be a whole number of VND');
  const n = Number(value.replace(/[.,\s]/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw badRequest(field, 'must be a positive amount');
  return n;
}

/** A coefficient "1,5" / "1.5" / "2" as integer hundredths (150, 150, 200), 0.01 to 99.99. */
export function parseCoefficient(text: string, field: string): number {
  const m = /^([0-9]{1,2})(?:[.,]([0-9]{1,2}))?$/.exec(text.trim());
  if (!m) throw badRequest(field, 'must be a coefficient such as 1,5 (two decimals at most)');
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  if (hundredths <= 0) throw badRequest(field, 'must be above zero');
  return hundredths;
}

export function tagOf(text: string, field = 'tag'): (typeof TAG_OF_NAME)[TagName] {
  const value = text.trim().toUpperCase();
  if (!(value in TAG_OF_NAME)) throw badRequest(field, 'must be C, S or M');
  return TAG_OF_NAME[value as TagName];
}

function required(read: Read, name: string, max = 500): string {
  const value = read(name).trim();
  if (value === '') throw badRequest(name, 'is required');
  if (value.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return value;
}

/** Months of an age band, or undefined when left empty. */
function optionalMonths(read: Read, name: string): number | undefined {
  const value = read(name).trim();
  if (value === '') return undefined;
  if (!/^[0-9]{1,4}$/.test(value)) throw badRequest(name, 'must be a whole number of months');
  return Number(value);
}

/** What every version carries: first day, legal source, tag, reason. */
function versionOf(read: Read) {
  return {
    validFrom: parseDay(required(read, 'valid_from', 10), 'valid_from'),
    legalSource: required(read, 'legal_source'),
    tag: tagOf(read('tag')),
    reason: required(read, 'reason', 1000),
  };
}

export function baseLevelRequestOf(read: Read): RecordBaseLevelRequest {
  const province = read('province_code').trim();
  if (province !== '' && !/^[0-9]{2}$/.test(province))
    throw badRequest('province_code', 'must be a 2-digit province code, or empty for national');
  return {
    provinceCode: province,
    amountVnd: String(parseVnd(read('amount_vnd'), 'amount_vnd')),
    ...versionOf(read),
  };
}

export function coefficientRuleRequestOf(read: Read): RecordCoefficientRuleRequest {
  const level = read('disability_level').trim();
  if (level !== '' && level !== 'severe' && level !== 'extremely_severe')
    throw badRequest('disability_level', 'must be severe, extremely_severe or empty');
  const minAgeMonths = optionalMonths(read, 'min_age_months');
  const maxAgeMonths = optionalMonths(read, 'max_age_months');
  if (minAgeMonths !== undefined && maxAgeMonths !== undefined && maxAgeMonths <= minAgeMonths)
    throw badRequest('max_age_months', 'must be above min_age_months');
  return {
    categoryCode: required(read, 'category_code', 40),
    minAgeMonths,
    maxAgeMonths,
    disabilityLevel: level,
    coefficientHundredths: parseCoefficient(read('coefficient'), 'coefficient'),
    ...versionOf(read),
  };
}

export function categoryRequestOf(read: Read): RecordCategoryRequest {
  return {
    code: required(read, 'code', 40),
    group: required(read, 'group', 5),
    decree: required(read, 'decree', 100),
    nameVi: required(read, 'name_vi'),
    replacesCode: read('replaces_code').trim(),
    ...versionOf(read),
  };
}

export function careSupportTypeRequestOf(read: Read): RecordCareSupportTypeRequest {
  return {
    code: required(read, 'code', 40),
    nameVi: required(read, 'name_vi'),
    coefficientHundredths: parseCoefficient(read('coefficient'), 'coefficient'),
    ...versionOf(read),
  };
}

export function emergencyTypeRequestOf(read: Read): RecordEmergencyAssistanceTypeRequest {
  return {
    code: required(read, 'code', 40),
    nameVi: required(read, 'name_vi'),
    descriptionVi: read('description_vi').trim(),
    ...versionOf(read),
  };
}

/** The record forms of the catalogue page, by the path segment they post to. */
export const RECORD_KINDS = [
  'base-level',
  'coefficient',
  'category',
  'care-support',
  'emergency',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
