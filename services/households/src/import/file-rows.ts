/** What the two file readers (CSV, XLSX) give the import: header facts and data rows. */
import type { CellValue } from './cell-values';

export interface FileRow {
  /** Line (CSV) or sheet row (XLSX) number, 1-based, as the user sees it. */
  rowNo: number;
  /** Cells by column key; keys missing from the file are absent. */
  cells: Record<string, CellValue>;
}

export interface FileHeader {
  /** From the header block of a village file; undefined for CSV. */
  communeCode?: string;
  villageCode?: string;
  formType?: string;
}

/** A file that cannot be read as a whole (wrong header, not a workbook). */
export class UnreadableFileError extends Error {}

/** Cells of one row by key, from the ordered cells and the key of each position. */
export function cellsByKey(keys: readonly (string | null)[], values: readonly CellValue[]) {
  const cells: Record<string, CellValue> = {};
  keys.forEach((key, i) => {
    if (key !== null && values[i] !== undefined) cells[key] = values[i];
  });
  return cells;
}

/** The key of each header position; unknown headings are an error naming them. */
export function keysOfHeader(
  header: readonly CellValue[],
  known: readonly string[],
): (string | null)[] {
  const keys = header.map((h) => (typeof h === 'string' ? h.normalize('NFC').trim() : ''));
  const unknown = keys.filter((k) => k !== '' && !known.includes(k));
  if (unknown.length > 0) throw new UnreadableFileError(`unknown columns: ${unknown.join(', ')}`);
  for (const required of ['full_name', 'date_of_birth', 'sex', 'relation']) {
    if (!keys.includes(required)) throw new UnreadableFileError(`column ${required} is missing`);
  }
  return keys.map((k) => (k === '' ? null : k));
}

export function isBlank(values: readonly CellValue[]): boolean {
  return values.every(
    (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
  );
}
