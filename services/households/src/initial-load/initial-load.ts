/**
 * Initial load (nạp dữ liệu ban đầu): the first bulk load of a registry node, from CSV files
 * of form C or C1 rows, one file per commune (e.g. migrated from the previous system). It
 * runs the same validation, report and writing as an officer's import, but:
 * - the registry must be empty, and stays closed (its tables locked) until the load ends;
 * - every household is new, so nothing is matched against registered households, and a
 *   row that gives a household code is refused;
 * - the secondary indexes and foreign keys are dropped first and built again at the end
 *   (secondary-structures.ts), on the same transaction.
 * Everything is ONE transaction: the load commits whole or not at all. Within it, a file
 * rejected under all_or_nothing is rolled back to its savepoint and the others go on. Each
 * file is a job of the import list (household_import), with its report, in its commune.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { timeOrderedId, type Logger } from '@posa/platform';
import type { Units } from '@posa/units';
import { emptyCounts, importFile, nothingWritten, type FileOutcome } from '../import/import-file';
import {
  findJob,
  finishJob,
  insertJob,
  type ImportJobRecord,
  type JobCounts,
} from '../import/import-jobs';
import {
  dropSecondaryStructures,
  rebuildSecondaryStructures,
  REGISTRY_TABLES,
} from './secondary-structures';

export interface InitialLoadFile {
  communeCode: string;
  /** Path of the CSV file. */
  path: string;
}

export interface InitialLoadInput {
  files: readonly InitialLoadFile[];
  mode: 'all_or_nothing' | 'valid_rows';
  /** Form of households whose rows give none. */
  formType: 'C' | 'C1';
  /** Who runs the load (recorded as the actor of every change and job). */
  operator: string;
  /** Why (recorded with every change), e.g. the migration's decision. */
  reason: string;
  units: Units;
  today: string;
  logger: Logger;
  /** Households per write batch (default 1000). */
  batchSize?: number;
}

export interface InitialLoadResult {
  /** One job per file, as recorded at the end. */
  jobs: ImportJobRecord[];
  /** Seconds spent reading and writing the files, then building the secondary structures. */
  loadSeconds: number;
  rebuildSeconds: number;
}

/** A load that cannot start: the input or the registry's state is wrong. Nothing was written. */
export class InitialLoadRefusedError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InitialLoadRefusedError';
  }
}

/** National level: the operator of a load acts for the whole country. */
const NATIONAL_UNIT = 'VN';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function checkInput(input: InitialLoadInput): void {
  if (input.files.length === 0) throw new InitialLoadRefusedError('files', 'must not be empty');
  if (!/^\S.{0,99}$/.test(input.operator))
    throw new InitialLoadRefusedError('operator', 'must be 1 to 100 characters');
  if (input.reason.trim().length === 0 || input.reason.length > 500)
    throw new InitialLoadRefusedError('reason', 'must be 1 to 500 characters');
  const seen = new Set<string>();
  for (const f of input.files) {
    const name = path.basename(f.path);
    if (input.units.provinceOfCommune(f.communeCode) === undefined)
      throw new InitialLoadRefusedError(
        `files[${name}].commune_code`,
        `${f.communeCode} is not a commune of the 2025 structure`,
      );
    if (seen.has(f.communeCode))
      throw new InitialLoadRefusedError(
        `files[${name}].commune_code`,
        `${f.communeCode} has another file in this load: one file per commune`,
      );
    seen.add(f.communeCode);
    if (path.extname(f.path).toLowerCase() !== '.csv')
      throw new InitialLoadRefusedError(`files[${name}]`, 'must be a .csv file');
  }
}

async function registryIsEmpty(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  const res = await db.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM household) AS empty',
  );
  return res.rows[0]!.empty;
}

/** Key of the advisory lock that lets one initial load run at a time. */
const LOAD_LOCK_KEY = 'posa.households.initial-load';

/**
 * Jobs of an earlier initial load left `running` by a process that stopped: its transaction
 * was rolled back, so they wrote nothing. Called while holding the load lock, so no other
 * load can own them.
 */
async function closeAbandonedJobs(pool: pg.Pool): Promise<void> {
  await pool.query(
    `UPDATE household_import SET status = 'failed', finished_at = now(),
       failure = 'abandoned: the initial load stopped before committing'
     WHERE status = 'running' AND actor_unit_code = $1`,
    [NATIONAL_UNIT],
  );
}

/** Records one running job per file (before anything is written, so progress shows). */
async function recordJobs(pool: pg.Pool, input: InitialLoadInput): Promise<ImportJobRecord[]> {
  const jobs: ImportJobRecord[] = [];
  for (const f of input.files) {
    const job: ImportJobRecord = {
      id: timeOrderedId(),
      fileName: path.basename(f.path),
      fileSha256: await sha256Of(f.path),
      fileSize: (await stat(f.path)).size,
      fileFormat: 'csv',
      formType: input.formType,
      communeCode: f.communeCode,
      provinceCode: input.units.provinceOfCommune(f.communeCode)!,
      villageCode: '',
      mode: input.mode,
      status: 'running',
      ...emptyCounts(),
      failure: '',
      actorId: input.operator,
      actorUnitCode: NATIONAL_UNIT,
      createdAt: new Date(),
      finishedAt: null,
    };
    if (!(await insertJob(pool, job))) {
      const refusal = new InitialLoadRefusedError(
        `files[${job.fileName}]`,
        'is already imported for its commune',
      );
      for (const recorded of jobs) {
        await finishJob(pool, recorded.id, 'failed', emptyCounts(), refusal.message);
      }
      throw refusal;
    }
    jobs.push(job);
  }
  return jobs;
}

/**
 * Runs the load and returns the jobs as recorded at the end. Throws
 * InitialLoadRefusedError, before writing anything, when the input is wrong or the registry
 * is not empty; any other failure rolls the whole load back and marks every job failed.
 */
export async function runInitialLoad(
  pool: pg.Pool,
  input: InitialLoadInput,
): Promise<InitialLoadResult> {
  checkInput(input);
  const client = await pool.connect();
  try {
    const lock = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [LOAD_LOCK_KEY],
    );
    if (!lock.rows[0]!.locked)
      throw new InitialLoadRefusedError('registry', 'is being loaded by another initial load');
    try {
      return await loadWhileLocked(pool, client, input);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOAD_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function loadWhileLocked(
  pool: pg.Pool,
  client: pg.PoolClient,
  input: InitialLoadInput,
): Promise<InitialLoadResult> {
  if (!(await registryIsEmpty(pool)))
    throw new InitialLoadRefusedError(
      'registry',
      'already holds households: load into an empty one',
    );
  await closeAbandonedJobs(pool);
  const jobs = await recordJobs(pool, input);
  const counts: JobCounts[] = jobs.map(() => emptyCounts());
  const outcomes: FileOutcome[] = [];
  const actor = {
    actorId: input.operator,
    actorUnitCode: NATIONAL_UNIT,
    sourceAddress: 'initial-load',
    reason: input.reason,
  };
  const started = performance.now();
  let loadSeconds = 0;
  let rebuildSeconds = 0;
  try {
    await client.query('BEGIN');
    // an index build over millions of rows outlasts any statement timeout of the pool
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(`LOCK TABLE ${REGISTRY_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    if (!(await registryIsEmpty(client)))
      throw new InitialLoadRefusedError(
        'registry',
        'already holds households: load into an empty one',
      );
    const structures = await dropSecondaryStructures(client);
    for (const [i, job] of jobs.entries()) {
      await client.query('SAVEPOINT initial_load_file');
      const outcome = await importFile(
        pool,
        client,
        {
          job,
          file: input.files[i]!.path,
          actor,
          today: input.today,
          batchSize: input.batchSize ?? 1000,
          matchRegistered: false,
        },
        counts[i]!,
      );
      await client.query(
        outcome.status === 'rejected'
          ? 'ROLLBACK TO SAVEPOINT initial_load_file'
          : 'RELEASE SAVEPOINT initial_load_file',
      );
      outcomes.push(outcome);
    }
    const loaded = performance.now();
    await rebuildSecondaryStructures(client, structures);
    await client.query('COMMIT');
    loadSeconds = (loaded - started) / 1000;
    rebuildSeconds = (performance.now() - loaded) / 1000;
    input.logger.info(
      { files: jobs.length, loadSeconds, rebuildSeconds },
      'initial load committed',
    );
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    const refused = err instanceof InitialLoadRefusedError;
    if (!refused) {
      // the message only: a database error's detail may quote personal data
      const code = (err as { code?: string }).code ?? '';
      input.logger.error({ code, message: (err as Error).message }, 'initial load failed');
    }
    for (const [i, job] of jobs.entries()) {
      nothingWritten(counts[i]!);
      await finishJob(
        pool,
        job.id,
        'failed',
        counts[i]!,
        refused ? (err as Error).message : 'internal error',
      );
    }
    throw err;
  }
  for (const [i, job] of jobs.entries()) {
    await finishJob(pool, job.id, outcomes[i]!.status, counts[i]!, outcomes[i]!.failure);
  }
  return {
    jobs: await Promise.all(jobs.map(async (j) => (await findJob(pool, j.id))!)),
    loadSeconds,
    rebuildSeconds,
  };
}
