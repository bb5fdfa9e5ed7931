/** Reads of the audit trail, newest first, limited to a jurisdiction scope. */
import type pg from 'pg';
import { scopeCondition, type JurisdictionScope } from './jurisdiction-scope';

type Queryable = Pick<pg.Pool, 'query'>;

export interface StoredAuditEntry {
  id: string;
  occurredAt: Date;
  /** occurred_at as PostgreSQL text (microseconds): the page key. */
  occurredKey: string;
  actorId: string;
  /** Username of the actor's account (joined on its subject); null without an account. */
  actorUsername: string | null;
  actorUnitCode: string;
  action: string;
  targetType: string;
  targetId: string;
  unitCode: string;
  sourceAddress: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  scope: JurisdictionScope;
  from: Date | null;
  to: Date | null;
  actorId: string | null;
  subjectId: string | null;
  action: string | null;
  /** Only entries whose subject unit lies in this scope (a unit's subtree), or null. */
  within: JurisdictionScope | null;
  /** Keyset: (occurred_at, id) of the last entry of the previous page. */
  after: { at: string; id: string } | null;
  limit: number;
}

export async function listAuditEntries(db: Queryable, f: AuditFilter): Promise<StoredAuditEntry[]> {
  const scope = scopeCondition(f.scope, 'l', 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (f.from !== null) add((n) => `l.occurred_at >= $${n}`, f.from);
  if (f.to !== null) add((n) => `l.occurred_at < $${n}`, f.to);
  if (f.actorId !== null) add((n) => `l.actor_id = $${n}`, f.actorId);
  if (f.subjectId !== null) add((n) => `l.target_id = $${n}`, f.subjectId);
  if (f.action !== null) add((n) => `l.action = $${n}`, f.action);
  if (f.within !== null) {
    const within = scopeCondition(f.within, 'l', params.length + 1);
    params.push(...within.params);
    where.push(within.sql);
  }
  if (f.after !== null) {
    params.push(f.after.at, f.after.id);
    where.push(
      `(l.occurred_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`,
    );
  }
  params.push(f.limit);
  const { rows } = await db.query(
    `SELECT l.id::text, l.occurred_at AS "occurredAt", l.occurred_at::text AS "occurredKey", l.actor_id AS "actorId", a.username AS "actorUsername", l.actor_unit_code AS "actorUnitCode",
            l.action, l.target_type AS "targetType", l.target_id AS "targetId", l.unit_code AS "unitCode",
            l.source_address AS "sourceAddress", l.before, l.after
     FROM audit_log l LEFT JOIN account a ON a.subject = l.actor_id WHERE ${where.join(' AND ')}
     ORDER BY l.occurred_at DESC, l.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
