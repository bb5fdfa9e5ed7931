/**
 * Who may do what in a review round (deny by default). Commune officers record the steps of
 * their commune; the commune's approvers decide; before 2025-07-01 the approvers of a 2024
 * district that contained a predecessor commune give the district opinion; officers,
 * approvers, analysts and auditors of units containing the commune read. Anyone else: a round
 * does not exist for them (NOT_FOUND on reads, PERMISSION_DENIED on writes).
 */
import { isInJurisdiction, type Principal } from '@posa/auth';
import { NotFoundError, PermissionDeniedError } from '@posa/platform';
import { canReadRole } from '../../grpc/household-access';
import type { ReviewRound } from '../domain/review-round';
import type { PredecessorDistricts, Units } from '@posa/units';

const isPerson = (p: Principal, role: 'officer' | 'approver'): boolean =>
  !p.isService && p.roles.has(role);

/** Officers of the commune open rounds and record listing, assessments, meetings, posting. */
export function assertCommuneOfficer(principal: Principal, communeCode: string): void {
  if (!isPerson(principal, 'officer') || principal.unitCode !== communeCode) {
    throw new PermissionDeniedError(
      `the review of commune ${communeCode} is recorded only by officers of that commune`,
    );
  }
}

/** The round an officer may record steps of; missing or foreign gives PERMISSION_DENIED alike. */
export function officerRound(
  principal: Principal,
  id: string,
  round: ReviewRound | undefined,
): ReviewRound {
  if (!isPerson(principal, 'officer')) {
    throw new PermissionDeniedError('recording review steps needs the role officer');
  }
  if (round === undefined || round.communeCode !== principal.unitCode) {
    throw new PermissionDeniedError(`no review round ${id} in commune ${principal.unitCode}`);
  }
  return round;
}

/** The commune chair's decision: an approver of the round's commune. */
export function approverRound(
  principal: Principal,
  id: string,
  round: ReviewRound | undefined,
): ReviewRound {
  if (!isPerson(principal, 'approver')) {
    throw new PermissionDeniedError('recognising a round needs the role approver');
  }
  if (round === undefined || round.communeCode !== principal.unitCode) {
    throw new PermissionDeniedError(
      `no review round ${id} to decide for unit ${principal.unitCode}`,
    );
  }
  return round;
}

/** The district opinion: an approver of a 2024 district containing a predecessor commune. */
export function districtApproverRound(
  principal: Principal,
  id: string,
  round: ReviewRound | undefined,
  predecessors: PredecessorDistricts,
): ReviewRound {
  if (!isPerson(principal, 'approver')) {
    throw new PermissionDeniedError('the district opinion needs the role approver');
  }
  if (round === undefined || !predecessors.of(round.communeCode).includes(principal.unitCode)) {
    throw new PermissionDeniedError(
      `no review round ${id} on which district ${principal.unitCode} gives an opinion`,
    );
  }
  return round;
}

/** The round if the caller may read it; NOT_FOUND when missing or out of reach. */
export function readableRound(
  principal: Principal,
  id: string,
  round: ReviewRound | undefined,
  units: Units,
  predecessors: PredecessorDistricts,
): ReviewRound {
  const reach =
    round !== undefined &&
    canReadRole(principal) &&
    (isInJurisdiction(principal, round.communeCode, units.tree) ||
      (isPerson(principal, 'approver') &&
        predecessors.of(round.communeCode).includes(principal.unitCode)));
  if (!reach) throw new NotFoundError(`review round ${id} not found`);
  return round;
}
