/**
 * Who may read and edit the policy catalogue. Reads: any staff role or a service account.
 * Edits: an officer or system administrator of the national unit "VN"; an officer of a province
 * may record a base level for that province only (set by its People's Council). Service accounts
 * never edit.
 */
import { hasRole, NATIONAL_UNIT_CODE, type Principal } from '@posa/auth';
import { PermissionDeniedError } from '@posa/platform';

export function assertMayRead(principal: Principal): void {
  if (!principal.isService && principal.roles.size === 0) {
    throw new PermissionDeniedError('reading the policy catalogue needs a staff role');
  }
}

/** Every edit of the national catalogue. */
export function assertMayEditNational(principal: Principal): void {
  if (
    principal.isService ||
    principal.unitCode !== NATIONAL_UNIT_CODE ||
    !hasRole(principal, 'officer', 'system_admin')
  ) {
    throw new PermissionDeniedError(
      'the policy catalogue is edited by an officer or system administrator of unit VN',
    );
  }
}

/** A base level: national as above; a province's own level also by that province's officer. */
export function assertMayRecordBaseLevel(principal: Principal, provinceCode: string | null): void {
  const ownProvince =
    provinceCode !== null &&
    !principal.isService &&
    principal.unitCode === provinceCode &&
    hasRole(principal, 'officer');
  if (!ownProvince) assertMayEditNational(principal);
}
