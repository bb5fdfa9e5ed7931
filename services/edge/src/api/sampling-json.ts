/**
 * JSON shapes of acceptance sampling (nghiệm thu) in the API and the pages: samples, their
 * items (sampled households with their field checks) and the decided result (both error
 * rates against their limits, accepted or rejected with the reasons).
 */
import {
  SampleStatus,
  type FieldCheck,
  type RateCheck,
  type Sample,
  type SampleItem,
  type SampleResult,
} from '@posa/proto';

const STATUS_NAMES: Record<number, string> = {
  [SampleStatus.SAMPLE_STATUS_OPEN]: 'open',
  [SampleStatus.SAMPLE_STATUS_ACCEPTED]: 'accepted',
  [SampleStatus.SAMPLE_STATUS_REJECTED]: 'rejected',
};

/**
 * The identity fields (thông tin định danh) of the service's catalogue, with whether they
 * belong to a member; every other lower-case code counts as an "other" field.
 */
export const IDENTITY_FIELDS: readonly { field: string; member: boolean }[] = [
  { field: 'full_name', member: true },
  { field: 'date_of_birth', member: true },
  { field: 'sex', member: true },
  { field: 'citizen_id', member: true },
  { field: 'relation', member: true },
  { field: 'household_code', member: false },
  { field: 'address', member: false },
  { field: 'head_name', member: false },
];

/** "Other" fields the check form offers (codes of the registry and of forms C/C1). */
export const OTHER_FIELDS: readonly { field: string; member: boolean }[] = [
  { field: 'ethnic_group', member: true },
  { field: 'education_level', member: true },
  { field: 'health_insurance', member: true },
  { field: 'employment', member: true },
  { field: 'disability', member: true },
  { field: 'area', member: false },
  { field: 'housing_quality', member: false },
  { field: 'drinking_water', member: false },
  { field: 'sanitation', member: false },
  { field: 'assets', member: false },
  { field: 'income_per_capita_month', member: false },
];

const orNull = (s: string): string | null => (s === '' ? null : s);
const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export interface FieldCheckJson {
  field: string;
  memberId: string | null;
  error: boolean;
}

export interface SampleItemJson {
  position: number;
  householdId: string;
  householdCode: string;
  checked: boolean;
  identityFieldsChecked: number;
  identityFieldErrors: number;
  otherFieldsChecked: number;
  otherFieldErrors: number;
  note: string;
  checks: FieldCheckJson[];
  checkedAt: string | null;
}

export interface RateJson {
  errors: number;
  checked: number;
  ratePercent: string;
  limitPercent: string;
  withinLimit: boolean;
  excessPercent: string;
}

export interface SampleResultJson {
  identity: RateJson | null;
  other: RateJson | null;
  accepted: boolean;
  reasons: string[];
  decidedAt: string | null;
  decidedBy: string;
}

export interface SampleJson {
  id: string;
  communeCode: string;
  provinceCode: string;
  purpose: string;
  seed: string;
  populationSize: number;
  populationDigest: string;
  sampleSize: number;
  status: string | null;
  drawnAt: string | null;
  drawnBy: string;
  items: SampleItemJson[];
  result: SampleResultJson | null;
}

function checkJson(c: FieldCheck): FieldCheckJson {
  return { field: c.field, memberId: orNull(c.memberId), error: c.error };
}

export function sampleItemJson(i: SampleItem): SampleItemJson {
  return {
    position: i.position,
    householdId: i.householdId,
    householdCode: i.householdCode,
    checked: i.checked,
    identityFieldsChecked: i.identityFieldsChecked,
    identityFieldErrors: i.identityFieldErrors,
    otherFieldsChecked: i.otherFieldsChecked,
    otherFieldErrors: i.otherFieldErrors,
    note: i.note,
    checks: i.checks.map(checkJson),
    checkedAt: iso(i.checkedAt),
  };
}

function rateJson(r: RateCheck | undefined): RateJson | null {
  if (r === undefined) return null;
  return {
    errors: r.errors,
    checked: r.checked,
    ratePercent: r.ratePercent,
    limitPercent: r.limitPercent,
    withinLimit: r.withinLimit,
    excessPercent: r.excessPercent,
  };
}

function resultJson(r: SampleResult | undefined): SampleResultJson | null {
  if (r === undefined) return null;
  return {
    identity: rateJson(r.identity),
    other: rateJson(r.other),
    accepted: r.accepted,
    reasons: [...r.reasons],
    decidedAt: iso(r.decidedAt),
    decidedBy: r.decidedBy,
  };
}

export function sampleJson(s: Sample): SampleJson {
  return {
    id: s.id,
    communeCode: s.communeCode,
    provinceCode: s.provinceCode,
    purpose: s.purpose,
    seed: s.seed,
    populationSize: s.populationSize,
    populationDigest: s.populationDigest,
    sampleSize: s.sampleSize,
    status: STATUS_NAMES[s.status] ?? null,
    drawnAt: iso(s.drawnAt),
    drawnBy: s.drawnBy,
    items: s.items.map(sampleItemJson),
    result: resultJson(s.result),
  };
}
