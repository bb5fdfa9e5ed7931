/**
 * The fields in which an absorbed member differs from the member kept (pure). Nothing moves
 * silently: a confirmed merge writes these to the change log, so history keeps the values of
 * the absorbed record.
 */
import type { BirthDate, MemberRecord } from '../domain/household-state';

export interface FieldDifference {
  field: string;
  keptValue: string;
  mergedValue: string;
}

function dateText(d: BirthDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Compared fields, by their proto/JSON field names, with their text form. */
const FIELDS: ReadonlyArray<[string, (m: MemberRecord) => string]> = [
  ['full_name', (m) => m.fullName],
  ['date_of_birth', (m) => dateText(m.dateOfBirth)],
  ['sex', (m) => m.sex],
  ['ethnic_group_code', (m) => m.ethnicGroupCode],
  ['citizen_id', (m) => m.citizenId ?? ''],
  ['relation', (m) => m.relation],
  ['deceased_on', (m) => m.deceasedOn ?? ''],
];

/** Form fields (phiếu C/C1) present on either record, as `form_c.<key>` with JSON values. */
function formDifferences(kept: MemberRecord, merged: MemberRecord): FieldDifference[] {
  const formOf = (m: MemberRecord) => (m as { formC?: Record<string, unknown> }).formC ?? {};
  const a = formOf(kept);
  const b = formOf(merged);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => {
    const keptValue = a[key] === undefined ? '' : JSON.stringify(a[key]);
    const mergedValue = b[key] === undefined ? '' : JSON.stringify(b[key]);
    return keptValue === mergedValue ? [] : [{ field: `form_c.${key}`, keptValue, mergedValue }];
  });
}

export function mergeDifferences(kept: MemberRecord, merged: MemberRecord): FieldDifference[] {
  const own = FIELDS.flatMap(([field, text]) => {
    const keptValue = text(kept);
    const mergedValue = text(merged);
    return keptValue === mergedValue ? [] : [{ field, keptValue, mergedValue }];
  });
  return [...own, ...formDifferences(kept, merged)];
}
