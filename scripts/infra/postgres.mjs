// Runs the local PostgreSQL of the full stack as a supervised process: starts it through
// @posa/db's embedded-PostgreSQL launcher, writes the admin URL to the ready file, and
// stops it cleanly on SIGTERM or SIGINT. Started by scripts/infra/postgres.sh:
//   tsx --conditions=posa-src scripts/infra/postgres.mjs --data-dir D --port P --ready-file F
import { rm, writeFile, rename } from 'node:fs/promises';
import { setInterval } from 'node:timers';
import { parseArgs } from 'node:util';
import { totalmem } from 'node:os';
import { serverSettingsFor, startEmbeddedPostgres } from '@posa/db';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'ready-file': { type: 'string' },
  },
});
for (const name of ['data-dir', 'port', 'ready-file']) {
  if (!values[name]) {
    console.error(JSON.stringify({ level: 'error', msg: `missing option --${name}` }));
    process.exit(2);
  }
}
const readyFile = values['ready-file'];
const log = (level, msg, extra = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra }));
// The launcher's log lines (server warnings and errors, no statement text) go to our log.
const logger = {
  info: (obj, msg) => log('info', msg ?? '', obj),
  warn: (obj, msg) => log('warn', msg ?? '', obj),
  error: (obj, msg) => log('error', msg ?? '', obj),
};

await rm(readyFile, { force: true });
const handle = await startEmbeddedPostgres({
  dataDir: values['data-dir'],
  port: Number(values.port),
  user: 'postgres',
  password: 'postgres',
  settings: serverSettingsFor(totalmem()),
  logger,
});
await writeFile(`${readyFile}.tmp`, `${handle.url}\n`);
await rename(`${readyFile}.tmp`, readyFile);
log('info', 'postgres ready', { port: Number(values.port) });

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log('info', 'stopping postgres', { signal });
  await rm(readyFile, { force: true });
  try {
    await handle.stop();
    log('info', 'postgres stopped');
    process.exit(0);
  } catch (error) {
    log('error', 'postgres stop failed', { error: String(error) });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
// Stay alive while the server runs; exit when it is gone, so a dead server never leaves a
// launcher behind that looks alive to postgres.sh.
setInterval(() => {
  if (stopping) return;
  try {
    process.kill(handle.pid, 0);
  } catch {
    log('error', 'postgres server exited unexpectedly', { pid: handle.pid });
    void rm(readyFile, { force: true }).finally(() => process.exit(1));
  }
}, 2000);
