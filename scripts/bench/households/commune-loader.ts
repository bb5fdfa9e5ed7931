/**
 * The communes of the 2025 structure from the households service's copy of
 * units-2025.csv, as input for generateHouseholds (phường → urban, xã and đặc khu → rural).
 */
import { readFileSync } from 'node:fs';
import { UNITS_2025_FILE } from '@posa/units';
import type { SyntheticCommune } from './synthetic-households';

export const UNITS_2025_CSV = UNITS_2025_FILE;

export function loadCommunes(file = UNITS_2025_CSV): SyntheticCommune[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  if (lines[0] !== 'level,code,name,short_name,type,parent_code') {
    throw new Error(`${file}: unexpected header ${lines[0] ?? ''}`);
  }
  return lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[0] === 'commune')
    .map((cells) => ({
      communeCode: cells[1]!,
      provinceCode: cells[5]!,
      area: cells[4] === 'Phường' ? 'urban' : 'rural',
    }));
}
