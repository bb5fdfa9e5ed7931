import { InvalidArgumentError } from '@posa/platform';
import type { HouseholdSnapshot, MemberRecord } from '../domain/household-state';

/** The member of the household with this id (INVALID_ARGUMENT `member_id` otherwise). */
export function memberOrFail(snapshot: HouseholdSnapshot, memberId: string): MemberRecord {
  const member = snapshot.members.find((m) => m.id === memberId);
  if (member === undefined) {
    throw new InvalidArgumentError(
      'member_id',
      `is not a member of household ${snapshot.household.id}`,
    );
  }
  return member;
}
