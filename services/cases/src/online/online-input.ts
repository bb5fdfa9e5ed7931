/**
 * Validation of what a citizen sends with an online application (hồ sơ trực tuyến): the
 * applicant, who files, the circumstances, the payment account and the attachments. Every
 * refusal names the field, e.g. `applicant.citizen_id` or `attachments[1].media_type`.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError, isoFromParts } from '@posa/platform';
import { citizenIdProblem } from '@posa/population';
import type { CaseKind, PaymentFacts, Sex } from '../domain/case-record';
import { validateText } from '../domain/case-input';
import { isAttachmentMediaType, sniffMediaType, type AttachmentMediaType } from './attachment-type';

export interface ApplicantFacts {
  fullName: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  sex: Sex;
  citizenId: string;
  phone: string;
  email: string | null;
  communeCode: string;
  provinceCode: string;
  streetAddress: string;
}

export interface AttachmentFacts {
  fileName: string;
  mediaType: AttachmentMediaType;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
}

export interface OnlineApplicationInput {
  kind: CaseKind;
  applicant: ApplicantFacts;
  filedByName: string | null;
  filedByRelation: string | null;
  circumstances: string;
  suggestedCategoryCode: string | null;
  payment: PaymentFacts;
  attachments: AttachmentFacts[];
}

export const MAX_ATTACHMENTS = 5;

/** Letters (any script, with their marks), spaces, apostrophes, dots and hyphens. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'.-]*$/u;
const PHONE = /^(0|\+84)[0-9]{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FILE_NAME_FORBIDDEN = /[\\/\p{Cc}]/u;

/** A person's name: NFC, trimmed, inner spaces collapsed; digits and symbols refused. */
export function validatePersonName(raw: string, field: string, required: boolean): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') {
    if (required) throw new InvalidArgumentError(field, 'is required');
    return '';
  }
  if (name.length > 200) throw new InvalidArgumentError(field, 'is longer than 200 characters');
  if (!NAME.test(name)) throw new InvalidArgumentError(field, 'may hold only letters and spaces');
  return name;
}

/** A Vietnamese phone number: 0 or +84 then 9–10 digits; spaces, dots and hyphens ignored. */
export function validatePhone(raw: string, field: string, required: boolean): string {
  const phone = raw.replace(/[\s.-]/g, '');
  if (phone === '') {
    if (required) throw new InvalidArgumentError(field, 'is required');
    return '';
  }
  if (!PHONE.test(phone)) {
    throw new InvalidArgumentError(field, 'must be 0 or +84 followed by 9 or 10 digits');
  }
  return phone;
}

/** Year, optional month and day (0 = unknown): a real date, not after today, ≤ 125 years ago. */
export function validateBirth(
  raw: { year: number; month: number; day: number } | undefined,
  field: string,
  today: string,
): { birthYear: number; birthMonth: number | null; birthDay: number | null } {
  if (raw === undefined || raw.year === 0) throw new InvalidArgumentError(field, 'is required');
  const { year, month, day } = raw;
  if (month === 0 && day !== 0)
    throw new InvalidArgumentError(`${field}.month`, 'a day needs a month');
  const iso = isoFromParts({ year, month: month === 0 ? 1 : month, day: day === 0 ? 1 : day });
  if (iso === null) throw new InvalidArgumentError(field, 'is not a calendar date');
  const thisYear = Number(today.slice(0, 4));
  if (iso > today) throw new InvalidArgumentError(field, 'must not be in the future');
  if (year < thisYear - 125) throw new InvalidArgumentError(field, 'is more than 125 years ago');
  return {
    birthYear: year,
    birthMonth: month === 0 ? null : month,
    birthDay: day === 0 ? null : day,
  };
}

export interface RawApplicant {
  fullName: string;
  dateOfBirth?: { year: number; month: number; day: number } | undefined;
  sex: string;
  citizenId: string;
  phone: string;
  email: string;
  communeCode: string;
  streetAddress: string;
}

export function validateApplicant(
  raw: RawApplicant | undefined,
  provinceOfCommune: (code: string) => string | undefined,
  today: string,
): ApplicantFacts {
  if (raw === undefined) throw new InvalidArgumentError('applicant', 'is required');
  const fullName = validatePersonName(raw.fullName, 'applicant.full_name', true);
  const birth = validateBirth(raw.dateOfBirth, 'applicant.date_of_birth', today);
  if (raw.sex !== 'male' && raw.sex !== 'female') {
    throw new InvalidArgumentError('applicant.sex', 'must be male or female');
  }
  const citizenId = raw.citizenId.trim();
  const problem = citizenIdProblem(citizenId, birth.birthYear, raw.sex);
  if (problem !== undefined) throw new InvalidArgumentError('applicant.citizen_id', problem);
  const email = raw.email.trim();
  if (email !== '' && (email.length > 200 || !EMAIL.test(email))) {
    throw new InvalidArgumentError('applicant.email', 'is not an e-mail address');
  }
  const communeCode = raw.communeCode.trim();
  const provinceCode = provinceOfCommune(communeCode);
  if (provinceCode === undefined) {
    throw new InvalidArgumentError(
      'applicant.commune_code',
      'is not a commune of the 2025 structure',
    );
  }
  return {
    fullName,
    ...birth,
    sex: raw.sex,
    citizenId,
    phone: validatePhone(raw.phone, 'applicant.phone', true),
    email: email === '' ? null : email,
    communeCode,
    provinceCode,
    streetAddress: validateText(raw.streetAddress, 'applicant.street_address', 300, true),
  };
}

/** Who files for the person (người nộp thay): both name and relation, or neither. */
export function validateFiler(
  rawName: string,
  rawRelation: string,
): { filedByName: string | null; filedByRelation: string | null } {
  const name = validatePersonName(rawName, 'filed_by_name', false);
  const relation = validateText(rawRelation, 'filed_by_relation', 100, name !== '');
  if (name === '' && relation !== '') {
    throw new InvalidArgumentError('filed_by_name', 'is required with filed_by_relation');
  }
  return { filedByName: name === '' ? null : name, filedByRelation: name === '' ? null : relation };
}

/** 1–5 files of PDF, JPEG or PNG, each at most `maxBytes`, their type confirmed by their bytes. */
export function validateAttachments(
  raw: ReadonlyArray<{ fileName: string; mediaType: string; content: Buffer }>,
  maxBytes: number,
): AttachmentFacts[] {
  if (raw.length === 0)
    throw new InvalidArgumentError('attachments', 'at least one file is required');
  if (raw.length > MAX_ATTACHMENTS) {
    throw new InvalidArgumentError('attachments', `at most ${MAX_ATTACHMENTS} files`);
  }
  return raw.map((file, i) => {
    const field = `attachments[${i}]`;
    const fileName = validateText(file.fileName.normalize('NFC'), `${field}.file_name`, 200, true);
    if (FILE_NAME_FORBIDDEN.test(fileName)) {
      throw new InvalidArgumentError(
        `${field}.file_name`,
        'may not hold slashes or control characters',
      );
    }
    const declared = file.mediaType.trim().toLowerCase();
    if (!isAttachmentMediaType(declared)) {
      throw new InvalidArgumentError(
        `${field}.media_type`,
        'must be application/pdf, image/jpeg or image/png',
      );
    }
    if (file.content.length === 0) throw new InvalidArgumentError(`${field}.content`, 'is empty');
    if (file.content.length > maxBytes) {
      throw new InvalidArgumentError(`${field}.content`, `is larger than ${maxBytes} bytes`);
    }
    if (sniffMediaType(file.content) !== declared) {
      throw new InvalidArgumentError(
        `${field}.media_type`,
        `the file's content is not ${declared}`,
      );
    }
    return {
      fileName,
      mediaType: declared,
      content: file.content,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
    };
  });
}
