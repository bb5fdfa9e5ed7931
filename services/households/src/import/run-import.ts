/**
 * Runs an import job: streams the file, validates household by household, and writes the
 * valid households in batches on ONE transaction (new ones set-based with COPY, registered
 * ones through household-merge.ts). all_or_nothing: any issue rolls everything back (the
 * file is still read to the end so that the report lists every issue). valid_rows: a
 * household with any invalid row is refused whole, the others are written.
 */
import type pg from 'pg';
import type { Logger } from '@posa/platform';
import type { ChangeActor } from '../store/household-writes';
import { buildRecords, copyCreated, reserveCodes } from './bulk-create';
import { copyLine, copyRows } from './copy-text';
import { csvRows, UnreadableFileError } from '@posa/tabular';
import { IMPORT_COLUMN_SET, type FileHeader, type FileRow } from './file-rows';
import {
  householdGroups,
  validateGroup,
  type ImportContext,
  type ImportHousehold,
} from './household-group';
import { matchBatch, matchKey } from './household-match';
import { mergeHousehold } from './household-merge';
import {
  findJob,
  finishJob,
  insertIssues,
  updateProgress,
  type ImportJobRecord,
  type JobCounts,
} from './import-jobs';
import type { ImportIssue } from './row-parse';
import { openXlsx } from './village-xlsx';

export interface RunImportInput {
  job: ImportJobRecord;
  /** Path of the uploaded file. */
  file: string;
  actor: ChangeActor;
  today: string;
  logger: Logger;
  /** Households per write batch (default 2000). */
  batchSize?: number;
}

const KEY_COLUMN: Record<string, string> = {
  code: 'household_code',
  id: 'citizen_id',
  name: 'full_name',
};

async function openRows(
  job: ImportJobRecord,
  file: string,
): Promise<{ header: FileHeader; rows: AsyncIterable<FileRow> }> {
  if (job.fileFormat === 'csv') return { header: {}, rows: csvRows(file, IMPORT_COLUMN_SET) };
  return openXlsx(file);
}

/** Issues go to the job's table in batches, on their own connection (they outlive a rollback). */
class IssueSink {
  private buffer: ImportIssue[] = [];
  count = 0;
  constructor(
    private readonly pool: pg.Pool,
    private readonly id: string,
  ) {}
  async add(issues: readonly ImportIssue[]): Promise<void> {
    this.buffer.push(...issues);
    if (this.buffer.length >= 1000) await this.flush();
  }
  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    await insertIssues(this.pool, this.id, this.count + 1, batch);
    this.count += batch.length;
  }
}

export async function runImport(pool: pg.Pool, input: RunImportInput): Promise<ImportJobRecord> {
  const { job, actor } = input;
  const batchSize = input.batchSize ?? 2000;
  const counts: JobCounts = {
    rowsRead: 0,
    householdsCreated: 0,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRefused: 0,
    errorCount: 0,
  };
  const sink = new IssueSink(pool, job.id);
  const seenKeys = new Set<string>();
  const client = await pool.connect();
  const at = new Date().toISOString();
  let batch: ImportHousehold[] = [];

  const refuse = async (issues: ImportIssue[]): Promise<void> => {
    counts.householdsRefused++;
    counts.errorCount += issues.length;
    await sink.add(issues);
  };

  const flush = async (): Promise<void> => {
    const current = batch;
    batch = [];
    if (current.length === 0) return;
    const { matched, refused } = await matchBatch(client, job.communeCode, current);
    const fresh: ImportHousehold[] = [];
    for (const [i, h] of current.entries()) {
      const r = refused.get(i);
      if (r !== undefined)
        await refuse([
          { rowNo: h.firstRow, column: r.column, value: h.householdCode ?? '', reason: r.reason },
        ]);
      else if (!matched.has(i)) fresh.push(h);
    }
    // all_or_nothing after an issue: keep reading for the report, write nothing more
    if (job.mode === 'all_or_nothing' && counts.errorCount > 0) return;
    if (fresh.length > 0) {
      const codes = await reserveCodes(
        client,
        job.communeCode,
        Number(at.slice(0, 4)),
        fresh.length,
      );
      const created = buildRecords(fresh, codes, job.communeCode, job.provinceCode, at);
      await copyCreated(client, job.id, created, actor, at);
      counts.householdsCreated += created.length;
    }
    for (const [i, id] of matched) {
      const h = current[i]!;
      await client.query('SAVEPOINT merge');
      const outcome = await mergeHousehold(client, id, h, actor, at);
      if (outcome.kind === 'refused') {
        await client.query('ROLLBACK TO SAVEPOINT merge');
        await refuse([
          { rowNo: h.firstRow, column: outcome.column, value: '', reason: outcome.reason },
        ]);
        continue;
      }
      await client.query('RELEASE SAVEPOINT merge');
      if (outcome.kind === 'updated') counts.householdsUpdated++;
      else counts.householdsUnchanged++;
      await copyRows(
        client,
        'household_import_outcome',
        ['import_id', 'row_no', 'household_id', 'household_code', 'outcome'],
        [
          copyLine([
            job.id,
            h.firstRow,
            outcome.household.id,
            outcome.household.code,
            outcome.kind,
          ]),
        ],
      );
    }
  };

  let status: ImportJobRecord['status'] = 'failed';
  let failure = '';
  try {
    await client.query('BEGIN');
    const { header, rows } = await openRows(job, input.file);
    if (header.communeCode !== undefined && header.communeCode !== job.communeCode) {
      throw new UnreadableFileError(
        `the file is for commune ${header.communeCode}, the upload for ${job.communeCode}`,
      );
    }
    if (header.villageCode && job.villageCode !== '' && header.villageCode !== job.villageCode) {
      throw new UnreadableFileError(
        `the file is for village ${header.villageCode}, the upload for ${job.villageCode}`,
      );
    }
    const ctx: ImportContext = {
      communeCode: job.communeCode,
      villageCode: job.villageCode !== '' ? job.villageCode : (header.villageCode ?? ''),
      formType:
        header.formType === 'C1' || header.formType === 'C' ? header.formType : job.formType,
      today: input.today,
    };
    let lastProgress = 0;
    for await (const group of householdGroups(rows)) {
      counts.rowsRead += group.rows.length;
      const result = validateGroup(group.rows, group.householdNo, ctx);
      const issues = [...group.issues, ...result.issues];
      const h = result.household;
      if (h !== undefined && issues.length === 0) {
        const key = matchKey(h);
        if (seenKeys.has(key)) {
          issues.push({
            rowNo: h.firstRow,
            column: KEY_COLUMN[key.slice(0, key.indexOf(':'))]!,
            value: '',
            reason: 'the same household is at an earlier row of the file',
          });
        } else seenKeys.add(key);
      }
      if (issues.length > 0 || h === undefined) await refuse(issues);
      else batch.push(h);
      if (batch.length >= batchSize) await flush();
      if (counts.rowsRead - lastProgress >= 5000) {
        lastProgress = counts.rowsRead;
        await updateProgress(pool, job.id, counts.rowsRead);
      }
    }
    await flush();
    await sink.flush();
    if (job.mode === 'all_or_nothing' && counts.errorCount > 0) {
      await client.query('ROLLBACK');
      status = 'rejected';
      counts.householdsCreated = counts.householdsUpdated = counts.householdsUnchanged = 0;
    } else {
      await client.query('COMMIT');
      status = counts.householdsRefused > 0 ? 'partial' : 'completed';
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    counts.householdsCreated = counts.householdsUpdated = counts.householdsUnchanged = 0;
    if (err instanceof UnreadableFileError) {
      status = 'rejected';
      failure = err.message;
    } else {
      // the message only: a database error's detail may quote personal data
      const code = (err as { code?: string }).code ?? '';
      input.logger.error(
        { importId: job.id, code, message: (err as Error).message },
        'import failed',
      );
      failure = 'internal error';
    }
    await sink.flush().catch(() => undefined);
  } finally {
    client.release();
  }
  await finishJob(pool, job.id, status, counts, failure);
  return (await findJob(pool, job.id))!;
}
