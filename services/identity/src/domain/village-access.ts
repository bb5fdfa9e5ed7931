/**
 * Who may create a village: a unit administrator or an officer whose unit is the commune
 * itself or a unit above it in the 2025 structure. Deny by default.
 */
import {
  assertInJurisdiction,
  hasRole,
  JurisdictionError,
  type Principal,
  type UnitTree,
} from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';

export const VILLAGE_WRITER_ROLES = ['unit_admin', 'officer'] as const;

/** `tree`: the 2025 structure. Throws PERMISSION_DENIED (with the reason) or NOT_FOUND. */
export function authoriseVillageCreation(
  principal: Principal,
  communeCode: string,
  tree: UnitTree,
): void {
  if (!hasRole(principal, ...VILLAGE_WRITER_ROLES)) {
    throw new PermissionDeniedError(
      `creating a village needs role ${VILLAGE_WRITER_ROLES.join(' or ')}`,
    );
  }
  if (!tree.has(communeCode)) {
    throw new NotFoundError(`commune ${communeCode} does not exist in the 2025 structure`);
  }
  try {
    assertInJurisdiction(principal, communeCode, tree);
  } catch (err) {
    if (err instanceof JurisdictionError) throw new PermissionDeniedError(err.message);
    throw err;
  }
}
