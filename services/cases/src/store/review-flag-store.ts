/**
 * SQL of review flags (review_flag): raised by household events on the active or suspended
 * cases of a member who died or moved out of the commune, resolved by a commune officer. A flag
 * never touches the allowance. GetCase reads them with loadFlags (case-store.ts).
 */
import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import { appendStep } from './case-store';

export type FlagReason = 'member_deceased' | 'member_moved_out';

export interface FlagRaise {
  memberId: string;
  reason: FlagReason;
  /** The household event's id: one flag per case and event. */
  sourceEventId: string;
  /** The household event's actor (an account id, never a name) and when it was handled. */
  actorId: string;
  actorUnitCode: string;
  at: string;
}

/**
 * Raises an open flag on every active or suspended case of the member, with a 'flagged' step,
 * once per case and event. Returns the ids of the cases flagged now.
 */
export async function raiseFlags(client: pg.PoolClient, raise: FlagRaise): Promise<string[]> {
  const cases = await client.query<{ id: string }>(
    `SELECT id FROM social_case WHERE member_id = $1 AND status IN ('active', 'suspended')
     ORDER BY id FOR UPDATE`,
    [raise.memberId],
  );
  const flagged: string[] = [];
  for (const { id } of cases.rows) {
    const inserted = await client.query(
      `INSERT INTO review_flag (id, case_id, reason, source_event_id, raised_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, source_event_id) DO NOTHING`,
      [randomUUID(), id, raise.reason, raise.sourceEventId, raise.at],
    );
    if (inserted.rowCount !== 1) continue;
    await appendStep(client, {
      caseId: id,
      step: 'flagged',
      actorId: raise.actorId,
      actorUnitCode: raise.actorUnitCode,
      at: raise.at,
      note: raise.reason,
    });
    flagged.push(id);
  }
  return flagged;
}

/** Whether the flag of the case is open, resolved, or not a flag of that case. */
export async function flagStateForUpdate(
  client: pg.PoolClient,
  caseId: string,
  flagId: string,
): Promise<'open' | 'resolved' | 'missing'> {
  const res = await client.query<{ resolved: boolean }>(
    `SELECT resolved_at IS NOT NULL AS resolved FROM review_flag
     WHERE id = $1 AND case_id = $2 FOR UPDATE`,
    [flagId, caseId],
  );
  const row = res.rows[0];
  if (row === undefined) return 'missing';
  return row.resolved ? 'resolved' : 'open';
}

export async function resolveFlag(
  client: pg.PoolClient,
  flag: { flagId: string; resolution: string; resolvedBy: string; at: string },
): Promise<void> {
  await client.query(
    `UPDATE review_flag SET resolution = $2, resolved_by = $3, resolved_at = $4
     WHERE id = $1 AND resolved_at IS NULL`,
    [flag.flagId, flag.resolution, flag.resolvedBy, flag.at],
  );
}
