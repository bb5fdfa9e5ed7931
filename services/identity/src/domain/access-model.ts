/**
 * The access model as data: tiers, roles, national domains and grant rules, each with the
 * dates it is in force (inclusive ISO dates, `validTo` null while open). Loaded from the
 * database (migration 0003); the decisions in grant-rules.ts are pure functions over it.
 */
import { NATIONAL_UNIT_CODE, type Role } from '@posa/auth';

export type TierCode = 'ministry' | 'province' | 'district' | 'commune';
export type NationalDomainCode = 'social_assistance' | 'poverty_reduction';
/** Where the target unit lies from the actor's unit. */
export type UnitRelation = 'own' | 'below';
export type RuleRelation = UnitRelation | 'own_or_below';

export interface Validity {
  validFrom: string;
  validTo: string | null;
}

export interface TierRow extends Validity {
  code: TierCode;
  rank: number;
}

export interface RoleRow extends Validity {
  code: string;
}

export interface GrantRule extends Validity {
  actorRole: string;
  actorTier: TierCode;
  grantableRole: string;
  targetTier: TierCode;
  relation: RuleRelation;
}

export interface DomainOwner extends Validity {
  domain: NationalDomainCode;
  ministryCode: string;
}

export interface AccessData {
  tiers: readonly TierRow[];
  roles: readonly RoleRow[];
  rules: readonly GrantRule[];
  domainOwners: readonly DomainOwner[];
}

/** Who acts: the verified principal plus what identity knows of its account. */
export interface Actor {
  userId: string;
  unitCode: string;
  roles: ReadonlySet<Role>;
  isService: boolean;
  /** National domain of the actor's account, when it has one. */
  domain: NationalDomainCode | null;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };
export type ManageDecision =
  { allowed: true; relation: UnitRelation } | { allowed: false; reason: string };

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: string): { allowed: false; reason: string } => ({
  allowed: false,
  reason,
});

export function isValidOn(row: Validity, isoDate: string): boolean {
  return row.validFrom <= isoDate && (row.validTo === null || isoDate <= row.validTo);
}

/** Tier of a unit code: "VN" ministry, 2 digits province, 3 district, 5 commune. */
export function tierOfCode(code: string): TierCode | undefined {
  if (code === NATIONAL_UNIT_CODE) return 'ministry';
  if (/^[0-9]{2}$/.test(code)) return 'province';
  if (/^[0-9]{3}$/.test(code)) return 'district';
  if (/^[0-9]{5}$/.test(code)) return 'commune';
  return undefined;
}

/** The ministry owning a national domain on a date (MOLISA before 2025-03-01). */
export function domainOwnerOn(
  owners: readonly DomainOwner[],
  domain: NationalDomainCode,
  isoDate: string,
): string | undefined {
  return owners.find((o) => o.domain === domain && isValidOn(o, isoDate))?.ministryCode;
}

export function describeValidity(row: Validity): string {
  return row.validTo === null
    ? `valid from ${row.validFrom}`
    : `valid ${row.validFrom} to ${row.validTo}`;
}
