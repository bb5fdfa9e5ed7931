/**
 * The units one level below a unit in the 2025 structure: the provinces of VN, the communes
 * of a province (none below a commune), from the same units file as @posa/units.
 */
import { readFileSync } from 'node:fs';
import { UNITS_2025_FILE } from '@posa/units';

export interface UnitChildren {
  provinces: string[];
  communesOf(provinceCode: string): string[];
}

let loaded: UnitChildren | undefined;

/** Reads `level,code,name,short_name,type,parent_code` rows once per process. */
export function unitChildren(file = UNITS_2025_FILE): UnitChildren {
  if (loaded !== undefined && file === UNITS_2025_FILE) return loaded;
  const provinces: string[] = [];
  const communes = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (line === '') continue;
    const cells = line.split(',');
    const level = cells[0];
    const code = cells[1] ?? '';
    const parent = cells[5] ?? '';
    if (level === 'province') provinces.push(code);
    else if (level === 'commune') {
      const list = communes.get(parent);
      if (list === undefined) communes.set(parent, [code]);
      else list.push(code);
    }
  }
  provinces.sort();
  for (const list of communes.values()) list.sort();
  const children: UnitChildren = { provinces, communesOf: (p) => communes.get(p) ?? [] };
  if (file === UNITS_2025_FILE) loaded = children;
  return children;
}
