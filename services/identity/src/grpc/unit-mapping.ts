/** Between stored rows and the protobuf messages of posa.identity.v1. */
import { InvalidArgumentError, partsFromIso } from '@posa/platform';
import {
  AdministrativeStructure,
  UnitLevel,
  UnitRelation,
  VillageKind,
  type Unit,
  type Village,
} from '@posa/proto';
import type { Relation } from '../domain/merger-rows';
import type { StructureId, UnitLevelName } from '../domain/structures';
import type { VillageKindName } from '../domain/village';
import type { StoredUnit } from '../store/unit-store';
import type { StoredVillage } from '../store/village-store';

const STRUCTURE_TO_PROTO: Record<StructureId, AdministrativeStructure> = {
  '2024': AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2024,
  '2025': AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025,
};
const LEVEL_TO_PROTO: Record<UnitLevelName, UnitLevel> = {
  province: UnitLevel.UNIT_LEVEL_PROVINCE,
  district: UnitLevel.UNIT_LEVEL_DISTRICT,
  commune: UnitLevel.UNIT_LEVEL_COMMUNE,
};
const RELATION_TO_PROTO: Record<Relation, UnitRelation> = {
  full: UnitRelation.UNIT_RELATION_FULL,
  partial: UnitRelation.UNIT_RELATION_PARTIAL,
  unchanged: UnitRelation.UNIT_RELATION_UNCHANGED,
};
const KIND_TO_PROTO: Record<VillageKindName, VillageKind> = {
  rural: VillageKind.VILLAGE_KIND_RURAL,
  urban: VillageKind.VILLAGE_KIND_URBAN,
};

export function unitToProto(unit: StoredUnit): Unit {
  return {
    structure: STRUCTURE_TO_PROTO[unit.structure],
    code: unit.code,
    level: LEVEL_TO_PROTO[unit.level],
    name: unit.name,
    shortName: unit.shortName,
    type: unit.type,
    parentCode: unit.parentCode ?? '',
    provinceCode: unit.provinceCode,
    validFrom: partsFromIso(unit.validFrom),
    validTo: unit.validTo === null ? undefined : partsFromIso(unit.validTo),
  };
}

export function relationToProto(relation: Relation): UnitRelation {
  return RELATION_TO_PROTO[relation];
}

export function villageToProto(village: StoredVillage): Village {
  return {
    code: village.code,
    communeCode: village.communeCode,
    name: village.name,
    kind: KIND_TO_PROTO[village.kind],
    createTime: village.createdAt,
  };
}

/** undefined for UNSPECIFIED (the oneof may also be unset); INVALID_ARGUMENT for unknown values. */
export function structureFromProto(
  value: AdministrativeStructure | undefined,
): StructureId | undefined {
  if (value === undefined || value === AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_UNSPECIFIED)
    return undefined;
  const found = (Object.keys(STRUCTURE_TO_PROTO) as StructureId[]).find(
    (id) => STRUCTURE_TO_PROTO[id] === value,
  );
  if (found === undefined)
    throw new InvalidArgumentError('structure', 'must be ADMINISTRATIVE_STRUCTURE_2024 or _2025');
  return found;
}

/** null for UNIT_LEVEL_UNSPECIFIED (no filter). */
export function levelFromProto(value: UnitLevel): UnitLevelName | null {
  if (value === UnitLevel.UNIT_LEVEL_UNSPECIFIED) return null;
  const found = (Object.keys(LEVEL_TO_PROTO) as UnitLevelName[]).find(
    (l) => LEVEL_TO_PROTO[l] === value,
  );
  if (found === undefined) throw new InvalidArgumentError('level', 'is not a known unit level');
  return found;
}

export function kindFromProto(value: VillageKind): VillageKindName | undefined {
  return (Object.keys(KIND_TO_PROTO) as VillageKindName[]).find((k) => KIND_TO_PROTO[k] === value);
}
