/**
 * Who may do what with a case (deny by default). Commune officers file and check the cases of
 * their commune. The procedure rule of the case names the level that appraises (thẩm định) and
 * decides (quyết định): under Decree 20/2021 a 2024 district that held a predecessor of the
 * commune, under Decree 147/2025 the commune itself; officers appraise and verify, approvers
 * decide. Officers, approvers, analysts and auditors of a unit containing the commune read, and
 * so does a 2024 district that held a predecessor; for anyone else a case does not exist
 * (NOT_FOUND).
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { PredecessorDistricts, Units } from '@posa/units';
import type { CaseRow } from '../domain/case-record';
import type { ProcedureLevel, ProcedureRule } from '../domain/procedure-rule';

export const READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

export interface AccessDeps {
  units: Units;
  predecessors: PredecessorDistricts;
}

const isPerson = (p: Principal, role: 'officer' | 'approver'): boolean =>
  !p.isService && p.roles.has(role);

export function canReadCases(principal: Principal): boolean {
  return principal.isService || READ_ROLES.some((r) => principal.roles.has(r));
}

/** True when the caller's unit contains the commune, or is a 2024 district that held part of it. */
export function reachesCommune(
  principal: Principal,
  communeCode: string,
  deps: AccessDeps,
): boolean {
  return (
    isInJurisdiction(principal, communeCode, deps.units.tree) ||
    deps.predecessors.of(communeCode).includes(principal.unitCode)
  );
}

/** The case if the caller may read it; NOT_FOUND when missing or out of reach. */
export function assertCaseReadable(
  principal: Principal,
  caseRow: CaseRow | undefined,
  id: string,
  deps: AccessDeps,
): CaseRow {
  if (
    caseRow === undefined ||
    !canReadCases(principal) ||
    !reachesCommune(principal, caseRow.communeCode, deps)
  ) {
    throw new NotFoundError(`case ${id} not found`);
  }
  return caseRow;
}

/** Filing, completeness check and resubmission: an officer of the case's commune. */
export function assertCommuneOfficer(principal: Principal, communeCode: string): void {
  if (!isPerson(principal, 'officer') || principal.unitCode !== communeCode) {
    throw new PermissionDeniedError(
      `cases of commune ${communeCode} are filed and checked only by officers of that commune`,
    );
  }
}

/** The unit codes competent at a level for the commune of a case. */
export function competentUnits(
  level: ProcedureLevel,
  communeCode: string,
  deps: AccessDeps,
): string[] {
  return level === 'commune' ? [communeCode] : deps.predecessors.of(communeCode);
}

/**
 * Appraisal and verification ('appraisal': role officer) or a decision ('decision': role
 * approver) at the level the rule names for the step; PERMISSION_DENIED otherwise.
 */
export function assertCompetent(
  principal: Principal,
  caseRow: CaseRow,
  rule: ProcedureRule,
  step: 'appraisal' | 'decision',
  deps: AccessDeps,
): void {
  const role = step === 'appraisal' ? 'officer' : 'approver';
  const level = step === 'appraisal' ? rule.appraisalLevel : rule.decisionLevel;
  const units = competentUnits(level, caseRow.communeCode, deps);
  if (!isPerson(principal, role) || !units.includes(principal.unitCode)) {
    const who = level === 'commune' ? `commune ${caseRow.communeCode}` : `a 2024 district of it`;
    throw new PermissionDeniedError(
      `under rule ${rule.code} the ${step} of case ${caseRow.code} is for the ${role}s of ${who}`,
    );
  }
}
