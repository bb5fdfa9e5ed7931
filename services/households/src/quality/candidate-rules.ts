/**
 * Rules of duplicate candidates (trùng lặp), pure:
 * - `citizen_id`: the same citizen ID on another live member, anywhere in the country;
 * - `name_birth_commune`: the same normalised name (member.name_search) and date of birth
 *   (year, month, day; an unknown part equals only an unknown part) in the same commune.
 * Live means present in a household (not moved out), not deceased and not merged into another
 * member. The SQL of candidate-store.ts applies the same rules with indexes.
 */
import type { BirthDate } from '../domain/household-state';

export type DuplicateRule = 'citizen_id' | 'name_birth_commune';

/** A member as candidate detection sees it. */
export interface PersonOnFile {
  memberId: string;
  householdId: string;
  householdCode: string;
  communeCode: string;
  provinceCode: string;
  fullName: string;
  nameSearch: string;
  dateOfBirth: BirthDate;
  citizenId: string | null;
  /** status 'present' (not moved out of the commune). */
  present: boolean;
  deceased: boolean;
  mergedIntoMemberId: string | null;
}

/** The person about to be written, or an existing member compared with others. */
export interface CandidateSubject {
  citizenId: string | null;
  nameSearch: string;
  dateOfBirth: BirthDate;
  communeCode: string;
}

export function isLive(p: PersonOnFile): boolean {
  return p.present && !p.deceased && p.mergedIntoMemberId === null;
}

export function sameBirthDate(a: BirthDate, b: BirthDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The rules by which `other` is a candidate duplicate of `subject` (empty: none). */
export function rulesMatched(subject: CandidateSubject, other: PersonOnFile): DuplicateRule[] {
  if (!isLive(other)) return [];
  const rules: DuplicateRule[] = [];
  if (subject.citizenId !== null && subject.citizenId === other.citizenId) {
    rules.push('citizen_id');
  }
  if (
    subject.nameSearch !== '' &&
    subject.nameSearch === other.nameSearch &&
    sameBirthDate(subject.dateOfBirth, other.dateOfBirth) &&
    subject.communeCode === other.communeCode
  ) {
    rules.push('name_birth_commune');
  }
  return rules;
}
