/**
 * Which roles open the staff pages of the online service and of complaints, and who is
 * offered the actions: reading needs officer, approver, analyst or auditor; an officer of a
 * commune accepts or declines the commune's online applications; staff record complaints for
 * callers, and officers and approvers answer, close and reroute them. The cases service checks
 * every call again (role and jurisdiction).
 */
import type { Principal, Role } from '@posa/auth';

export const CITIZEN_SERVICE_PAGE_ROLES: readonly Role[] = [
  'officer',
  'approver',
  'analyst',
  'auditor',
];

/** The commune whose online applications this user may accept or decline, if any. */
export function acceptsApplicationsOf(principal: Principal | undefined): string | undefined {
  if (principal === undefined || !principal.roles.has('officer')) return undefined;
  return /^[0-9]{5}$/.test(principal.unitCode) ? principal.unitCode : undefined;
}

/** Staff record complaints received by phone or at the desk. */
export function filesComplaints(principal: Principal | undefined): boolean {
  return CITIZEN_SERVICE_PAGE_ROLES.some((r) => principal?.roles.has(r) ?? false);
}

/** Officers and approvers answer, close and reroute the complaints of their units. */
export function handlesComplaints(principal: Principal | undefined): boolean {
  return (principal?.roles.has('officer') || principal?.roles.has('approver')) ?? false;
}
