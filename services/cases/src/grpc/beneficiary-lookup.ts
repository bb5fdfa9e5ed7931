/**
 * Reads the beneficiary of a new case from the household registry, with the caller's own
 * access token, so the households service applies its jurisdiction too. The member must
 * belong to the household, be alive and not merged into another record.
 */
import {
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  type CallContext,
} from '@posa/platform';
import { HouseholdStatus, Sex as ProtoSex } from '@posa/proto';
import type { CasesDeps } from '../deps';
import type { Sex } from '../domain/case-record';

export interface RegisteredBeneficiary {
  memberId: string;
  householdId: string;
  communeCode: string;
  provinceCode: string;
  fullName: string;
  birthYear: number;
  birthMonth: number | null;
  birthDay: number | null;
  sex: Sex;
  citizenId: string | null;
}

function authorizationOf(ctx: CallContext): string {
  const value = ctx.metadata.get('authorization')[0];
  if (typeof value !== 'string') throw new UnauthenticatedError('missing access token');
  return value;
}

export async function lookUpBeneficiary(
  deps: Pick<CasesDeps, 'households'>,
  ctx: CallContext,
  householdId: string,
  memberId: string,
): Promise<RegisteredBeneficiary> {
  if (householdId.trim() === '') throw new InvalidArgumentError('household_id', 'is required');
  if (memberId.trim() === '') throw new InvalidArgumentError('member_id', 'is required');
  let household;
  try {
    const res = await deps.households.call(
      'getHousehold',
      { id: householdId },
      { metadata: { authorization: authorizationOf(ctx) }, idempotent: true },
    );
    household = res.household;
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof PermissionDeniedError) {
      throw new InvalidArgumentError('household_id', 'no such household in your commune');
    }
    throw err;
  }
  if (household === undefined) {
    throw new InvalidArgumentError('household_id', 'no such household in your commune');
  }
  if (household.status !== HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE) {
    throw new InvalidArgumentError('household_id', 'the household is dissolved');
  }
  const member = household.members.find((m) => m.id === memberId);
  if (member === undefined) {
    throw new InvalidArgumentError('member_id', 'is not a member of the household');
  }
  if (member.deceasedOn !== undefined && member.deceasedOn.year > 0) {
    throw new InvalidArgumentError('member_id', 'the member is recorded as deceased');
  }
  if (member.mergedIntoMemberId !== '') {
    throw new InvalidArgumentError('member_id', 'the record was merged into another member');
  }
  const dob = member.dateOfBirth;
  if (dob === undefined || dob.year < 1900) {
    throw new InvalidArgumentError('member_id', 'the member has no year of birth');
  }
  const sex: Sex | undefined =
    member.sex === ProtoSex.SEX_MALE
      ? 'male'
      : member.sex === ProtoSex.SEX_FEMALE
        ? 'female'
        : undefined;
  if (sex === undefined)
    throw new InvalidArgumentError('member_id', 'the member has no sex recorded');
  return {
    memberId: member.id,
    householdId: household.id,
    communeCode: household.communeCode,
    provinceCode: household.provinceCode,
    fullName: member.fullName,
    birthYear: dob.year,
    birthMonth: dob.month > 0 ? dob.month : null,
    birthDay: dob.month > 0 && dob.day > 0 ? dob.day : null,
    sex,
    citizenId: member.citizenId === '' ? null : member.citizenId,
  };
}
