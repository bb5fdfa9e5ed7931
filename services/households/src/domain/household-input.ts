/**
 * Validation of what officers enter. Every error names the field (`members[0].citizen_id`)
 * and the reason; values come back normalised (names NFC and trimmed).
 */
import { InvalidArgumentError } from '@posa/platform';
import { citizenIdProblem } from '@posa/population';
import { validateMemberFormC, type MemberFormC, type RawMemberFormC } from './form-c';
import type { BirthDate, Sex } from './household-state';
import { normaliseName } from '@posa/platform';

/** Relation to the head of household. */
export const RELATIONS: ReadonlySet<string> = new Set([
  'head',
  'spouse',
  'child',
  'parent',
  'parent_in_law',
  'child_in_law',
  'grandchild',
  'grandparent',
  'sibling',
  'other_relative',
  'other',
]);

/** Oldest plausible age in years. */
export const MAX_AGE_YEARS = 125;

export interface RawDate {
  year: number;
  month: number;
  day: number;
}

export interface RawMember {
  fullName: string;
  dateOfBirth: RawDate | undefined;
  sex: Sex | undefined;
  ethnicGroupCode: string;
  citizenId: string;
  relation: string;
  /** Form C / C1 fields; absent when the caller sent none. */
  formC?: RawMemberFormC;
}

export interface MemberFields {
  fullName: string;
  dateOfBirth: BirthDate;
  sex: Sex;
  ethnicGroupCode: string;
  citizenId: string | null;
  relation: string;
  /** Absent when the caller sent none (an update then keeps the member's current ones). */
  formC?: MemberFormC;
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A full calendar date (YYYY-MM-DD) not after today. */
export function validateDay(raw: RawDate | undefined, field: string, today: string): string {
  if (raw === undefined) throw new InvalidArgumentError(field, 'is required');
  if (!isRealDate(raw.year, raw.month, raw.day)) {
    throw new InvalidArgumentError(field, 'is not a calendar date');
  }
  const iso = isoOf(raw.year, raw.month, raw.day);
  if (iso > today) throw new InvalidArgumentError(field, 'is in the future');
  return iso;
}

/** Year, optionally month and day; not in the future and at most MAX_AGE_YEARS ago. */
export function validateBirthDate(
  raw: RawDate | undefined,
  field: string,
  today: string,
): BirthDate {
  if (raw === undefined) throw new InvalidArgumentError(field, 'is required');
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(raw.year) || raw.year < thisYear - MAX_AGE_YEARS || raw.year > thisYear) {
    throw new InvalidArgumentError(
      field,
      `year must be between ${thisYear - MAX_AGE_YEARS} and ${thisYear}`,
    );
  }
  if (raw.month === 0 && raw.day !== 0)
    throw new InvalidArgumentError(field, 'a day needs a month');
  if (raw.month === 0) return { year: raw.year, month: null, day: null };
  if (raw.month < 1 || raw.month > 12) throw new InvalidArgumentError(field, 'month must be 1-12');
  if (raw.day === 0) {
    if (isoOf(raw.year, raw.month, 1) > today)
      throw new InvalidArgumentError(field, 'is in the future');
    return { year: raw.year, month: raw.month, day: null };
  }
  validateDay(raw, field, today);
  return { year: raw.year, month: raw.month, day: raw.day };
}

export function validateReason(raw: string, field = 'reason'): string {
  const reason = raw.normalize('NFC').trim();
  if (reason.length === 0) throw new InvalidArgumentError(field, 'is required');
  if (reason.length > 1000) throw new InvalidArgumentError(field, 'is longer than 1000 characters');
  return reason;
}

export function validateText(raw: string, field: string, max: number, required: boolean): string {
  const text = raw.normalize('NFC').trim();
  if (required && text.length === 0) throw new InvalidArgumentError(field, 'is required');
  if (text.length > max) throw new InvalidArgumentError(field, `is longer than ${max} characters`);
  return text;
}

export function validateMember(raw: RawMember, field: string, today: string): MemberFields {
  const fullName = normaliseName(raw.fullName);
  if (fullName.length === 0) throw new InvalidArgumentError(`${field}.full_name`, 'is required');
  if (fullName.length > 200) {
    throw new InvalidArgumentError(`${field}.full_name`, 'is longer than 200 characters');
  }
  if (/[0-9<>@#$%^*_=+{}[\]|\\]/.test(fullName)) {
    throw new InvalidArgumentError(`${field}.full_name`, 'contains characters a name cannot hold');
  }
  const dateOfBirth = validateBirthDate(raw.dateOfBirth, `${field}.date_of_birth`, today);
  if (raw.sex === undefined) throw new InvalidArgumentError(`${field}.sex`, 'is required');
  const ethnic = raw.ethnicGroupCode.trim();
  if (!/^[0-9]{2}$/.test(ethnic) || Number(ethnic) < 1 || Number(ethnic) > 54) {
    throw new InvalidArgumentError(`${field}.ethnic_group_code`, 'must be a code 01-54');
  }
  const id = raw.citizenId.trim();
  if (id !== '') {
    const problem = citizenIdProblem(id, dateOfBirth.year, raw.sex);
    if (problem !== undefined) throw new InvalidArgumentError(`${field}.citizen_id`, problem);
  }
  if (!RELATIONS.has(raw.relation)) {
    throw new InvalidArgumentError(
      `${field}.relation`,
      `must be one of ${[...RELATIONS].join(', ')}`,
    );
  }
  return {
    fullName,
    dateOfBirth,
    sex: raw.sex,
    ethnicGroupCode: ethnic,
    citizenId: id === '' ? null : id,
    relation: raw.relation,
    ...(raw.formC === undefined ? {} : { formC: validateMemberFormC(raw.formC, field) }),
  };
}

/** The members of a new household: at least one, exactly one head, no ID twice. */
export function validateNewMembers(raw: readonly RawMember[], today: string): MemberFields[] {
  if (raw.length === 0)
    throw new InvalidArgumentError('members', 'at least one member is required');
  if (raw.length > 50) throw new InvalidArgumentError('members', 'at most 50 members');
  const members = raw.map((m, i) => validateMember(m, `members[${i}]`, today));
  const heads = members.filter((m) => m.relation === 'head').length;
  if (heads !== 1)
    throw new InvalidArgumentError('members', `exactly one head is required, got ${heads}`);
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.citizenId === null) return;
    if (seen.has(m.citizenId)) {
      throw new InvalidArgumentError(`members[${i}].citizen_id`, 'appears twice in the household');
    }
    seen.add(m.citizenId);
  });
  return members;
}
