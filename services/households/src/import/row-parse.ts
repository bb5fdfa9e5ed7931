/**
 * Validation of the member rows of an import with the registry's own rules
 * (household-input.ts, citizen-id.ts, form-c.ts). Each problem becomes an issue naming the
 * row, the column, the value and the reason.
 */
import { InvalidArgumentError } from '@posa/platform';
import { validateMember, type MemberFields, type RawMember } from '../domain/household-input';
import { validateMemberFormC } from '../domain/form-c';
import type { Sex } from '../domain/household-state';
import { citizenIdOf, dateOf, flagOf, textOf, type CellValue } from '@posa/tabular';
import { twoDigitCodeOf } from './cell-values';
import { RELATION_LABELS } from './columns';
import type { FileRow } from './file-rows';

/** One problem of an import file. */
export interface ImportIssue {
  rowNo: number;
  /** Column key, or '' for the file as a whole. */
  column: string;
  value: string;
  reason: string;
}

export function issueOf(row: FileRow, column: string, reason: string): ImportIssue {
  return { rowNo: row.rowNo, column, value: textOf(row.cells[column]).slice(0, 200), reason };
}

const SEXES: Readonly<Record<string, Sex>> = {
  nam: 'male',
  male: 'male',
  m: 'male',
  nữ: 'female',
  nu: 'female',
  female: 'female',
  f: 'female',
};

export function relationOf(cell: CellValue): string {
  const text = textOf(cell).toLowerCase();
  return RELATION_LABELS[text] ?? text;
}

/** Runs a validation; an InvalidArgumentError becomes an issue on the column it names. */
export function collect<T>(row: FileRow, issues: ImportIssue[], run: () => T): T | undefined {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof InvalidArgumentError)) throw err;
    const column = err.field.replace(/^row\./, '').replace(/\[\d+\]$/, '');
    issues.push(issueOf(row, column, err.reason));
    return undefined;
  }
}

/** The member of one row, or undefined with the issues added. */
export function parseMemberRow(
  row: FileRow,
  today: string,
  issues: ImportIssue[],
): MemberFields | undefined {
  const c = row.cells;
  const before = issues.length;
  const date = dateOf(c.date_of_birth);
  if (!date.ok) issues.push(issueOf(row, 'date_of_birth', date.reason));
  const id = citizenIdOf(c.citizen_id);
  if (!id.ok) issues.push(issueOf(row, 'citizen_id', id.reason));
  const sexText = textOf(c.sex).toLowerCase();
  const sex = SEXES[sexText];
  if (sex === undefined && sexText !== '') issues.push(issueOf(row, 'sex', 'must be nam or nữ'));
  const assistance = flagOf(c.social_assistance);
  if (!assistance.ok) issues.push(issueOf(row, 'social_assistance', assistance.reason));
  const formC = collect(row, issues, () =>
    validateMemberFormC(
      {
        educationLevel: textOf(c.education_level),
        schoolAttendance: textOf(c.school_attendance),
        healthInsurance: textOf(c.health_insurance),
        employment: textOf(c.employment),
        occupation: textOf(c.occupation),
        disability: textOf(c.disability),
        socialAssistance: assistance.ok ? assistance.value : undefined,
        socialAssistanceCategory: textOf(c.social_assistance_category),
      },
      'row',
    ),
  );
  if (issues.length > before) return undefined;
  const raw: RawMember = {
    fullName: textOf(c.full_name),
    dateOfBirth: date.ok ? date.value : undefined,
    sex,
    ethnicGroupCode: twoDigitCodeOf(c.ethnic_group_code),
    citizenId: id.ok ? id.value : '',
    relation: relationOf(c.relation),
  };
  const member = collect(row, issues, () => validateMember(raw, 'row', today));
  if (member === undefined || formC === undefined) return undefined;
  const recorded = Object.values(formC).some((v) => v !== null);
  return recorded ? { ...member, formC } : member;
}
