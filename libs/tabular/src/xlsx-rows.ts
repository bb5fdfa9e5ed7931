/**
 * Streaming reader of an XLSX village file (exceljs WorkbookReader: one row in memory at a
 * time; shared strings are cached, which grows with the distinct texts, not the rows).
 * Layout (see the template): a header block whose first column holds "Mã xã/phường",
 * "Mã thôn/tổ dân phố" and "Loại phiếu" with the value next to it, then a row of
 * Vietnamese headings, then the row of column keys, then one row per member.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from './cell-values';
import { COLUMN_KEYS, HEADER_COMMUNE, HEADER_FORM, HEADER_VILLAGE } from './columns';
import {
  cellsByKey,
  isBlank,
  keysOfHeader,
  type FileHeader,
  type FileRow,
  UnreadableFileError,
} from './file-rows';

/** A cell as a plain value (rich text, formulas and links reduced to their text or result). */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

function valuesOf(row: ExcelJS.Row): CellValue[] {
  const raw = row.values as unknown[];
  const out: CellValue[] = [];
  for (let i = 1; i < raw.length; i++) out.push(plain(raw[i]));
  return out;
}

const text = (v: CellValue): string => (v === undefined || v === null ? '' : String(v).trim());

export interface XlsxFile {
  header: FileHeader;
  rows: AsyncGenerator<FileRow>;
}

/** Reads the header block, then yields the member rows of the first sheet. */
export async function openXlsx(file: string): Promise<XlsxFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
  try {
    first = await sheets.next();
  } catch {
    throw new UnreadableFileError('the file is not an XLSX workbook');
  }
  if (first.done) throw new UnreadableFileError('the workbook has no sheet');
  const rowsIt = first.value[Symbol.asyncIterator]();
  const header: FileHeader = {};
  let keys: (string | null)[] | undefined;
  while (keys === undefined) {
    const next = await rowsIt.next();
    if (next.done) throw new UnreadableFileError('no row of column keys (household_no, ...)');
    const values = valuesOf(next.value);
    const label = text(values[0]);
    if (label === HEADER_COMMUNE) header.communeCode = text(values[1]);
    else if (label === HEADER_VILLAGE) header.villageCode = text(values[1]);
    else if (label === HEADER_FORM) header.formType = text(values[1]);
    else if (values.some((v) => text(v) === 'full_name')) keys = keysOfHeader(values, COLUMN_KEYS);
  }
  const knownKeys = keys;
  async function* rows(): AsyncGenerator<FileRow> {
    for (let next = await rowsIt.next(); !next.done; next = await rowsIt.next()) {
      const values = valuesOf(next.value);
      if (isBlank(values)) continue;
      yield { rowNo: next.value.number, cells: cellsByKey(knownKeys, values) };
    }
    // drain the remaining sheets so the zip stream is closed
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      for await (const _row of s.value) void _row;
    }
  }
  return { header, rows: rows() };
}
