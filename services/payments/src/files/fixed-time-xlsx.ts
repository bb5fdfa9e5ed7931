/**
 * XLSX bytes that depend on the content only: the workbook's created/modified dates and the
 * date of every zip entry are one fixed instant, so the same payroll gives the same bytes and
 * the same SHA-256 on every run. exceljs's streaming writer dates each zip entry with the
 * current time; the entries are re-dated once the archive is complete (zip-timestamps.ts).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { withZipTimestamps } from './zip-timestamps';

/** Builds a workbook with `fill` and returns its bytes, every timestamp set to `at`. */
export async function fixedTimeXlsx(
  at: Date,
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'POSA';
  wb.lastModifiedBy = 'POSA';
  wb.created = at;
  wb.modified = at;
  await fill(wb);
  await wb.commit();
  await new Promise<void>((resolve) =>
    out.writableFinished ? resolve() : out.on('finish', resolve),
  );
  return withZipTimestamps(Buffer.concat(chunks), at);
}
