/**
 * Who may see and touch payment files, results and reconciliations (deny by default).
 * Officers of a payroll's commune record its results; officers, approvers, analysts and
 * auditors of the commune or a unit above read. For anyone else a payroll does not exist
 * (NOT_FOUND).
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '@posa/units';

export const READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

export function canRead(principal: Principal): boolean {
  return principal.isService || READ_ROLES.some((r) => principal.roles.has(r));
}

/** True when the caller may read what belongs to the unit (commune, province or VN). */
export function readsUnit(principal: Principal, unitCode: string, units: Units): boolean {
  return canRead(principal) && isInJurisdiction(principal, unitCode, units.tree);
}

/** The payroll of a commune as the caller may see it; NOT_FOUND when missing or out of reach. */
export function assertPayrollReadable<P extends { communeCode: string }>(
  principal: Principal,
  payroll: P | undefined,
  id: string,
  units: Units,
): P {
  if (payroll === undefined || !readsUnit(principal, payroll.communeCode, units)) {
    throw new NotFoundError(`payroll ${id} not found`);
  }
  return payroll;
}

/** Results are recorded only by officers of the payroll's commune (not service accounts). */
export function assertCommuneOfficer(principal: Principal, communeCode: string): void {
  if (
    principal.isService ||
    !principal.roles.has('officer') ||
    principal.unitCode !== communeCode
  ) {
    throw new PermissionDeniedError(
      `results of commune ${communeCode} are recorded only by officers of that commune`,
    );
  }
}
