/**
 * Runs an import job uploaded by an officer: the file on ONE transaction of its own
 * (import-file.ts), committed or rolled back as a whole, then the job's outcome recorded.
 */
import type pg from 'pg';
import type { Logger } from '@posa/platform';
import { emptyCounts, importFile, nothingWritten, type ImportFileInput } from './import-file';
import { findJob, finishJob, type ImportJobRecord } from './import-jobs';

export interface RunImportInput extends Omit<ImportFileInput, 'matchRegistered'> {
  logger: Logger;
}

export async function runImport(pool: pg.Pool, input: RunImportInput): Promise<ImportJobRecord> {
  const { job } = input;
  const counts = emptyCounts();
  let status: ImportJobRecord['status'] = 'failed';
  let failure = 'internal error';
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const outcome = await importFile(pool, client, { ...input, matchRegistered: true }, counts);
    await client.query(outcome.status === 'rejected' ? 'ROLLBACK' : 'COMMIT');
    ({ status, failure } = outcome);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    nothingWritten(counts);
    // the message only: a database error's detail may quote personal data
    const code = (err as { code?: string }).code ?? '';
    input.logger.error(
      { importId: job.id, code, message: (err as Error).message },
      'import failed',
    );
  } finally {
    client.release();
  }
  await finishJob(pool, job.id, status, counts, failure);
  return (await findJob(pool, job.id))!;
}
