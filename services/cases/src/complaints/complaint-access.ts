/**
 * Who may do what with complaints (deny by default). Any staff member files one, and so does
 * the edge's service account for a citizen. Officers, approvers, analysts and auditors read the
 * complaints managed within their unit; for anyone else a complaint does not exist. Officers
 * and approvers of the managing commune answer and close; they and those of its province
 * reroute. A missing complaint and a foreign one give the same PERMISSION_DENIED to writers.
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import type { Units } from '@posa/units';
import type { ComplaintRow } from './complaint-record';

const READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;
const HANDLER_ROLES = ['officer', 'approver'] as const;

export function assertFiler(principal: Principal): void {
  if (!principal.isService && principal.roles.size === 0) {
    throw new PermissionDeniedError(
      'complaints are filed by staff or through the citizen online service',
    );
  }
}

export function assertComplaintReader(principal: Principal): void {
  if (principal.isService || !READ_ROLES.some((r) => principal.roles.has(r))) {
    throw new PermissionDeniedError(
      `complaints are read by staff with one of the roles ${READ_ROLES.join(', ')}`,
    );
  }
}

export function readableComplaint(
  principal: Principal,
  row: ComplaintRow | undefined,
  id: string,
  units: Units,
): ComplaintRow {
  assertComplaintReader(principal);
  if (row === undefined || !isInJurisdiction(principal, row.managingUnitCode, units.tree)) {
    throw new NotFoundError(`complaint ${id} not found`);
  }
  return row;
}

/** Answer and close: officers and approvers of the managing commune; reroute: also of its province. */
export function assertHandler(
  principal: Principal,
  row: ComplaintRow | undefined,
  id: string,
  step: 'answer' | 'close' | 'reroute',
): ComplaintRow {
  const units =
    row === undefined
      ? []
      : step === 'reroute'
        ? [row.managingUnitCode, row.provinceCode]
        : [row.managingUnitCode];
  if (
    principal.isService ||
    !HANDLER_ROLES.some((r) => principal.roles.has(r)) ||
    !units.includes(principal.unitCode)
  ) {
    throw new PermissionDeniedError(
      `complaint ${id} is handled by officers and approvers of its managing unit${step === 'reroute' ? ' or its province' : ''}`,
    );
  }
  return row as ComplaintRow;
}
