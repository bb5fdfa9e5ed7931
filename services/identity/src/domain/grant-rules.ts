/**
 * Who may manage which account and grant which roles (seed 000 Art. 3.1, Art. 10.3b): an
 * administrator acts only on its own unit and the units below it, and grants only what the
 * grant rules in force allow its role at its tier. Deny by default; every refusal says why.
 */
import { hasRole, type UnitTree } from '@posa/auth';
import {
  ALLOW,
  deny,
  describeValidity,
  isValidOn,
  tierOfCode,
  type AccessData,
  type Actor,
  type Decision,
  type ManageDecision,
  type NationalDomainCode,
  type RuleRelation,
  type TierCode,
  type UnitRelation,
} from './access-model';

export const ACCOUNT_ADMIN_ROLES = ['system_admin', 'unit_admin'] as const;

/** May the actor administer accounts of `targetUnit`? `tree`: the structure in force. */
export function canManageAccount(actor: Actor, targetUnit: string, tree: UnitTree): ManageDecision {
  if (actor.isService) return deny('service accounts do not administer staff accounts');
  if (!hasRole(actor, ...ACCOUNT_ADMIN_ROLES)) {
    return deny('administering accounts needs role unit_admin or system_admin');
  }
  if (!tree.has(targetUnit)) {
    return deny(`unit ${targetUnit} is not a unit of the structure in force`);
  }
  if (!tree.isWithin(targetUnit, actor.unitCode)) {
    return deny(`unit ${targetUnit} is outside the jurisdiction of unit ${actor.unitCode}`);
  }
  return { allowed: true, relation: targetUnit === actor.unitCode ? 'own' : 'below' };
}

export interface GrantTarget {
  unitCode: string;
  tier: TierCode;
  relation: UnitRelation;
  /** National domain the roles are bound to (ministry tier only). */
  domain: NationalDomainCode | null;
}

function relationMatches(rule: RuleRelation, actual: UnitRelation): boolean {
  return rule === 'own_or_below' || rule === actual;
}

/**
 * May the actor grant every one of `roles` to an account of the target unit on `isoDate`?
 * Checks that the roles and both tiers are in force, that a rule in force allows each role,
 * and that a national administrator stays within its own domain.
 */
export function canGrant(
  actor: Actor,
  roles: readonly string[],
  target: GrantTarget,
  isoDate: string,
  data: AccessData,
): Decision {
  if (actor.isService) return deny('service accounts do not grant roles');
  const actorTier = tierOfCode(actor.unitCode);
  const actorTierRow = data.tiers.find((t) => t.code === actorTier);
  if (actorTierRow === undefined) return deny(`unit ${actor.unitCode} has no tier`);
  if (!isValidOn(actorTierRow, isoDate)) {
    return deny(
      `tier ${actorTierRow.code} of unit ${actor.unitCode} is not in force on ${isoDate} (${describeValidity(actorTierRow)})`,
    );
  }
  const targetTierRow = data.tiers.find((t) => t.code === target.tier);
  if (targetTierRow === undefined) return deny(`tier ${target.tier} does not exist`);
  if (!isValidOn(targetTierRow, isoDate)) {
    return deny(
      `tier ${target.tier} is not in force on ${isoDate} (${describeValidity(targetTierRow)})`,
    );
  }
  for (const role of roles) {
    const roleRow = data.roles.find((r) => r.code === role);
    if (roleRow === undefined) return deny(`role ${role} does not exist`);
    if (!isValidOn(roleRow, isoDate)) return deny(`role ${role} is not in force on ${isoDate}`);
    const allowed = data.rules.some(
      (rule) =>
        actor.roles.has(rule.actorRole as never) &&
        rule.actorTier === actorTier &&
        rule.grantableRole === role &&
        rule.targetTier === target.tier &&
        relationMatches(rule.relation, target.relation) &&
        isValidOn(rule, isoDate),
    );
    if (!allowed) {
      const held = [...actor.roles].sort().join(', ') || 'no role';
      const where = target.relation === 'own' ? 'its own unit' : 'a unit below it';
      return deny(
        `${held} at tier ${actorTier} may not grant role ${role} at tier ${target.tier} (${where}) on ${isoDate}`,
      );
    }
  }
  if (target.tier === 'ministry' && !actor.roles.has('system_admin')) {
    if (actor.domain === null || actor.domain !== target.domain) {
      return deny(
        `a national administrator of domain ${actor.domain ?? 'none'} may not grant roles of domain ${target.domain ?? 'none'}`,
      );
    }
  }
  return ALLOW;
}
