/**
 * Who may read and write a household (R1.3, deny by default). Reads: roles officer,
 * approver, analyst, auditor whose unit contains the commune; outside that a household does
 * not exist for the caller (NOT_FOUND). Writes: role officer of the household's commune.
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { HouseholdRecord } from '../domain/household-state';
import type { Units } from '@posa/units';

export const READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

export function canReadRole(principal: Principal): boolean {
  return principal.isService || READ_ROLES.some((r) => principal.roles.has(r));
}

export function assertReadRole(principal: Principal): void {
  if (!canReadRole(principal)) {
    throw new PermissionDeniedError(
      `reading households needs one of the roles ${READ_ROLES.join(', ')}`,
    );
  }
}

/** The household if the caller may read it; NOT_FOUND when missing or out of reach. */
export function readable(
  principal: Principal,
  id: string,
  household: HouseholdRecord | undefined,
  units: Units,
): HouseholdRecord {
  assertReadRole(principal);
  if (household === undefined || !isInJurisdiction(principal, household.communeCode, units.tree)) {
    throw new NotFoundError(`household ${id} not found`);
  }
  return household;
}

/** Officers write the households of their own commune only. */
export function assertWriteCommune(principal: Principal, communeCode: string): void {
  if (principal.isService || !principal.roles.has('officer')) {
    throw new PermissionDeniedError('writing households needs the role officer');
  }
  if (principal.unitCode !== communeCode) {
    throw new PermissionDeniedError(
      `households of commune ${communeCode} are written only by officers of that commune`,
    );
  }
}

/** The household an officer may change; a missing or foreign one gives PERMISSION_DENIED alike. */
export function writable(
  principal: Principal,
  id: string,
  household: HouseholdRecord | undefined,
): HouseholdRecord {
  if (principal.isService || !principal.roles.has('officer')) {
    throw new PermissionDeniedError('writing households needs the role officer');
  }
  if (household === undefined || household.communeCode !== principal.unitCode) {
    throw new PermissionDeniedError(`no household ${id} in commune ${principal.unitCode}`);
  }
  return household;
}
