/**
 * Which role checkboxes the create and roles forms offer a caller: the roles its role and
 * tier may grant under the grant rules in force for the 2025 structure (identity's migration
 * 0003). It only narrows what the form shows; identity decides every request itself and
 * refuses with the reason, so a stale copy here can never widen anyone's rights.
 */
import { NATIONAL_UNIT_CODE, ROLES, type Role } from '@posa/auth';

const STAFF: readonly Role[] = ['unit_admin', 'officer', 'approver', 'analyst', 'auditor'];
const COMMUNE_ADMIN_GRANTS: readonly Role[] = ['officer', 'analyst'];

export type CallerTier = 'national' | 'province' | 'district' | 'commune';

/** The tier of a unit code: VN, 2 digits province, 3 district, 5 commune. */
export function tierOfCode(unitCode: string): CallerTier {
  if (unitCode === NATIONAL_UNIT_CODE) return 'national';
  if (unitCode.length === 2) return 'province';
  if (unitCode.length === 3) return 'district';
  return 'commune';
}

/** The roles offered, in the order of ROLES. */
export function offeredRoles(callerRoles: ReadonlySet<string>, callerUnit: string): Role[] {
  const tier = tierOfCode(callerUnit);
  const offered = new Set<Role>();
  if (callerRoles.has('system_admin') && tier === 'national') ROLES.forEach((r) => offered.add(r));
  if (callerRoles.has('unit_admin')) {
    if (tier === 'national' || tier === 'province') STAFF.forEach((r) => offered.add(r));
    else COMMUNE_ADMIN_GRANTS.forEach((r) => offered.add(r));
  }
  return ROLES.filter((r) => offered.has(r));
}
