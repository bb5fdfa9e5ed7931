/**
 * Rows keyed by column: the header row names each position with a column key, data rows
 * become `{ rowNo, cells }`. Shared by the CSV and XLSX readers.
 */
import type { CellValue } from './cell-values';
import { UnreadableFileError } from './unreadable-file';

export interface KeyedRow {
  /** Line (CSV) or sheet row (XLSX) number, 1-based, as the user sees it. */
  rowNo: number;
  /** Cells by column key; keys missing from the file are absent. */
  cells: Record<string, CellValue>;
}

/** The columns a file may carry and those it must carry. */
export interface ColumnSet {
  known: readonly string[];
  required: readonly string[];
}

/** Cells of one row by key, from the ordered cells and the key of each position. */
export function cellsByKey(
  keys: readonly (string | null)[],
  values: readonly CellValue[],
): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  keys.forEach((key, i) => {
    if (key !== null && values[i] !== undefined) cells[key] = values[i];
  });
  return cells;
}

/** The key of each header position; unknown or missing columns are an error naming them. */
export function keysOfHeader(header: readonly CellValue[], columns: ColumnSet): (string | null)[] {
  const keys = header.map((h) => (typeof h === 'string' ? h.normalize('NFC').trim() : ''));
  const unknown = keys.filter((k) => k !== '' && !columns.known.includes(k));
  if (unknown.length > 0) throw new UnreadableFileError(`unknown columns: ${unknown.join(', ')}`);
  for (const required of columns.required) {
    if (!keys.includes(required)) throw new UnreadableFileError(`column ${required} is missing`);
  }
  return keys.map((k) => (k === '' ? null : k));
}

/** True when no cell holds anything but blanks. */
export function isBlank(values: readonly CellValue[]): boolean {
  return values.every(
    (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
  );
}
