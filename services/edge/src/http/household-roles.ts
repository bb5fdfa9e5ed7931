/**
 * Which roles open the household pages: reading needs officer, approver, analyst or auditor
 * (as in the households service); the create and change forms are offered to officers of a
 * commune (cán bộ cấp xã). The households service checks every call again.
 */
import type { Principal, Role } from '@posa/auth';

export const HOUSEHOLD_PAGE_ROLES: readonly Role[] = ['officer', 'approver', 'analyst', 'auditor'];

/** An officer bound to a commune (5-digit code) may write that commune's households. */
export function writesHouseholdsOf(principal: Principal | undefined): string | undefined {
  if (principal === undefined || !principal.roles.has('officer')) return undefined;
  return /^[0-9]{5}$/.test(principal.unitCode) ? principal.unitCode : undefined;
}
