/** The JSON shapes of the API (and the view models of the pages) from the protobuf messages. */
import {
  AdministrativeStructure,
  UnitLevel,
  UnitRelation,
  VillageKind,
  type CalendarDate,
  type ResolveUnitResponse,
  type Unit,
  type Village,
} from '@posa/proto';

export type StructureName = '2024' | '2025';
export type LevelName = 'province' | 'district' | 'commune';
export type RelationName = 'full' | 'partial' | 'unchanged';
export type VillageKindName = 'rural' | 'urban';

export interface UnitJson {
  structure: StructureName | null;
  code: string;
  level: LevelName | null;
  name: string;
  shortName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface VillageJson {
  code: string;
  communeCode: string;
  name: string;
  kind: VillageKindName | null;
  createTime: string | null;
}

export interface ResolutionJson {
  oldUnit: UnitJson | null;
  successors: { unit: UnitJson | null; relation: RelationName | null; note: string }[];
}

const STRUCTURES: Partial<Record<AdministrativeStructure, StructureName>> = {
  [AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2024]: '2024',
  [AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025]: '2025',
};
const LEVELS: Partial<Record<UnitLevel, LevelName>> = {
  [UnitLevel.UNIT_LEVEL_PROVINCE]: 'province',
  [UnitLevel.UNIT_LEVEL_DISTRICT]: 'district',
  [UnitLevel.UNIT_LEVEL_COMMUNE]: 'commune',
};
const RELATIONS: Partial<Record<UnitRelation, RelationName>> = {
  [UnitRelation.UNIT_RELATION_FULL]: 'full',
  [UnitRelation.UNIT_RELATION_PARTIAL]: 'partial',
  [UnitRelation.UNIT_RELATION_UNCHANGED]: 'unchanged',
};
const KINDS: Partial<Record<VillageKind, VillageKindName>> = {
  [VillageKind.VILLAGE_KIND_RURAL]: 'rural',
  [VillageKind.VILLAGE_KIND_URBAN]: 'urban',
};

export const STRUCTURE_OF_NAME: Record<StructureName, AdministrativeStructure> = {
  '2024': AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2024,
  '2025': AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025,
};
export const LEVEL_OF_NAME: Record<LevelName, UnitLevel> = {
  province: UnitLevel.UNIT_LEVEL_PROVINCE,
  district: UnitLevel.UNIT_LEVEL_DISTRICT,
  commune: UnitLevel.UNIT_LEVEL_COMMUNE,
};
export const KIND_OF_NAME: Record<VillageKindName, VillageKind> = {
  rural: VillageKind.VILLAGE_KIND_RURAL,
  urban: VillageKind.VILLAGE_KIND_URBAN,
};

/** YYYY-MM-DD, or null for an unset date. */
export function isoDate(date: CalendarDate | undefined): string | null {
  if (date === undefined || date.year === 0) return null;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function unitJson(unit: Unit | undefined): UnitJson | null {
  if (unit === undefined) return null;
  return {
    structure: STRUCTURES[unit.structure] ?? null,
    code: unit.code,
    level: LEVELS[unit.level] ?? null,
    name: unit.name,
    shortName: unit.shortName,
    type: unit.type,
    parentCode: unit.parentCode === '' ? null : unit.parentCode,
    provinceCode: unit.provinceCode,
    validFrom: isoDate(unit.validFrom),
    validTo: isoDate(unit.validTo),
  };
}

/** For lists: units that failed to decode are left out. */
export function unitsJson(units: readonly Unit[]): UnitJson[] {
  return units.flatMap((u) => {
    const json = unitJson(u);
    return json === null ? [] : [json];
  });
}

export function villageJson(village: Village): VillageJson {
  return {
    code: village.code,
    communeCode: village.communeCode,
    name: village.name,
    kind: KINDS[village.kind] ?? null,
    createTime: village.createTime?.toISOString() ?? null,
  };
}

export function resolutionJson(response: ResolveUnitResponse): ResolutionJson {
  return {
    oldUnit: unitJson(response.oldUnit),
    successors: response.successors.map((s) => ({
      unit: unitJson(s.unit),
      relation: RELATIONS[s.relation] ?? null,
      note: s.note,
    })),
  };
}
