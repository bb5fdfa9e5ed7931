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
  /** Structure of the subject unit ('2024', '2025'; null for the national level). */
  unitStructure: '2024' | '2025' | null;
  provinceCode: string;
  sourceAddress: string;
  before: unknown;
  after: unknown;
  at: Date;
}

/** Appends one entry inside the caller's transaction; the unit's path is looked up. */
export async function appendAudit(client: pg.PoolClient, entry: AuditEntry): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (occurred_at, actor_id, actor_unit_code, action, target_type, target_id, unit_code,
                            province_code, source_address, before, after, unit_structure, unit_path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12,
             COALESCE((SELECT path FROM unit WHERE structure = $12 AND code = $7), ''))`,
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
      entry.unitStructure,
    ],
  );
}
