#!/usr/bin/env node
/**
 * Applies migrations to one database:
 *   node libs/db/dist/migrate-cli.js --url <url> --dir <dir> [--no-platform]
 * --url falls back to the DATABASE_URL environment variable. Without --dir only the
 * platform tables are applied. Logs JSON lines; exit code 1 on failure.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { createPool, closePool } from './pool';
import { runMigrations } from './migrations';
import { errorFields, type DbLogger } from './logger';

function jsonLogger(): DbLogger {
  const write = (level: string) => (obj: object, msg?: string) => {
    process.stdout.write(
      `${JSON.stringify({ level, time: new Date().toISOString(), ...obj, msg })}\n`,
    );
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const logger = jsonLogger();
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      dir: { type: 'string' },
      'no-platform': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const url = values.url ?? env['DATABASE_URL'];
  if (!url) {
    logger.error({ field: 'url' }, 'missing database URL: pass --url or set DATABASE_URL');
    return 1;
  }
  const directory = values.dir ? path.resolve(values.dir) : null;
  const pool = createPool({ url, max: 1, applicationName: 'posa-migrate', logger });
  try {
    const applied = await runMigrations(pool, {
      directory,
      platformTables: !values['no-platform'],
      logger,
    });
    logger.info({ applied: applied.length, directory }, 'migrations complete');
    return 0;
  } catch (err) {
    logger.error(
      { ...errorFields(err), fileName: (err as { fileName?: string }).fileName },
      'migrations failed',
    );
    return 1;
  } finally {
    await closePool(pool);
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${errorFields(err).errMessage}\n`);
      process.exitCode = 1;
    },
  );
}
