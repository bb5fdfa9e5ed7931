/**
 * Which forms of the move, identity-quality and sampling pages a user is offered. Moves,
 * merge proposals and verifications: officers of the household's commune (cán bộ cấp xã);
 * confirming or rejecting a merge: approvers; drawing and deciding samples: approvers or
 * officers of a unit above the commune (province, national). The service decides each call.
 */
import type { Principal } from '@posa/auth';

/** Approvers decide merge proposals (never their own; the service checks that too). */
export function decidesMerges(principal: Principal | undefined): boolean {
  return principal !== undefined && principal.roles.has('approver');
}

/** Officers or approvers of a commune or above may dismiss a pair their unit holds. */
export function dismissesCandidates(principal: Principal | undefined): boolean {
  return (
    principal !== undefined && (principal.roles.has('officer') || principal.roles.has('approver'))
  );
}

/** Approvers or officers of a province or the national level draw and decide samples. */
export function decidesSamples(principal: Principal | undefined): boolean {
  if (principal === undefined) return false;
  if (!principal.roles.has('approver') && !principal.roles.has('officer')) return false;
  return /^([0-9]{2}|VN)$/.test(principal.unitCode);
}
