/** The audit trail: who changed what, for which unit, from where, before and after. */
import type pg from 'pg';

export interface AuditEntry {
  actorId: string;
  actorUnitCode: string;
  /** e.g. village.create */
  action: string;
  targetType: string;
  targetId: string;
  unitCode: string;
  provinceCode: string;
  sourceAddress: string;
  before: unknown;
  after: unknown;
  at: Date;
}

/** Appends one entry inside the caller's transaction. */
export async function appendAudit(client: pg.PoolClient, entry: AuditEntry): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (occurred_at, actor_id, actor_unit_code, action, target_type, target_id, unit_code,
                            province_code, source_address, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`,
    [
      entry.at,
      entry.actorId,
      entry.actorUnitCode,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.unitCode,
      entry.provinceCode,
      entry.sourceAddress,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}
