/** SQL of the import jobs, their issues and outcomes (migration 0006). */
import type pg from 'pg';
import type { ImportIssue } from './row-parse';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export type ImportModeCode = 'all_or_nothing' | 'valid_rows';
export type ImportStatusCode = 'running' | 'completed' | 'partial' | 'rejected' | 'failed';

export interface ImportJobRecord {
  id: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  fileFormat: 'xlsx' | 'csv';
  formType: 'C' | 'C1';
  communeCode: string;
  provinceCode: string;
  villageCode: string;
  mode: ImportModeCode;
  status: ImportStatusCode;
  rowsRead: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsUnchanged: number;
  householdsRefused: number;
  errorCount: number;
  failure: string;
  actorId: string;
  actorUnitCode: string;
  createdAt: Date;
  finishedAt: Date | null;
}

export type JobCounts = Pick<
  ImportJobRecord,
  | 'rowsRead'
  | 'householdsCreated'
  | 'householdsUpdated'
  | 'householdsUnchanged'
  | 'householdsRefused'
  | 'errorCount'
>;

const COLUMNS = `id, file_name AS "fileName", file_sha256 AS "fileSha256", file_size::float8 AS "fileSize",
  file_format AS "fileFormat", form_type AS "formType", commune_code AS "communeCode",
  province_code AS "provinceCode", village_code AS "villageCode", mode, status,
  rows_read AS "rowsRead", households_created AS "householdsCreated",
  households_updated AS "householdsUpdated", households_unchanged AS "householdsUnchanged",
  households_refused AS "householdsRefused", error_count AS "errorCount", failure,
  actor_id AS "actorId", actor_unit_code AS "actorUnitCode", created_at AS "createdAt",
  finished_at AS "finishedAt"`;

/** An earlier job of the same file for the same commune and village that stands. */
export async function findEarlierJob(
  db: Queryable,
  key: { communeCode: string; villageCode: string; fileSha256: string; mode: ImportModeCode },
): Promise<ImportJobRecord | undefined> {
  const res = await db.query<ImportJobRecord>(
    `SELECT ${COLUMNS} FROM household_import
     WHERE commune_code = $1 AND village_code = $2 AND file_sha256 = $3
       AND (status IN ('running', 'completed', 'partial') OR (status = 'rejected' AND mode = $4))
     ORDER BY created_at DESC LIMIT 1`,
    [key.communeCode, key.villageCode, key.fileSha256, key.mode],
  );
  return res.rows[0];
}

/** Inserts a running job; false when the same file is already recorded (unique index). */
export async function insertJob(db: Queryable, j: ImportJobRecord): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO household_import (id, file_name, file_sha256, file_size, file_format, form_type,
       commune_code, province_code, village_code, mode, status, actor_id, actor_unit_code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT DO NOTHING`,
    [
      j.id,
      j.fileName,
      j.fileSha256,
      j.fileSize,
      j.fileFormat,
      j.formType,
      j.communeCode,
      j.provinceCode,
      j.villageCode,
      j.mode,
      j.status,
      j.actorId,
      j.actorUnitCode,
      j.createdAt,
    ],
  );
  return res.rowCount === 1;
}

export async function findJob(db: Queryable, id: string): Promise<ImportJobRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const res = await db.query<ImportJobRecord>(
    `SELECT ${COLUMNS} FROM household_import WHERE id = $1`,
    [id],
  );
  return res.rows[0];
}

export async function updateProgress(db: Queryable, id: string, rowsRead: number): Promise<void> {
  await db.query('UPDATE household_import SET rows_read = $2 WHERE id = $1', [id, rowsRead]);
}

export async function finishJob(
  db: Queryable,
  id: string,
  status: ImportStatusCode,
  c: JobCounts,
  failure = '',
): Promise<void> {
  await db.query(
    `UPDATE household_import SET status = $2, rows_read = $3, households_created = $4,
       households_updated = $5, households_unchanged = $6, households_refused = $7,
       error_count = $8, failure = $9, finished_at = now()
     WHERE id = $1`,
    [
      id,
      status,
      c.rowsRead,
      c.householdsCreated,
      c.householdsUpdated,
      c.householdsUnchanged,
      c.householdsRefused,
      c.errorCount,
      failure,
    ],
  );
}

/** Appends issues numbered from `firstSeq`. */
export async function insertIssues(
  db: Queryable,
  id: string,
  firstSeq: number,
  issues: readonly ImportIssue[],
): Promise<void> {
  if (issues.length === 0) return;
  await db.query(
    `INSERT INTO household_import_issue (import_id, seq, row_no, column_key, value, reason)
     SELECT $1, $2 + n - 1, r, c, v, why
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(r, c, v, why, n)`,
    [
      id,
      firstSeq,
      issues.map((i) => i.rowNo),
      issues.map((i) => i.column),
      issues.map((i) => i.value),
      issues.map((i) => i.reason),
    ],
  );
}

export interface JobListFilter {
  communeCode?: string;
  provinceCode?: string;
  /** Jobs created strictly before this (created_at, id) position. */
  before?: { createdAt: Date; id: string };
  limit: number;
}

export async function listJobs(db: Queryable, f: JobListFilter): Promise<ImportJobRecord[]> {
  const res = await db.query<ImportJobRecord>(
    `SELECT ${COLUMNS} FROM household_import
     WHERE ($1::text IS NULL OR commune_code = $1) AND ($2::text IS NULL OR province_code = $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [
      f.communeCode ?? null,
      f.provinceCode ?? null,
      f.before?.createdAt ?? null,
      f.before?.id ?? null,
      f.limit,
    ],
  );
  return res.rows;
}
