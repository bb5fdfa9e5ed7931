/**
 * The validation report of an import as XLSX, written with the exceljs streaming writer
 * (rows are committed as they come, so a report of a million issues never sits in memory):
 * a summary sheet of label/value pairs, then one sheet per table, each a header row followed
 * by rows pulled from an async source (a paged query, a generator).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell-values';

export interface ReportSheet {
  name: string;
  header: readonly string[];
  rows: AsyncIterable<readonly CellValue[]> | Iterable<readonly CellValue[]>;
}

export interface ReportContent {
  /** Name of the summary sheet (e.g. "Tong hop"). */
  summaryName: string;
  summary: readonly (readonly [string, CellValue])[];
  sheets: readonly ReportSheet[];
}

/** Header of the usual issue sheet: one row per problem found in the file. */
export const ISSUE_HEADER = ['row', 'column', 'value', 'reason'] as const;

/** Writes the workbook to `out` and resolves when it is complete. */
export async function writeReportXlsx(out: Writable, content: ReportContent): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const summary = wb.addWorksheet(content.summaryName);
  for (const [label, value] of content.summary) summary.addRow([label, value ?? null]).commit();
  summary.commit();
  for (const sheet of content.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow([...sheet.header]).commit();
    for await (const row of sheet.rows) ws.addRow(row.map((v) => v ?? null)).commit();
    ws.commit();
  }
  await wb.commit();
}
