/**
 * Validation of a new complaint. Staff name the record (subject) when they know it; citizens
 * choose the commune that must answer and give their name and citizen ID (to follow it).
 */
import { InvalidArgumentError } from '@posa/platform';
import { BIRTH_PROVINCE_CODES } from '@posa/population';
import { validateText } from '../domain/case-input';
import { validatePersonName, validatePhone } from '../online/online-input';
import { SUBJECT_KINDS, type ComplaintSource, type SubjectKind } from './complaint-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ComplaintInput {
  subjectKind: SubjectKind;
  subjectId: string | null;
  /** As given; the handler settles it from the subject when empty. */
  managingUnitCode: string;
  complainantName: string;
  complainantCitizenId: string | null;
  complainantPhone: string | null;
  content: string;
}

export interface RawComplaint {
  subjectKind: string;
  subjectId: string;
  managingUnitCode: string;
  complainantName: string;
  complainantCitizenId: string;
  complainantPhone: string;
  content: string;
}

/** 12 digits starting with a birth-registration province code (DOMAIN-FACTS (f)). */
export function citizenIdShapeProblem(id: string): string | undefined {
  if (!/^[0-9]{12}$/.test(id)) return 'must be exactly 12 digits';
  if (!BIRTH_PROVINCE_CODES.has(id.slice(0, 3)))
    return `digits 1-3 (${id.slice(0, 3)}) are not a province code`;
  return undefined;
}

export function validateComplaint(raw: RawComplaint, source: ComplaintSource): ComplaintInput {
  const kind = SUBJECT_KINDS.find((k) => k === raw.subjectKind);
  if (kind === undefined) {
    throw new InvalidArgumentError('subject_kind', `must be one of ${SUBJECT_KINDS.join(', ')}`);
  }
  const subjectId = raw.subjectId.trim().toLowerCase();
  if (subjectId !== '' && !UUID.test(subjectId)) {
    throw new InvalidArgumentError('subject_id', 'must be an id (uuid)');
  }
  if (kind === 'other' && subjectId !== '') {
    throw new InvalidArgumentError('subject_id', 'is empty for subject_kind other');
  }
  if (source === 'citizen' && subjectId !== '') {
    throw new InvalidArgumentError(
      'subject_id',
      'citizens describe the record in the content; officers link it',
    );
  }
  if (
    source === 'staff' &&
    (kind === 'case' || kind === 'online_application') &&
    subjectId === ''
  ) {
    throw new InvalidArgumentError('subject_id', `is required for subject_kind ${kind}`);
  }
  const managingUnitCode = raw.managingUnitCode.trim();
  const needsUnit = source === 'citizen' || kind === 'household' || kind === 'other';
  if (needsUnit && managingUnitCode === '') {
    throw new InvalidArgumentError('managing_unit_code', 'is required');
  }
  const citizenId = raw.complainantCitizenId.trim();
  if (source === 'citizen' && citizenId === '') {
    throw new InvalidArgumentError('complainant_citizen_id', 'is required');
  }
  const problem = citizenId === '' ? undefined : citizenIdShapeProblem(citizenId);
  if (problem !== undefined) throw new InvalidArgumentError('complainant_citizen_id', problem);
  const phone = validatePhone(raw.complainantPhone, 'complainant_phone', false);
  return {
    subjectKind: kind,
    subjectId: subjectId === '' ? null : subjectId,
    managingUnitCode,
    complainantName: validatePersonName(raw.complainantName, 'complainant_name', true),
    complainantCitizenId: citizenId === '' ? null : citizenId,
    complainantPhone: phone === '' ? null : phone,
    content: validateText(raw.content, 'content', 4000, true),
  };
}
