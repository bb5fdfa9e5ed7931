/** Search rows → proto hits; citizen IDs leave the service masked (last 4 digits). */
import { HouseholdStatus, type HouseholdHit, type MemberHit } from '@posa/proto';
import type { HouseholdStatus as DomainStatus } from '../domain/household-state';
import { maskCitizenId } from '../domain/search-query';
import type { HouseholdSearchRow, MemberSearchRow } from '../store/member-search-store';

function statusToProto(status: DomainStatus): HouseholdStatus {
  return status === 'active'
    ? HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE
    : HouseholdStatus.HOUSEHOLD_STATUS_DISSOLVED;
}

export function memberHitOf(row: MemberSearchRow): MemberHit {
  return {
    memberId: row.memberId,
    householdId: row.householdId,
    householdCode: row.householdCode,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    fullName: row.fullName,
    birthYear: row.birthYear,
    maskedCitizenId: maskCitizenId(row.citizenId),
    relation: row.relation,
    householdStatus: statusToProto(row.householdStatus),
    deceased: row.deceased,
  };
}

export function householdHitOf(row: HouseholdSearchRow): HouseholdHit {
  return {
    householdId: row.householdId,
    householdCode: row.householdCode,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    villageCode: row.villageCode ?? '',
    status: statusToProto(row.status),
    headFullName: row.headFullName ?? '',
    headBirthYear: row.headBirthYear ?? 0,
    headMaskedCitizenId: maskCitizenId(row.headCitizenId),
    memberCount: row.memberCount,
  };
}
