/**
 * One file of an import, on the caller's transaction: streams the file, validates household
 * by household, and writes the valid households in batches (new ones set-based with COPY,
 * registered ones through household-merge.ts). all_or_nothing: after the first issue
 * nothing more is written and the caller rolls back (the file is still read to the end so
 * that the report lists every issue). valid_rows: a household with any invalid row is
 * refused whole, the others are written.
 *
 * Reading and writing overlap: while PostgreSQL writes one batch, the next is parsed and
 * validated, so the two use a core each. At most one batch is being written at a time.
 */
import type pg from 'pg';
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
import { matchBatch, matchKey, nothingRegistered } from './household-match';
import { mergeHousehold } from './household-merge';
import { insertIssues, updateProgress, type ImportJobRecord, type JobCounts } from './import-jobs';
import type { ImportIssue } from './row-parse';
import { openXlsx } from './village-xlsx';

export interface ImportFileInput {
  job: ImportJobRecord;
  /** Path of the uploaded file. */
  file: string;
  actor: ChangeActor;
  today: string;
  /** Households per write batch (default 2000). */
  batchSize?: number;
  /**
   * Whether households of the file may already be registered (matched by code, head's
   * citizen ID or head's name and birth date). False only for an initial load into an
   * empty registry, where every household is new and a household code cannot be known.
   */
  matchRegistered: boolean;
}

export interface FileOutcome {
  /** completed / partial: the caller commits; rejected: the caller rolls back. */
  status: 'completed' | 'partial' | 'rejected';
  /** Why a whole file was rejected (not the row issues, which are in the report). */
  failure: string;
}

export function emptyCounts(): JobCounts {
  return {
    rowsRead: 0,
    householdsCreated: 0,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRefused: 0,
    errorCount: 0,
  };
}

/** Forgets what a rolled-back file wrote (rows read, refusals and issues stay). */
export function nothingWritten(counts: JobCounts): void {
  counts.householdsCreated = counts.householdsUpdated = counts.householdsUnchanged = 0;
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

/**
 * Issues go to the job's table in batches, on their own connection (they outlive a
 * rollback). Flushes run one after another, so sequence numbers never collide even when
 * the reader and the writer both report issues.
 */
class IssueSink {
  private buffer: ImportIssue[] = [];
  private written: Promise<void> = Promise.resolve();
  private nextSeq = 1;
  constructor(
    private readonly pool: pg.Pool,
    private readonly id: string,
  ) {}
  async add(issues: readonly ImportIssue[]): Promise<void> {
    this.buffer.push(...issues);
    if (this.buffer.length >= 1000) await this.flush();
  }
  flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    const firstSeq = this.nextSeq;
    this.nextSeq += batch.length;
    this.written = this.written.then(() => insertIssues(this.pool, this.id, firstSeq, batch));
    return this.written;
  }
}

/**
 * Reads and writes one file on `client`, which must be in a transaction, counting into
 * `counts`. Issues go to the report on `pool`. A database error is thrown, after the batch
 * being written has settled.
 */
export async function importFile(
  pool: pg.Pool,
  client: pg.PoolClient,
  input: ImportFileInput,
  counts: JobCounts,
): Promise<FileOutcome> {
  const { job, actor } = input;
  const batchSize = input.batchSize ?? 2000;
  const sink = new IssueSink(pool, job.id);
  const seenKeys = new Set<string>();
  const at = new Date().toISOString();
  let batch: ImportHousehold[] = [];

  const refuse = async (issues: ImportIssue[]): Promise<void> => {
    counts.householdsRefused++;
    counts.errorCount += issues.length;
    await sink.add(issues);
  };

  const write = async (current: ImportHousehold[]): Promise<void> => {
    if (current.length === 0) return;
    const { matched, refused } = input.matchRegistered
      ? await matchBatch(client, job.communeCode, current)
      : nothingRegistered(current);
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

  // The batch being written; the next one starts when it is done.
  let writing: Promise<void> = Promise.resolve();
  const startWriting = async (): Promise<void> => {
    await writing;
    const current = batch;
    batch = [];
    writing = write(current);
    // a failure is seen at the next await of `writing`; until then it is not unhandled
    writing.catch(() => undefined);
  };

  try {
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
      if (batch.length >= batchSize) await startWriting();
      if (counts.rowsRead - lastProgress >= 5000) {
        lastProgress = counts.rowsRead;
        await updateProgress(pool, job.id, counts.rowsRead);
      }
    }
    await startWriting();
    await writing;
    await sink.flush();
  } catch (err) {
    await writing.catch(() => undefined);
    await sink.flush().catch(() => undefined);
    if (!(err instanceof UnreadableFileError)) throw err;
    nothingWritten(counts);
    return { status: 'rejected', failure: err.message };
  }
  if (job.mode === 'all_or_nothing' && counts.errorCount > 0) {
    nothingWritten(counts);
    return { status: 'rejected', failure: '' };
  }
  return { status: counts.householdsRefused > 0 ? 'partial' : 'completed', failure: '' };
}
