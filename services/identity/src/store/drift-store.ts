/** Drift reports: one open report per account and kind, refreshed or resolved by each run. */
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface Difference {
  kind:
    | 'missing_in_provider'
    | 'enabled_mismatch'
    | 'roles_mismatch'
    | 'unit_mismatch'
    | 'provisioning_incomplete';
  expected: unknown;
  actual: unknown;
}

export interface StoredDrift {
  id: string;
  accountId: string;
  kind: string;
  expected: unknown;
  actual: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
}

/** Records what one account's check found; closes its open reports that are gone. Returns how many closed. */
export async function recordCheck(
  db: Queryable,
  accountId: string,
  found: Difference[],
): Promise<number> {
  for (const d of found) {
    await db.query(
      `INSERT INTO drift_report (account_id, kind, expected, actual) VALUES ($1, $2, $3::jsonb, $4::jsonb)
       ON CONFLICT (account_id, kind) WHERE resolved_at IS NULL
       DO UPDATE SET last_seen_at = now(), expected = EXCLUDED.expected, actual = EXCLUDED.actual`,
      [accountId, d.kind, JSON.stringify(d.expected), JSON.stringify(d.actual)],
    );
  }
  const closed = await db.query(
    `UPDATE drift_report SET resolved_at = now()
     WHERE account_id = $1 AND resolved_at IS NULL AND NOT (kind = ANY($2::text[]))`,
    [accountId, found.map((d) => d.kind)],
  );
  return closed.rowCount ?? 0;
}

export async function listDrift(
  db: Queryable,
  options: { includeResolved: boolean; afterId: string | null; limit: number },
): Promise<StoredDrift[]> {
  const { rows } = await db.query(
    `SELECT id::text, account_id AS "accountId", kind, expected, actual, first_seen_at AS "firstSeenAt",
            last_seen_at AS "lastSeenAt", resolved_at AS "resolvedAt"
     FROM drift_report
     WHERE ($1 OR resolved_at IS NULL) AND ($2::bigint IS NULL OR id < $2::bigint)
     ORDER BY id DESC LIMIT $3`,
    [options.includeResolved, options.afterId, options.limit],
  );
  return rows;
}
