/**
 * Which roles an actor may grant today to an account of one unit: each role in force asked
 * of `canGrant` on its own, so the answer is exactly what a create or roles change would be
 * allowed. At the national level roles are bound to a domain: the answer is given per domain,
 * and without a domain only system_admin (the one national role that needs none).
 */
import type { AccessData, Actor, NationalDomainCode, TierCode, UnitRelation } from './access-model';
import { isValidOn } from './access-model';
import { canGrant } from './grant-rules';

export const NATIONAL_DOMAINS: readonly NationalDomainCode[] = [
  'social_assistance',
  'poverty_reduction',
];

export interface GrantableRoles {
  /** Roles grantable without a domain. */
  roles: string[];
  /** National level only: roles grantable together with each domain. */
  byDomain: { domain: NationalDomainCode; roles: string[] }[];
}

export interface GrantableTarget {
  unitCode: string;
  tier: TierCode;
  relation: UnitRelation;
}

export function grantableRoles(
  actor: Actor,
  target: GrantableTarget,
  isoDate: string,
  data: AccessData,
): GrantableRoles {
  const inForce = data.roles.filter((r) => isValidOn(r, isoDate)).map((r) => r.code);
  const allowed = (domain: NationalDomainCode | null): string[] =>
    inForce.filter((role) => canGrant(actor, [role], { ...target, domain }, isoDate, data).allowed);
  if (target.tier !== 'ministry') return { roles: allowed(null), byDomain: [] };
  return {
    roles: allowed(null).filter((r) => r === 'system_admin'),
    byDomain: NATIONAL_DOMAINS.map((domain) => ({ domain, roles: allowed(domain) })),
  };
}
