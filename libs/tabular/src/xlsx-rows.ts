/**
 * Streaming reader of the first sheet of an XLSX workbook (exceljs WorkbookReader: one row
 * in memory at a time; shared strings are cached, which grows with the distinct texts, not
 * the rows). Cells arrive as plain values: rich text, formulas and links reduced to their
 * text or result.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell-values';
import { cellsByKey, isBlank, keysOfHeader, type ColumnSet, type KeyedRow } from './keyed-rows';
import { UnreadableFileError } from './unreadable-file';

/** One sheet row: its 1-based number and its cells from column A on. */
export interface SheetRow {
  rowNo: number;
  values: CellValue[];
}

/** A cell as a plain value. */
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

/**
 * Opens a workbook (a path or a readable stream) and returns the rows of its first sheet.
 * Refuses what is not a workbook before the first row is asked for. The remaining sheets
 * are drained at the end so that the zip stream is closed.
 */
export async function xlsxRows(source: string | Readable): Promise<AsyncGenerator<SheetRow>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
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
  async function* rows(): AsyncGenerator<SheetRow> {
    for (let next = await rowsIt.next(); !next.done; next = await rowsIt.next()) {
      yield { rowNo: next.value.number, values: valuesOf(next.value) };
    }
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      for await (const _row of s.value) void _row;
    }
  }
  return rows();
}

/**
 * Data rows of the first sheet keyed by column. Rows before the row of column keys (the
 * first row holding one of the required keys: a title, Vietnamese headings) are skipped,
 * as are blank rows.
 */
export async function xlsxKeyedRows(
  source: string | Readable,
  columns: ColumnSet,
): Promise<AsyncGenerator<KeyedRow>> {
  const rows = await xlsxRows(source);
  async function* keyed(): AsyncGenerator<KeyedRow> {
    let keys: (string | null)[] | undefined;
    for await (const { rowNo, values } of rows) {
      if (keys === undefined) {
        const isKeyRow = values.some(
          (v) => typeof v === 'string' && columns.required.includes(v.normalize('NFC').trim()),
        );
        if (isKeyRow) keys = keysOfHeader(values, columns);
        continue;
      }
      if (isBlank(values)) continue;
      yield { rowNo, cells: cellsByKey(keys, values) };
    }
    if (keys === undefined) {
      throw new UnreadableFileError(`no row of column keys (${columns.required.join(', ')})`);
    }
  }
  return keyed();
}
