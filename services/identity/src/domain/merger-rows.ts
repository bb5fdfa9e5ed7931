/**
 * Rows of merger-2025.csv (old commune → new commune, the official conversion table) and
 * merger-2025-provinces.csv (old province → new province), checked against the units of
 * both structures.
 */
import { codeProblem, textProblem, type RowProblem } from './catalogue-problem';
import type { UnitRecord } from './unit-rows';

export const MERGER_COLUMNS = [
  'old_level',
  'old_code',
  'old_name',
  'old_district_code',
  'old_province_code',
  'new_code',
  'new_name',
  'new_province_code',
  'relation',
  'note_vi',
  'old_name_in_table',
  'flag',
] as const;
export const PROVINCE_MERGER_COLUMNS = [
  'old_province_code',
  'old_province_name',
  'new_province_code',
  'new_province_name',
  'mapping_rows',
] as const;

export type Relation = 'full' | 'partial' | 'unchanged';
const RELATIONS: readonly string[] = ['full', 'partial', 'unchanged'];
/** Old levels of the table: communes, 5 island districts without communes, 1 area without a code. */
const OLD_LEVELS: Readonly<Record<string, number | null>> = {
  commune: 5,
  district: 3,
  other: null,
};

export interface MergerRecord {
  line: number;
  oldLevel: 'commune' | 'district' | 'other';
  /** Null only for old_level "other" (an area that had no code). */
  oldCode: string | null;
  oldName: string;
  oldDistrictCode: string;
  oldProvinceCode: string;
  newCode: string;
  newProvinceCode: string;
  relation: Relation;
  note: string;
  oldNameInTable: string | null;
  flag: string | null;
}

export interface ProvinceMergerRecord {
  line: number;
  oldProvinceCode: string;
  newProvinceCode: string;
  mappingRows: number;
}

type Lookup = ReadonlyMap<string, UnitRecord>;

/** Checks one row of merger-2025.csv against the 2024 (old) and 2025 (new) units. */
export function parseMergerRow(
  file: string,
  line: number,
  fields: readonly string[],
  oldUnits: Lookup,
  newUnits: Lookup,
): { record: MergerRecord } | { problems: RowProblem[] } {
  const problem = (field: string, reason: string): RowProblem => ({ file, line, field, reason });
  if (fields.length !== MERGER_COLUMNS.length) {
    return {
      problems: [
        problem('(row)', `expected ${MERGER_COLUMNS.length} fields, got ${fields.length}`),
      ],
    };
  }
  const [
    oldLevel,
    oldCode,
    oldName,
    oldDistrict,
    oldProvince,
    newCode,
    ,
    newProvince,
    relation,
    note,
    nameInTable,
    flag,
  ] = fields as string[];
  const problems: RowProblem[] = [];
  const codeLength = OLD_LEVELS[oldLevel!];
  if (codeLength === undefined) {
    return { problems: [problem('old_level', 'must be commune, district or other')] };
  }
  if (codeLength === null) {
    if (oldCode !== '') problems.push(problem('old_code', 'must be empty for old_level other'));
  } else {
    const issue = codeProblem(oldCode!, codeLength);
    if (issue) problems.push(problem('old_code', issue));
    else if (oldUnits.get(oldCode!)?.level !== oldLevel) {
      problems.push(problem('old_code', `${oldCode} is not a ${oldLevel} of structure 2024`));
    }
  }
  const nameIssue = textProblem(oldName!);
  if (nameIssue) problems.push(problem('old_name', nameIssue));
  for (const [field, value, length] of [
    ['old_district_code', oldDistrict, 3],
    ['old_province_code', oldProvince, 2],
    ['new_province_code', newProvince, 2],
  ] as const) {
    const issue = codeProblem(value!, length);
    if (issue) problems.push(problem(field, issue));
  }
  const newUnit = newUnits.get(newCode!);
  if (newUnit?.level !== 'commune')
    problems.push(problem('new_code', `${newCode} is not a commune of structure 2025`));
  else if (newUnit.provinceCode !== newProvince) {
    problems.push(
      problem('new_province_code', `${newProvince} is not the province of commune ${newCode}`),
    );
  }
  if (!RELATIONS.includes(relation!))
    problems.push(problem('relation', 'must be full, partial or unchanged'));
  const noteIssue = textProblem(note!);
  if (noteIssue) problems.push(problem('note_vi', noteIssue));
  if (nameInTable !== '' && nameInTable!.normalize('NFC') !== nameInTable) {
    problems.push(problem('old_name_in_table', 'must be NFC-normalised'));
  }
  if (problems.length > 0) return { problems };
  return {
    record: {
      line,
      oldLevel: oldLevel as MergerRecord['oldLevel'],
      oldCode: oldCode === '' ? null : oldCode!,
      oldName: oldName!,
      oldDistrictCode: oldDistrict!,
      oldProvinceCode: oldProvince!,
      newCode: newCode!,
      newProvinceCode: newProvince!,
      relation: relation as Relation,
      note: note!,
      oldNameInTable: nameInTable === '' ? null : nameInTable!,
      flag: flag === '' ? null : flag!,
    },
  };
}

/** Checks one row of merger-2025-provinces.csv. */
export function parseProvinceMergerRow(
  file: string,
  line: number,
  fields: readonly string[],
  oldUnits: Lookup,
  newUnits: Lookup,
): { record: ProvinceMergerRecord } | { problems: RowProblem[] } {
  const problem = (field: string, reason: string): RowProblem => ({ file, line, field, reason });
  if (fields.length !== PROVINCE_MERGER_COLUMNS.length) {
    return {
      problems: [
        problem('(row)', `expected ${PROVINCE_MERGER_COLUMNS.length} fields, got ${fields.length}`),
      ],
    };
  }
  const [oldCode, , newCode, , rows] = fields as string[];
  const problems: RowProblem[] = [];
  if (oldUnits.get(oldCode!)?.level !== 'province') {
    problems.push(problem('old_province_code', `${oldCode} is not a province of structure 2024`));
  }
  if (newUnits.get(newCode!)?.level !== 'province') {
    problems.push(problem('new_province_code', `${newCode} is not a province of structure 2025`));
  }
  if (!/^[0-9]+$/.test(rows!)) problems.push(problem('mapping_rows', 'must be a whole number'));
  if (problems.length > 0) return { problems };
  return {
    record: {
      line,
      oldProvinceCode: oldCode!,
      newProvinceCode: newCode!,
      mappingRows: Number(rows),
    },
  };
}

/** Every old commune and every old province must be mapped; an old province only once. */
export function coverageProblems(
  oldUnits: Iterable<UnitRecord>,
  mergers: readonly MergerRecord[],
  provinceMergers: readonly ProvinceMergerRecord[],
  files: { merger: string; provinces: string },
): RowProblem[] {
  const problems: RowProblem[] = [];
  const mappedCommunes = new Set(
    mergers.filter((m) => m.oldLevel === 'commune').map((m) => m.oldCode),
  );
  const provinceRows = new Map<string, number>();
  for (const p of provinceMergers) {
    if (provinceRows.has(p.oldProvinceCode)) {
      problems.push({
        file: files.provinces,
        line: p.line,
        field: 'old_province_code',
        reason: `${p.oldProvinceCode} is mapped twice`,
      });
    }
    provinceRows.set(p.oldProvinceCode, p.line);
  }
  for (const unit of oldUnits) {
    if (unit.level === 'commune' && !mappedCommunes.has(unit.code)) {
      problems.push({
        file: files.merger,
        line: 0,
        field: 'old_code',
        reason: `old commune ${unit.code} has no successor`,
      });
    }
    if (unit.level === 'province' && !provinceRows.has(unit.code)) {
      problems.push({
        file: files.provinces,
        line: 0,
        field: 'old_province_code',
        reason: `old province ${unit.code} has no successor`,
      });
    }
  }
  return problems;
}
