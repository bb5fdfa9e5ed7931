/**
 * Who may do what in the merge workflow (pure; deny by default):
 * - propose: an officer of the commune holding both records (a record elsewhere is refused
 *   alike whether missing or foreign; duplicates across communes are routed by the province or
 *   national level and resolved by moving the person, not by a merge);
 * - confirm or reject: an approver whose unit contains the commune; a confirmation needs a
 *   second person (never the proposer's account);
 * - dismiss a pair: an officer or approver whose unit contains the commune of both records.
 */
import { hasRole, isInJurisdiction, type Principal, type UnitTree } from '@posa/auth';
import { FailedPreconditionError, NotFoundError, PermissionDeniedError } from '@posa/platform';
import { isLive, type PersonOnFile } from './candidate-rules';

export type MergeStatus = 'proposed' | 'confirmed' | 'rejected';

/** The parts of a proposal the rules look at. */
export interface ProposalRef {
  id: string;
  communeCode: string;
  status: MergeStatus;
  proposedBy: string;
}

function assertLive(p: PersonOnFile, field: string): void {
  if (!isLive(p)) {
    throw new FailedPreconditionError(
      `${field}: member ${p.memberId} is deceased, moved out or already merged`,
    );
  }
}

export function assertCanPropose(
  principal: Principal,
  kept: { id: string; person: PersonOnFile | undefined },
  merged: { id: string; person: PersonOnFile | undefined },
): { kept: PersonOnFile; merged: PersonOnFile } {
  if (principal.isService || !principal.roles.has('officer')) {
    throw new PermissionDeniedError('proposing a merge needs the role officer');
  }
  const own = (m: { id: string; person: PersonOnFile | undefined }, field: string) => {
    if (m.person === undefined || m.person.communeCode !== principal.unitCode) {
      throw new PermissionDeniedError(
        `${field}: no member ${m.id} in commune ${principal.unitCode}; records of two ` +
          'communes are routed by the province and resolved by a move, not a merge',
      );
    }
    assertLive(m.person, field);
    return m.person;
  };
  const k = own(kept, 'kept_member_id');
  const m = own(merged, 'merged_member_id');
  return { kept: k, merged: m };
}

/** A proposal the caller may see: NOT_FOUND when missing or outside the jurisdiction. */
export function visibleProposal<T extends ProposalRef>(
  principal: Principal,
  id: string,
  proposal: T | undefined,
  tree: UnitTree,
): T {
  if (proposal === undefined || !isInJurisdiction(principal, proposal.communeCode, tree)) {
    throw new NotFoundError(`merge proposal ${id} not found`);
  }
  return proposal;
}

export function assertCanDecide(
  principal: Principal,
  proposal: ProposalRef,
  decision: 'confirm' | 'reject',
): void {
  if (principal.isService || !principal.roles.has('approver')) {
    throw new PermissionDeniedError(`to ${decision} a merge needs the role approver`);
  }
  if (decision === 'confirm' && principal.userId === proposal.proposedBy) {
    throw new PermissionDeniedError(
      'a merge is confirmed by a second person: the proposer cannot confirm it',
    );
  }
  if (proposal.status !== 'proposed') {
    throw new FailedPreconditionError(
      `merge proposal ${proposal.id} is already ${proposal.status}`,
    );
  }
}

export function assertCanDismiss(
  principal: Principal,
  first: { id: string; person: PersonOnFile | undefined },
  second: { id: string; person: PersonOnFile | undefined },
  tree: UnitTree,
): void {
  if (principal.isService || !hasRole(principal, 'officer', 'approver')) {
    throw new PermissionDeniedError('dismissing a candidate needs the role officer or approver');
  }
  for (const [m, field] of [
    [first, 'first_member_id'],
    [second, 'second_member_id'],
  ] as const) {
    if (m.person === undefined || !isInJurisdiction(principal, m.person.communeCode, tree)) {
      throw new PermissionDeniedError(`${field}: no member ${m.id} in your jurisdiction`);
    }
  }
}
