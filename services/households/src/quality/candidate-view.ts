/**
 * What a caller may see of a candidate record (pure). Inside the caller's jurisdiction: the
 * record. Outside: only that it exists, with its province code (never the name, household or
 * any other detail, nor the member id).
 */
import { isInJurisdiction, type Principal, type UnitTree } from '@posa/auth';
import type { BirthDate } from '../domain/household-state';
import type { PersonOnFile } from './candidate-rules';

export type CandidateView =
  | {
      visible: true;
      provinceCode: string;
      communeCode: string;
      memberId: string;
      householdId: string;
      householdCode: string;
      fullName: string;
      dateOfBirth: BirthDate;
      citizenId: string | null;
    }
  | { visible: false; provinceCode: string };

export function viewOf(principal: Principal, p: PersonOnFile, tree: UnitTree): CandidateView {
  if (!isInJurisdiction(principal, p.communeCode, tree)) {
    return { visible: false, provinceCode: p.provinceCode };
  }
  return {
    visible: true,
    provinceCode: p.provinceCode,
    communeCode: p.communeCode,
    memberId: p.memberId,
    householdId: p.householdId,
    householdCode: p.householdCode,
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    citizenId: p.citizenId,
  };
}
