import type { MemberRecord } from './household-state';

/** The fields a population-database check compares (thông tin định danh). */
const CHECKED_FIELDS = ['fullName', 'dateOfBirth', 'sex', 'citizenId'] as const;

/**
 * The member after a change of some of its fields. A stored population-database check
 * stays only while every field it compared is unchanged: a corrected name or date of
 * birth has not been checked yet.
 */
export function changedMember(before: MemberRecord, fields: Partial<MemberRecord>): MemberRecord {
  const after: MemberRecord = { ...before, ...fields };
  const checkedFieldChanged = CHECKED_FIELDS.some(
    (f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  );
  if (checkedFieldChanged) delete after.populationCheck;
  return after;
}
