/**
 * Who may do what with online applications (deny by default). The public methods (submit,
 * track) are for the edge's service account only, acting for citizens. Staff (officers,
 * approvers, analysts, auditors) read the applications of the communes within their unit;
 * for anyone else an application does not exist. Only officers of the application's commune
 * accept or decline it. Service accounts never read staff views nor decide.
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '@posa/units';
import type { OnlineApplicationRow } from './online-record';

export const STAFF_READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

export function assertCitizenChannel(principal: Principal): void {
  if (!principal.isService) {
    throw new PermissionDeniedError('this method is for the citizen online service only');
  }
}

export function assertStaffReader(principal: Principal): void {
  if (principal.isService || !STAFF_READ_ROLES.some((r) => principal.roles.has(r))) {
    throw new PermissionDeniedError(
      `online applications are read by staff with one of the roles ${STAFF_READ_ROLES.join(', ')}`,
    );
  }
}

/** The application if the caller may read it; NOT_FOUND when missing or out of reach. */
export function readableApplication(
  principal: Principal,
  row: OnlineApplicationRow | undefined,
  id: string,
  units: Units,
): OnlineApplicationRow {
  assertStaffReader(principal);
  if (row === undefined || !isInJurisdiction(principal, row.applicant.communeCode, units.tree)) {
    throw new NotFoundError(`online application ${id} not found`);
  }
  return row;
}

/** Accept and decline: an officer of the application's commune (missing or foreign alike). */
export function assertDecidingOfficer(
  principal: Principal,
  row: OnlineApplicationRow | undefined,
  id: string,
): OnlineApplicationRow {
  if (principal.isService || !principal.roles.has('officer')) {
    throw new PermissionDeniedError('online applications are accepted or declined by officers');
  }
  if (row === undefined || row.applicant.communeCode !== principal.unitCode) {
    throw new PermissionDeniedError(`no online application ${id} in commune ${principal.unitCode}`);
  }
  return row;
}
