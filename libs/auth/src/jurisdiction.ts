import type { Principal } from './principal';
import type { UnitTree } from './unit-tree';

/**
 * Thẩm quyền theo địa bàn: a principal acts on its own unit and the units below it,
 * never beside or above. Service accounts act nationally.
 */
export function isInJurisdiction(principal: Principal, unitCode: string, tree: UnitTree): boolean {
  if (principal.isService) return tree.has(unitCode);
  return tree.isWithin(unitCode, principal.unitCode);
}

export class JurisdictionError extends Error {
  constructor(
    readonly unitCode: string,
    readonly principalUnitCode: string,
  ) {
    super(`unit ${unitCode} is outside the jurisdiction of unit ${principalUnitCode}`);
    this.name = 'JurisdictionError';
  }
}

/** Throws JurisdictionError (mapped to PERMISSION_DENIED) when the unit is out of reach. */
export function assertInJurisdiction(principal: Principal, unitCode: string, tree: UnitTree): void {
  if (!isInJurisdiction(principal, unitCode, tree)) {
    throw new JurisdictionError(unitCode, principal.unitCode);
  }
}
