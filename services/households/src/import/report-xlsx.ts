/**
 * The report of an import as XLSX (streaming writer; rows read page by page): a sheet of
 * issues (row, column, value, reason) and a sheet of households written (row, household
 * code, created / updated / unchanged).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { ImportJobRecord } from './import-jobs';

const PAGE = 5000;

export async function writeReport(
  out: Writable,
  pool: pg.Pool,
  job: ImportJobRecord,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const summary = wb.addWorksheet('Tong hop');
  for (const [k, v] of [
    ['file', job.fileName],
    ['status', job.status],
    ['rows read', job.rowsRead],
    ['created', job.householdsCreated],
    ['updated', job.householdsUpdated],
    ['unchanged', job.householdsUnchanged],
    ['refused', job.householdsRefused],
    ['errors', job.errorCount],
    ['failure', job.failure],
  ] as const)
    summary.addRow([k, v]).commit();
  summary.commit();
  const issues = wb.addWorksheet('Loi');
  issues.addRow(['row', 'column', 'value', 'reason']).commit();
  for (let after = 0; ;) {
    const res = await pool.query<{
      seq: number;
      row_no: number;
      column_key: string;
      value: string;
      reason: string;
    }>(
      `SELECT seq, row_no, column_key, value, reason FROM household_import_issue
       WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [job.id, after, PAGE],
    );
    for (const r of res.rows) issues.addRow([r.row_no, r.column_key, r.value, r.reason]).commit();
    if (res.rows.length < PAGE) break;
    after = res.rows[res.rows.length - 1]!.seq;
  }
  issues.commit();
  const outcomes = wb.addWorksheet('Ket qua');
  outcomes.addRow(['row', 'household_code', 'outcome']).commit();
  for (let after = 0; ;) {
    const res = await pool.query<{ row_no: number; household_code: string; outcome: string }>(
      `SELECT row_no, household_code, outcome FROM household_import_outcome
       WHERE import_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
      [job.id, after, PAGE],
    );
    for (const r of res.rows) outcomes.addRow([r.row_no, r.household_code, r.outcome]).commit();
    if (res.rows.length < PAGE) break;
    after = res.rows[res.rows.length - 1]!.row_no;
  }
  outcomes.commit();
  await wb.commit();
}
