/** SQL of result imports: the import row, its issues (the report), the duplicate lookup. */
import type pg from 'pg';
import type { RowIssue } from './result-file';

type Queryable = pg.Pool | pg.PoolClient;

export interface ResultImport {
  id: string;
  payrollId: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  fileFormat: 'csv' | 'xlsx';
  mode: 'all_or_nothing' | 'valid_rows';
  status: 'done' | 'rejected';
  rows: number;
  recorded: number;
  invalidRows: number;
  failure: string;
  importedBy: string;
  importedAt: Date;
}

const COLUMNS = `id, payroll_id AS "payrollId", file_name AS "fileName", file_sha256 AS "fileSha256",
  file_size::float8 AS "fileSize", file_format AS "fileFormat", mode, status, rows, recorded,
  invalid_rows AS "invalidRows", failure, imported_by AS "importedBy", imported_at AS "importedAt"`;

export async function findImport(db: Queryable, id: string): Promise<ResultImport | undefined> {
  const res = await db.query<ResultImport>(`SELECT ${COLUMNS} FROM result_import WHERE id = $1`, [
    id,
  ]);
  return res.rows[0];
}

export async function findImportByHash(
  db: Queryable,
  payrollId: string,
  sha256: string,
): Promise<ResultImport | undefined> {
  const res = await db.query<ResultImport>(
    `SELECT ${COLUMNS} FROM result_import WHERE payroll_id = $1 AND file_sha256 = $2`,
    [payrollId, sha256],
  );
  return res.rows[0];
}

export async function insertImport(client: pg.PoolClient, imp: ResultImport): Promise<void> {
  await client.query(
    `INSERT INTO result_import (id, payroll_id, file_name, file_sha256, file_size, file_format, mode,
       status, rows, recorded, invalid_rows, failure, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      imp.id,
      imp.payrollId,
      imp.fileName,
      imp.fileSha256,
      imp.fileSize,
      imp.fileFormat,
      imp.mode,
      imp.status,
      imp.rows,
      imp.recorded,
      imp.invalidRows,
      imp.failure,
      imp.importedBy,
      imp.importedAt,
    ],
  );
}

const ISSUE_BATCH = 1000;

export async function insertIssues(
  client: pg.PoolClient,
  importId: string,
  issues: readonly RowIssue[],
): Promise<void> {
  for (let start = 0; start < issues.length; start += ISSUE_BATCH) {
    const batch = issues.slice(start, start + ISSUE_BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((issue, i) => {
      params.push(importId, start + i + 1, issue.rowNo, issue.column, issue.value, issue.reason);
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
    });
    await client.query(
      `INSERT INTO result_import_issue (import_id, seq, row_no, column_key, value, reason)
       VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

const PAGE = 5000;

/** The issues of an import in order, page by page. */
export async function* issuesOf(db: Queryable, importId: string): AsyncGenerator<RowIssue> {
  for (let after = 0; ;) {
    const res = await db.query<RowIssue & { seq: number }>(
      `SELECT seq, row_no AS "rowNo", column_key AS column, value, reason FROM result_import_issue
        WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [importId, after, PAGE],
    );
    for (const r of res.rows) yield r;
    if (res.rows.length < PAGE) return;
    after = res.rows[res.rows.length - 1]!.seq;
  }
}
