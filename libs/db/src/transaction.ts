/** Runs a function inside one PostgreSQL transaction on a pooled connection. */
import type pg from 'pg';
import { isRetryableTransactionError } from './errors';

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  /** Default 'read committed'. */
  isolation?: IsolationLevel;
  /**
   * Extra attempts after a serialization failure (40001) or deadlock (40P01). Used only
   * with 'repeatable read' and 'serializable'. Default 3.
   */
  retries?: number;
  /** BEGIN ... READ ONLY. Default false. */
  readOnly?: boolean;
}

export const DEFAULT_TRANSACTION_RETRIES = 3;

const BEGIN_SQL: Record<IsolationLevel, string> = {
  'read committed': 'BEGIN ISOLATION LEVEL READ COMMITTED',
  'repeatable read': 'BEGIN ISOLATION LEVEL REPEATABLE READ',
  serializable: 'BEGIN ISOLATION LEVEL SERIALIZABLE',
};

/**
 * BEGIN, run `fn`, COMMIT; ROLLBACK when `fn` throws. The connection is always released
 * (destroyed if ROLLBACK itself failed). The error thrown by `fn` or COMMIT is rethrown
 * unchanged. Under 'repeatable read' or 'serializable', a 40001/40P01 failure reruns the
 * whole `fn` in a new transaction, at most `retries` times, so `fn` must not have side
 * effects outside the database.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const isolation = options.isolation ?? 'read committed';
  const begin = BEGIN_SQL[isolation];
  if (begin === undefined) {
    throw new TypeError(
      `withTransaction: isolation must be one of ${Object.keys(BEGIN_SQL).join(', ')}`,
    );
  }
  const retries =
    isolation === 'read committed' ? 0 : (options.retries ?? DEFAULT_TRANSACTION_RETRIES);
  if (!Number.isInteger(retries) || retries < 0) {
    throw new TypeError(
      `withTransaction: retries must be a non-negative integer, got ${String(retries)}`,
    );
  }
  const beginSql = options.readOnly ? `${begin} READ ONLY` : begin;
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce(pool, beginSql, fn);
    } catch (err) {
      if (attempt >= retries || !isRetryableTransactionError(err)) throw err;
      await pause(attempt);
    }
  }
}

async function runOnce<T>(
  pool: pg.Pool,
  beginSql: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    try {
      await client.query(beginSql);
    } catch (err) {
      broken = err instanceof Error ? err : new Error(String(err));
      throw err;
    }
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw err;
    }
  } finally {
    // Passing an error destroys the connection instead of returning it to the pool.
    client.release(broken);
  }
}

/** Short randomised pause so that conflicting transactions do not collide again at once. */
function pause(attempt: number): Promise<void> {
  const ms = Math.min(5 * 2 ** attempt, 100) + Math.floor(Math.random() * 10);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
