/**
 * JSON shapes of households (hộ gia đình), members and the change log in the API, and the
 * conversions between them and the proto messages. Dates of birth may be partial: "1980",
 * "1980-05" or "1980-05-12" (the registry often knows only the year).
 */
import {
  Area,
  HouseholdStatus,
  Sex,
  type CalendarDate,
  type Household,
  type HouseholdChange,
  type Member,
  type MemberInput,
} from '@posa/proto';
import { badRequest } from '../http/errors';

export const SEX_OF_NAME = { male: Sex.SEX_MALE, female: Sex.SEX_FEMALE } as const;
export const AREA_OF_NAME = { rural: Area.AREA_RURAL, urban: Area.AREA_URBAN } as const;
export const HOUSEHOLD_STATUS_OF_NAME = {
  active: HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE,
  dissolved: HouseholdStatus.HOUSEHOLD_STATUS_DISSOLVED,
} as const;
export type SexName = keyof typeof SEX_OF_NAME;
export type AreaName = keyof typeof AREA_OF_NAME;
export type HouseholdStatusName = keyof typeof HOUSEHOLD_STATUS_OF_NAME;

/** Relations to the head (quan hệ với chủ hộ) the registry knows, in form order. */
export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'parent_in_law',
  'child_in_law',
  'grandchild',
  'grandparent',
  'sibling',
  'other_relative',
  'other',
] as const;

function nameOf<T extends string>(table: Record<T, number>, value: number): T | null {
  const found = (Object.keys(table) as T[]).find((k) => table[k] === value);
  return found ?? null;
}

export const sexName = (v: Sex): SexName | null => nameOf(SEX_OF_NAME, v);
export const areaName = (v: Area): AreaName | null => nameOf(AREA_OF_NAME, v);
export const statusName = (v: HouseholdStatus): HouseholdStatusName | null =>
  nameOf(HOUSEHOLD_STATUS_OF_NAME, v);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "1980", "1980-05" or "1980-05-12"; null when absent. */
export function partialDateText(d: CalendarDate | undefined): string | null {
  if (d === undefined || d.year === 0) return null;
  if (d.month === 0) return pad(d.year, 4);
  if (d.day === 0) return `${pad(d.year, 4)}-${pad(d.month, 2)}`;
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A partial date typed as YYYY, YYYY-MM or YYYY-MM-DD (the service checks it is real). */
export function parsePartialDate(text: string, field: string): CalendarDate {
  const m = PARTIAL.exec(text.trim());
  if (!m) throw badRequest(field, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
  return { year: Number(m[1]), month: Number(m[2] ?? 0), day: Number(m[3] ?? 0) };
}

/** A whole day YYYY-MM-DD. */
export function parseFullDate(text: string, field: string): CalendarDate {
  const d = parsePartialDate(text, field);
  if (d.day === 0) throw badRequest(field, 'must be a date YYYY-MM-DD');
  return d;
}

export interface MemberJson {
  id: string;
  fullName: string;
  dateOfBirth: string | null;
  sex: SexName | null;
  ethnicGroupCode: string;
  citizenId: string | null;
  relation: string;
  deceasedOn: string | null;
  /** Set when a confirmed duplicate merge absorbed this record: the member kept. */
  mergedIntoMemberId?: string | null;
  /** The last population-database check of the identity fields as they are now. */
  populationCheck?: PopulationCheckJson | null;
}

export interface PopulationCheckJson {
  outcome: string;
  mismatchedFields: string[];
  verifiedAt: string | null;
}

export interface HouseholdJson {
  id: string;
  code: string;
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  streetAddress: string;
  area: AreaName | null;
  headMemberId: string | null;
  status: HouseholdStatusName | null;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
  members: MemberJson[];
  /** nhập hộ: the household this one was merged into; tách hộ: the one it was split from. */
  mergedIntoHouseholdId?: string | null;
  splitFromHouseholdId?: string | null;
}

export interface ChangeJson {
  seq: string;
  kind: string;
  memberId: string | null;
  actorId: string;
  actorUnitCode: string;
  at: string | null;
  reason: string;
  before: unknown;
  after: unknown;
}

const orNull = (s: string): string | null => (s === '' ? null : s);
const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export function memberJson(m: Member): MemberJson {
  return {
    id: m.id,
    fullName: m.fullName,
    dateOfBirth: partialDateText(m.dateOfBirth),
    sex: sexName(m.sex),
    ethnicGroupCode: m.ethnicGroupCode,
    citizenId: orNull(m.citizenId),
    relation: m.relation,
    deceasedOn: partialDateText(m.deceasedOn),
    mergedIntoMemberId: orNull(m.mergedIntoMemberId),
    populationCheck:
      m.populationCheck === undefined
        ? null
        : {
            outcome: m.populationCheck.outcome,
            mismatchedFields: m.populationCheck.mismatchedFields,
            verifiedAt: iso(m.populationCheck.verifiedAt),
          },
  };
}

export function householdJson(h: Household): HouseholdJson {
  return {
    id: h.id,
    code: h.code,
    communeCode: h.communeCode,
    provinceCode: h.provinceCode,
    villageCode: orNull(h.villageCode),
    streetAddress: h.streetAddress,
    area: areaName(h.area),
    headMemberId: orNull(h.headMemberId),
    status: statusName(h.status),
    version: h.version,
    createdAt: iso(h.createdAt),
    updatedAt: iso(h.updatedAt),
    members: h.members.map(memberJson),
    mergedIntoHouseholdId: orNull(h.mergedIntoHouseholdId),
    splitFromHouseholdId: orNull(h.splitFromHouseholdId),
  };
}

function parsedJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function changeJson(c: HouseholdChange): ChangeJson {
  return {
    seq: c.seq,
    kind: c.kind,
    memberId: orNull(c.memberId),
    actorId: c.stamp?.actorId ?? '',
    actorUnitCode: c.stamp?.actorUnitCode ?? '',
    at: iso(c.stamp?.at),
    reason: c.stamp?.reason ?? '',
    before: parsedJson(c.beforeJson),
    after: parsedJson(c.afterJson),
  };
}

/** A member as typed (form or API), every value a string; empty strings are "not given". */
export interface MemberText {
  fullName: string;
  dateOfBirth: string;
  sex: string;
  ethnicGroupCode: string;
  citizenId: string;
  relation: string;
}

/** Converts the typed member; `field` prefixes the field names of errors (`members[0]`). */
export function memberInputOf(m: MemberText, field: string): MemberInput {
  const sex = m.sex.trim();
  if (sex !== '' && !(sex in SEX_OF_NAME))
    throw badRequest(`${field}.sex`, 'must be male or female');
  return {
    fullName: m.fullName,
    dateOfBirth:
      m.dateOfBirth.trim() === ''
        ? undefined
        : parsePartialDate(m.dateOfBirth, `${field}.date_of_birth`),
    sex: sex === '' ? Sex.SEX_UNSPECIFIED : SEX_OF_NAME[sex as SexName],
    ethnicGroupCode: m.ethnicGroupCode.trim(),
    citizenId: m.citizenId.replace(/\s+/g, ''),
    relation: m.relation.trim(),
  };
}

/** `rural` | `urban` → Area; empty → unspecified (the service names the field). */
export function areaOf(text: string, field = 'area'): Area {
  const value = text.trim();
  if (value === '') return Area.AREA_UNSPECIFIED;
  if (!(value in AREA_OF_NAME)) throw badRequest(field, 'must be rural or urban');
  return AREA_OF_NAME[value as AreaName];
}

/** `active` | `dissolved` → status; empty → any. */
export function householdStatusOf(text: string, field = 'status'): HouseholdStatus {
  const value = text.trim();
  if (value === '') return HouseholdStatus.HOUSEHOLD_STATUS_UNSPECIFIED;
  if (!(value in HOUSEHOLD_STATUS_OF_NAME)) throw badRequest(field, 'must be active or dissolved');
  return HOUSEHOLD_STATUS_OF_NAME[value as HouseholdStatusName];
}
