/**
 * Who may do what with payrolls (deny by default). Commune officers generate the payroll of
 * their commune; a province officer may generate all payrolls of the province; the commune's
 * approver approves and closes. Officers, approvers, analysts and auditors of a unit containing
 * the commune read; for anyone else a payroll does not exist (NOT_FOUND).
 */
import { isInJurisdiction, NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { InvalidArgumentError, NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '@posa/units';
import type { PayrollRow } from '../store/payroll-store';

export const READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

const isPerson = (p: Principal, role: 'officer' | 'approver'): boolean =>
  !p.isService && p.roles.has(role);

/** The province of a commune code of the 2025 structure; INVALID_ARGUMENT naming `field` otherwise. */
export function provinceOfCommune(units: Units, communeCode: string, field: string): string {
  const province = units.provinceOfCommune(communeCode);
  if (province === undefined) {
    throw new InvalidArgumentError(field, 'is not a commune of the 2025 structure');
  }
  return province;
}

export function assertCommuneOfficer(principal: Principal, communeCode: string): void {
  if (!isPerson(principal, 'officer') || principal.unitCode !== communeCode) {
    throw new PermissionDeniedError(
      `the payroll of commune ${communeCode} is generated only by officers of that commune`,
    );
  }
}

export function assertProvinceOfficer(principal: Principal, provinceCode: string): void {
  if (!isPerson(principal, 'officer') || principal.unitCode !== provinceCode) {
    throw new PermissionDeniedError(
      `the payrolls of province ${provinceCode} are generated together only by officers of that province`,
    );
  }
}

export function assertCommuneApprover(principal: Principal, communeCode: string): void {
  if (!isPerson(principal, 'approver') || principal.unitCode !== communeCode) {
    throw new PermissionDeniedError(
      `the payroll of commune ${communeCode} is approved and closed only by its approvers`,
    );
  }
}

export function canReadPayrolls(principal: Principal): boolean {
  return principal.isService || READ_ROLES.some((r) => principal.roles.has(r));
}

/** The payroll if the caller may read it; NOT_FOUND when missing or out of reach. */
export function assertPayrollReadable(
  principal: Principal,
  row: PayrollRow | undefined,
  id: string,
  units: Units,
): PayrollRow {
  if (
    row === undefined ||
    !canReadPayrolls(principal) ||
    !isInJurisdiction(principal, row.communeCode, units.tree)
  ) {
    throw new NotFoundError(`payroll ${id} not found`);
  }
  return row;
}

export interface UnitScope {
  communeCode?: string;
  provinceCode?: string;
}

/** The scope of a list (empty: the caller's own unit), within the caller's reach. */
export function listScopeOf(principal: Principal, unitCode: string, units: Units): UnitScope {
  if (!canReadPayrolls(principal)) {
    throw new PermissionDeniedError(
      'payrolls are read by officers, approvers, analysts and auditors',
    );
  }
  const unit = unitCode === '' ? principal.unitCode : unitCode;
  let scope: UnitScope;
  if (unit === NATIONAL_UNIT_CODE) scope = {};
  else if (units.isProvince(unit)) scope = { provinceCode: unit };
  else if (units.provinceOfCommune(unit) !== undefined) scope = { communeCode: unit };
  else
    throw new InvalidArgumentError(
      'unit_code',
      'is not a province or commune of the 2025 structure',
    );
  if (!isInJurisdiction(principal, unit, units.tree)) {
    throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
  }
  return scope;
}
