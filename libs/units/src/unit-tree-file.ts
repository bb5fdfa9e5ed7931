/**
 * The 2025 administrative structure (34 provinces, 3,321 communes) from the copy of
 * `units-2025.csv` shipped in data/: the jurisdiction tree and each commune's province.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NATIONAL_UNIT_CODE, UnitTree } from '@posa/auth';

export const UNITS_2025_FILE = path.join(__dirname, '..', 'data', 'units-2025.csv');

export interface Units {
  tree: UnitTree;
  /** Province of a commune of the 2025 structure; undefined for anything else. */
  provinceOfCommune(code: string): string | undefined;
  isProvince(code: string): boolean;
}

/** Parses `level,code,name,short_name,type,parent_code` rows (no field holds a comma). */
export function loadUnits(file = UNITS_2025_FILE): Units {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  if (lines[0] !== 'level,code,name,short_name,type,parent_code') {
    throw new Error(`${file}: unexpected header ${lines[0] ?? ''}`);
  }
  const communes = new Map<string, string>();
  const provinces = new Set<string>();
  const links = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== 6) throw new Error(`${file}: line ${i + 2} has ${cells.length} fields`);
    const [level, code, , , , parent] = cells as [string, string, string, string, string, string];
    if (level === 'province') provinces.add(code);
    else if (level === 'commune') communes.set(code, parent);
    else throw new Error(`${file}: line ${i + 2} has level ${level}`);
    return { code, parentCode: level === 'province' ? NATIONAL_UNIT_CODE : parent };
  });
  return {
    tree: new UnitTree(links),
    provinceOfCommune: (code) => communes.get(code),
    isProvince: (code) => provinces.has(code),
  };
}
