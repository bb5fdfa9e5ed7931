/**
 * Initial load from the command line, run by the operator of a new registry node against
 * its households database (DATABASE_URL), after which the service is started:
 *   npm run households:initial-load -- --dir DIR --operator NAME --reason TEXT
 *     [--mode valid_rows|all_or_nothing] [--form C|C1]
 * Prints one JSON line per file (its job id, commune, status and counts; never a row's
 * content) and exits 0 when the load is committed, 2 when it is refused before writing,
 * 1 when it failed and was rolled back. Reports are read in the console's import list.
 */
import { parseArgs } from 'node:util';
import { closePool, createPool, runMigrations } from '@posa/db';
import { createLogger, todayInVietnam } from '@posa/platform';
import { loadUnits } from '@posa/units';
import { MIGRATIONS_DIR } from '../app';
import { InitialLoadRefusedError, runInitialLoad } from './initial-load';
import { filesOfDirectory } from './load-directory';

const logger = createLogger({ service: 'households-initial-load' });

function option(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (v === undefined || v === '') throw new InitialLoadRefusedError(`--${name}`, 'is required');
  return v;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      operator: { type: 'string' },
      reason: { type: 'string' },
      mode: { type: 'string', default: 'all_or_nothing' },
      form: { type: 'string', default: 'C' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '')
    throw new InitialLoadRefusedError('DATABASE_URL', 'is required');
  const mode = values.mode;
  if (mode !== 'all_or_nothing' && mode !== 'valid_rows')
    throw new InitialLoadRefusedError('--mode', 'must be all_or_nothing or valid_rows');
  const form = values.form;
  if (form !== 'C' && form !== 'C1') throw new InitialLoadRefusedError('--form', 'must be C or C1');
  const files = await filesOfDirectory(option(values, 'dir'));
  const pool = createPool({ url, max: 3, applicationName: 'households-initial-load', logger });
  try {
    await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
    const { jobs } = await runInitialLoad(pool, {
      files,
      mode,
      formType: form,
      operator: option(values, 'operator'),
      reason: option(values, 'reason'),
      units: loadUnits(),
      today: todayInVietnam(),
      logger,
    });
    for (const j of jobs) {
      process.stdout.write(
        JSON.stringify({
          importId: j.id,
          file: j.fileName,
          commune: j.communeCode,
          status: j.status,
          rowsRead: j.rowsRead,
          householdsCreated: j.householdsCreated,
          householdsRefused: j.householdsRefused,
          errors: j.errorCount,
          failure: j.failure,
        }) + '\n',
      );
    }
    return 0;
  } finally {
    await closePool(pool);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof InitialLoadRefusedError) {
      logger.error({ field: err.field, message: err.message }, 'initial load refused');
      process.exitCode = 2;
    } else {
      logger.error({ message: (err as Error).message }, 'initial load failed');
      process.exitCode = 1;
    }
  },
);
