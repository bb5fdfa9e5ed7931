import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';
import type { HouseholdSnapshot, MemberRecord } from '../domain/household-state';

/**
 * The member of the household with this id that may still be changed: INVALID_ARGUMENT
 * `member_id` when there is none, FAILED_PRECONDITION when the record was absorbed by a
 * confirmed duplicate merge (it lives on only as history; change the member kept).
 */
export function memberOrFail(snapshot: HouseholdSnapshot, memberId: string): MemberRecord {
  const member = snapshot.members.find((m) => m.id === memberId);
  if (member === undefined) {
    throw new InvalidArgumentError(
      'member_id',
      `is not a member of household ${snapshot.household.id}`,
    );
  }
  if (member.mergedInto !== undefined) {
    throw new FailedPreconditionError(
      `member_id: the record was merged into member ${member.mergedInto}; change that one`,
    );
  }
  return member;
}
