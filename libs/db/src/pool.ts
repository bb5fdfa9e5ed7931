/** PostgreSQL connection pool with the settings every service uses. */
import pg from 'pg';
import { errorFields, silentLogger, type DbLogger } from './logger';

export interface PoolOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Most connections held at once. Default 10. */
  max?: number;
  /** Shown in pg_stat_activity. Default 'posa'. */
  applicationName?: string;
  /** Per-connection statement_timeout in milliseconds. Default 30000; 0 turns it off. */
  statementTimeoutMs?: number;
  /** Per-connection idle_in_transaction_session_timeout in milliseconds. Default 60000. */
  idleInTransactionTimeoutMs?: number;
  /** How long an idle connection stays open. Default 30000. */
  idleTimeoutMs?: number;
  /** How long to wait for a new connection. Default 10000. */
  connectionTimeoutMs?: number;
  logger?: DbLogger;
}

export const POOL_DEFAULTS = {
  max: 10,
  applicationName: 'posa',
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
} as const;

/**
 * Creates a pool. Errors on idle connections (server restart, network loss) are logged,
 * not thrown: the pool drops the broken connection and opens a new one when needed.
 */
export function createPool(options: PoolOptions): pg.Pool {
  if (typeof options.url !== 'string' || options.url.length === 0) {
    throw new TypeError(
      'createPool: url is required (postgres://user:password@host:port/database)',
    );
  }
  const max = options.max ?? POOL_DEFAULTS.max;
  if (!Number.isInteger(max) || max < 1) {
    throw new TypeError(`createPool: max must be a positive integer, got ${String(max)}`);
  }
  const logger = options.logger ?? silentLogger;
  const applicationName = options.applicationName ?? POOL_DEFAULTS.applicationName;
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    application_name: applicationName,
    statement_timeout: options.statementTimeoutMs ?? POOL_DEFAULTS.statementTimeoutMs,
    idle_in_transaction_session_timeout:
      options.idleInTransactionTimeoutMs ?? POOL_DEFAULTS.idleInTransactionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? POOL_DEFAULTS.idleTimeoutMs,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? POOL_DEFAULTS.connectionTimeoutMs,
  });
  pool.on('error', (err) => {
    // A server shutting down after closePool() began is expected, not a failure.
    if (pool.ending) return;
    logger.error({ ...errorFields(err), applicationName }, 'idle PostgreSQL connection failed');
  });
  // Track open connections so closePool can wait until their sockets are really closed.
  const open = new Set<pg.Client>();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  openConnections.set(pool, open);
  return pool;
}

const openConnections = new WeakMap<pg.Pool, Set<pg.Client>>();

/**
 * Ends the pool and waits (at most `waitMs`) until every connection's socket is closed, so
 * that a database stopped right afterwards sees no session to terminate. Calling it twice
 * is harmless.
 */
export async function closePool(pool: pg.Pool, waitMs = 2000): Promise<void> {
  if (pool.ended || pool.ending) return;
  const open = [...(openConnections.get(pool) ?? [])];
  const closed = Promise.all(
    open.map((client) => new Promise<void>((resolve) => client.once('end', () => resolve()))),
  );
  await pool.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    closed,
    new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]);
  clearTimeout(timer);
}
