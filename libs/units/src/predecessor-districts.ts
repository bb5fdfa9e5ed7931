/**
 * Predecessors of each 2025 commune in the 2024 structure, from the copy of identity's
 * official conversion table (data/merger-2025.csv): which 2024 districts contained one of the
 * communes merged into it. Their chairs gave the district opinion of rounds started before
 * 2025-07-01 (Quyết định 24/2021/QĐ-TTg, Điều 4).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const MERGER_2025_FILE = path.join(__dirname, '..', 'data', 'merger-2025.csv');

const HEADER =
  'old_level,old_code,old_name,old_district_code,old_province_code,new_code,new_name,' +
  'new_province_code,relation,note_vi,old_name_in_table,flag';

export interface PredecessorDistricts {
  /** 2024 district codes (3 digits) that contained a predecessor of the commune; sorted. */
  of(communeCode: string): string[];
}

/** Splits one CSV line; quoted fields may hold commas, never quotes or line breaks. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error('unterminated quoted field');
      fields.push(line.slice(i + 1, end));
      i = end + 2;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

export function loadPredecessorDistricts(file = MERGER_2025_FILE): PredecessorDistricts {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  if (lines[0] !== HEADER) throw new Error(`${file}: unexpected header ${lines[0] ?? ''}`);
  const districts = new Map<string, Set<string>>();
  lines.slice(1).forEach((line, i) => {
    const cells = csvFields(line);
    if (cells.length !== 12) throw new Error(`${file}: line ${i + 2} has ${cells.length} fields`);
    const district = cells[3]!;
    const commune = cells[5]!;
    if (!/^[0-9]{3}$/.test(district)) return; // the one accretion area without an old unit
    const set = districts.get(commune) ?? new Set<string>();
    set.add(district);
    districts.set(commune, set);
  });
  return { of: (code) => [...(districts.get(code) ?? [])].sort() };
}
