/**
 * Rows of units-2024.csv / units-2025.csv: per-row checks (level, code format by level,
 * names in NFC) and whole-structure checks (unique codes, parents that exist at the level
 * above, province codes that agree), giving the records the loader writes.
 */
import { codeProblem, textProblem, type RowProblem } from './catalogue-problem';
import { searchKey } from './search-text';
import { CODE_LENGTH, structureSpec, type StructureId, type UnitLevelName } from './structures';

export const UNIT_COLUMNS: Readonly<Record<StructureId, readonly string[]>> = {
  '2024': ['level', 'code', 'name', 'short_name', 'type', 'parent_code', 'province_code'],
  '2025': ['level', 'code', 'name', 'short_name', 'type', 'parent_code'],
};

/** One row as read, after the per-row checks. */
export interface UnitRow {
  line: number;
  level: UnitLevelName;
  code: string;
  name: string;
  shortName: string;
  type: string;
  parentCode: string | null;
  /** Only in files that have the column (2024). */
  provinceCode: string | null;
}

/** A unit ready to store. */
export interface UnitRecord {
  structure: StructureId;
  code: string;
  level: UnitLevelName;
  name: string;
  shortName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  /** Codes from the province down to the unit, joined by "/": orders a subtree depth first. */
  path: string;
  searchText: string;
  shortKey: string;
}

/** Checks one row's fields; returns the row or the problems found. */
export function parseUnitRow(
  structure: StructureId,
  file: string,
  line: number,
  fields: readonly string[],
): { row: UnitRow } | { problems: RowProblem[] } {
  const columns = UNIT_COLUMNS[structure];
  const problem = (field: string, reason: string): RowProblem => ({ file, line, field, reason });
  if (fields.length !== columns.length) {
    return {
      problems: [problem('(row)', `expected ${columns.length} fields, got ${fields.length}`)],
    };
  }
  const [level, code, name, shortName, type, parent, province] = fields as string[];
  const problems: RowProblem[] = [];
  const levels = structureSpec(structure).levels;
  const levelIndex = levels.indexOf(level as UnitLevelName);
  if (levelIndex === -1) {
    problems.push(
      problem('level', `must be one of ${levels.join(', ')} in structure ${structure}`),
    );
    return { problems };
  }
  const unitLevel = level as UnitLevelName;
  const codeIssue = codeProblem(code!, CODE_LENGTH[unitLevel]);
  if (codeIssue) problems.push(problem('code', `${unitLevel} code ${codeIssue}`));
  for (const [field, value] of [
    ['name', name],
    ['short_name', shortName],
    ['type', type],
  ] as const) {
    const issue = textProblem(value!);
    if (issue) problems.push(problem(field, issue));
  }
  const parentLevel = levelIndex === 0 ? null : levels[levelIndex - 1]!;
  if (parentLevel === null) {
    if (parent !== '') problems.push(problem('parent_code', 'must be empty for a province'));
  } else {
    const issue = codeProblem(parent!, CODE_LENGTH[parentLevel]);
    if (issue) problems.push(problem('parent_code', `${parentLevel} code ${issue}`));
  }
  if (province !== undefined) {
    const issue = codeProblem(province, CODE_LENGTH.province);
    if (issue) problems.push(problem('province_code', issue));
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      line,
      level: unitLevel,
      code: code!,
      name: name!,
      shortName: shortName!,
      type: type!,
      parentCode: parentLevel === null ? null : parent!,
      provinceCode: province ?? null,
    },
  };
}

/**
 * Checks the rows of one structure as a whole and builds the records: codes are unique,
 * each parent exists at the level above, the province column (when present) names the
 * province the unit lies in. Rows must list parents before children (the files do).
 */
export function assembleStructure(
  structure: StructureId,
  file: string,
  rows: readonly UnitRow[],
): { records: UnitRecord[]; problems: RowProblem[] } {
  const levels = structureSpec(structure).levels;
  const byCode = new Map<string, UnitRecord>();
  const problems: RowProblem[] = [];
  const records: UnitRecord[] = [];
  for (const row of rows) {
    const problem = (field: string, reason: string): void => {
      problems.push({ file, line: row.line, field, reason });
    };
    if (byCode.has(row.code)) {
      problem('code', `${row.code} is listed twice`);
      continue;
    }
    let provinceCode = row.code;
    let path = row.code;
    if (row.parentCode !== null) {
      const parent = byCode.get(row.parentCode);
      const expected = levels[levels.indexOf(row.level) - 1];
      if (parent === undefined) {
        problem('parent_code', `${row.parentCode} is not a unit listed above this row`);
        continue;
      }
      if (parent.level !== expected) {
        problem('parent_code', `${row.parentCode} is a ${parent.level}, expected a ${expected}`);
        continue;
      }
      provinceCode = parent.provinceCode;
      path = `${parent.path}/${row.code}`;
    }
    if (row.provinceCode !== null && row.provinceCode !== provinceCode) {
      problem(
        'province_code',
        `${row.provinceCode} differs from the province above the unit (${provinceCode})`,
      );
      continue;
    }
    const record: UnitRecord = {
      structure,
      code: row.code,
      level: row.level,
      name: row.name,
      shortName: row.shortName,
      type: row.type,
      parentCode: row.parentCode,
      provinceCode,
      path,
      searchText: searchKey(row.name),
      shortKey: searchKey(row.shortName),
    };
    byCode.set(row.code, record);
    records.push(record);
  }
  return { records, problems };
}

/** Counts of records by level, e.g. { province: 63, district: 696, commune: 10035 }. */
export function countByLevel(records: readonly UnitRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return counts;
}
