/**
 * The report of an import as XLSX (the streaming report writer of @posa/tabular; rows read
 * page by page): a sheet of issues (row, column, value, reason) and a sheet of households
 * written (row, household code, created / updated / unchanged).
 */
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { ISSUE_HEADER, writeReportXlsx, type CellValue } from '@posa/tabular';
import type { ImportJobRecord } from './import-jobs';

const PAGE = 5000;

async function* issueRows(pool: pg.Pool, importId: string): AsyncGenerator<CellValue[]> {
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
      [importId, after, PAGE],
    );
    for (const r of res.rows) yield [r.row_no, r.column_key, r.value, r.reason];
    if (res.rows.length < PAGE) return;
    after = res.rows[res.rows.length - 1]!.seq;
  }
}

async function* outcomeRows(pool: pg.Pool, importId: string): AsyncGenerator<CellValue[]> {
  for (let after = 0; ;) {
    const res = await pool.query<{ row_no: number; household_code: string; outcome: string }>(
      `SELECT row_no, household_code, outcome FROM household_import_outcome
       WHERE import_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
      [importId, after, PAGE],
    );
    for (const r of res.rows) yield [r.row_no, r.household_code, r.outcome];
    if (res.rows.length < PAGE) return;
    after = res.rows[res.rows.length - 1]!.row_no;
  }
}

export async function writeReport(
  out: Writable,
  pool: pg.Pool,
  job: ImportJobRecord,
): Promise<void> {
  await writeReportXlsx(out, {
    summaryName: 'Tong hop',
    summary: [
      ['file', job.fileName],
      ['status', job.status],
      ['rows read', job.rowsRead],
      ['created', job.householdsCreated],
      ['updated', job.householdsUpdated],
      ['unchanged', job.householdsUnchanged],
      ['refused', job.householdsRefused],
      ['errors', job.errorCount],
      ['failure', job.failure],
    ],
    sheets: [
      { name: 'Loi', header: ISSUE_HEADER, rows: issueRows(pool, job.id) },
      {
        name: 'Ket qua',
        header: ['row', 'household_code', 'outcome'],
        rows: outcomeRows(pool, job.id),
      },
    ],
  });
}
