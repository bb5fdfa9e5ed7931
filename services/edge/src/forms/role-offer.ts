/**
 * Which role checkboxes the create and roles forms offer a caller: the roles identity says
 * the caller may grant at a unit (AccountService.ListGrantableRoles, computed from the grant
 * rules in force). It only narrows what the form shows; identity decides every request itself.
 */
import { isRole, ROLES, type Role } from '@posa/auth';
import type { ListGrantableRolesResponse } from '@posa/proto';

/** The roles of the answers (without a domain and of every domain), in the order of ROLES. */
export function offeredRoles(...answers: readonly ListGrantableRolesResponse[]): Role[] {
  const offered = new Set<string>();
  for (const answer of answers) {
    answer.roles.forEach((r) => offered.add(r));
    answer.domainRoles.forEach((d) => d.roles.forEach((r) => offered.add(r)));
  }
  return ROLES.filter((r) => offered.has(r) && isRole(r));
}
