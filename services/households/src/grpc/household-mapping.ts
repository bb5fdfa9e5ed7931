/** Mapping between the HouseholdService messages and the domain records. */
import { InvalidArgumentError } from '@posa/platform';
import {
  Area,
  HouseholdStatus,
  Sex,
  type Household,
  type HouseholdChange,
  type Member,
  type MemberInput,
} from '@posa/proto';
import type { RawMember } from '../domain/household-input';
import type {
  Area as DomainArea,
  HouseholdSnapshot,
  HouseholdRecord,
  MemberRecord,
} from '../domain/household-state';
import type { StoredChange } from '../store/household-store';
import { householdFormCToProto, memberFormCToProto, rawMemberFormCOf } from './form-c-mapping';

export function areaOf(area: Area, field: string): DomainArea {
  if (area === Area.AREA_RURAL) return 'rural';
  if (area === Area.AREA_URBAN) return 'urban';
  throw new InvalidArgumentError(field, 'must be AREA_RURAL or AREA_URBAN');
}

export function statusOf(status: HouseholdStatus): HouseholdRecord['status'] | undefined {
  if (status === HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE) return 'active';
  if (status === HouseholdStatus.HOUSEHOLD_STATUS_DISSOLVED) return 'dissolved';
  return undefined;
}

export function rawMemberOf(m: MemberInput | undefined): RawMember {
  return {
    fullName: m?.fullName ?? '',
    dateOfBirth: m?.dateOfBirth,
    sex: m?.sex === Sex.SEX_MALE ? 'male' : m?.sex === Sex.SEX_FEMALE ? 'female' : undefined,
    ethnicGroupCode: m?.ethnicGroupCode ?? '',
    citizenId: m?.citizenId ?? '',
    relation: m?.relation ?? '',
    formC: m?.formC === undefined ? undefined : rawMemberFormCOf(m.formC),
  };
}

function memberToProto(m: MemberRecord): Member {
  const dayOf = (iso: string) => ({
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
  });
  return {
    id: m.id,
    fullName: m.fullName,
    dateOfBirth: {
      year: m.dateOfBirth.year,
      month: m.dateOfBirth.month ?? 0,
      day: m.dateOfBirth.day ?? 0,
    },
    sex: m.sex === 'male' ? Sex.SEX_MALE : Sex.SEX_FEMALE,
    ethnicGroupCode: m.ethnicGroupCode,
    citizenId: m.citizenId ?? '',
    relation: m.relation,
    deceasedOn: m.deceasedOn === null ? undefined : dayOf(m.deceasedOn),
    formC: memberFormCToProto(m.formC),
    mergedIntoMemberId: m.mergedInto ?? '',
    populationCheck:
      m.populationCheck === undefined
        ? undefined
        : {
            outcome: m.populationCheck.outcome,
            mismatchedFields: m.populationCheck.mismatchedFields,
            verifiedAt: new Date(m.populationCheck.verifiedAt),
          },
  };
}

export function householdToProto(h: HouseholdRecord, members: MemberRecord[] = []): Household {
  return {
    id: h.id,
    code: h.code,
    communeCode: h.communeCode,
    provinceCode: h.provinceCode,
    villageCode: h.villageCode ?? '',
    streetAddress: h.streetAddress,
    area: h.area === 'rural' ? Area.AREA_RURAL : Area.AREA_URBAN,
    headMemberId: h.headMemberId ?? '',
    status:
      h.status === 'active'
        ? HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE
        : HouseholdStatus.HOUSEHOLD_STATUS_DISSOLVED,
    version: h.version,
    createdAt: new Date(h.createdAt),
    updatedAt: new Date(h.updatedAt),
    members: members.map(memberToProto),
    formC: householdFormCToProto(h.formC),
    mergedIntoHouseholdId: h.mergedInto ?? '',
    splitFromHouseholdId: h.splitFrom ?? '',
  };
}

export function snapshotToProto(s: HouseholdSnapshot): Household {
  return householdToProto(s.household, s.members);
}

export function changeToProto(c: StoredChange): HouseholdChange {
  return {
    seq: String(c.seq),
    kind: c.kind,
    memberId: c.memberId ?? '',
    stamp: {
      actorId: c.actorId,
      actorUnitCode: c.actorUnitCode,
      at: new Date(c.at),
      sourceAddress: c.sourceAddress,
      reason: c.reason,
    },
    beforeJson: c.before === null ? '' : JSON.stringify(c.before),
    afterJson: JSON.stringify(c.after),
  };
}
