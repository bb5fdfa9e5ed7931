/**
 * Writes of household moves (explicit SQL). Run inside the move's transaction together with
 * the change-log rows (insertChange) and the outbox events. Each statement names the
 * household the member must be in, and fails loudly when the row is not where expected.
 */
import type pg from 'pg';
import type { HouseholdRecord } from '../domain/household-state';

function exactlyOne(res: pg.QueryResult, what: string): void {
  if (res.rowCount !== 1) throw new Error(`${what}: expected one row, changed ${res.rowCount}`);
}

/** A member joins another household of the commune with a relation there. */
export async function moveMemberRow(
  client: pg.PoolClient,
  move: { memberId: string; fromId: string; toId: string; relation: string },
  at: string,
): Promise<void> {
  const res = await client.query(
    `UPDATE member SET household_id = $3, relation = $4, updated_at = $5
     WHERE id = $1 AND household_id = $2 AND status = 'present'`,
    [move.memberId, move.fromId, move.toId, move.relation, at],
  );
  exactlyOne(res, `move member ${move.memberId}`);
}

/** A member leaves the commune (chuyển đi): no household, status moved_out. */
export async function moveMemberOutRow(
  client: pg.PoolClient,
  move: { memberId: string; fromId: string; destinationUnitCode: string | null },
  at: string,
): Promise<void> {
  const res = await client.query(
    `UPDATE member SET household_id = NULL, status = 'moved_out', moved_out_from = $2,
       moved_out_to_unit_code = $3, moved_out_at = $4, updated_at = $4
     WHERE id = $1 AND household_id = $2 AND status = 'present'`,
    [move.memberId, move.fromId, move.destinationUnitCode, at],
  );
  exactlyOne(res, `move member ${move.memberId} out`);
}

/** A member who stays takes another relation (a new head, or the head replaced). */
export async function setMemberRelation(
  client: pg.PoolClient,
  change: { memberId: string; householdId: string; relation: string },
  at: string,
): Promise<void> {
  const res = await client.query(
    `UPDATE member SET relation = $3, updated_at = $4 WHERE id = $1 AND household_id = $2`,
    [change.memberId, change.householdId, change.relation, at],
  );
  exactlyOne(res, `relation of member ${change.memberId}`);
}

/** The fields a move changes on a household row. */
export async function updateMovedHousehold(
  client: pg.PoolClient,
  h: HouseholdRecord,
): Promise<void> {
  const res = await client.query(
    `UPDATE household SET head_member_id = $2, status = $3, merged_into = $4, version = $5,
       updated_at = $6
     WHERE id = $1 AND version = $5 - 1`,
    [h.id, h.headMemberId, h.status, h.mergedInto ?? null, h.version, h.updatedAt],
  );
  exactlyOne(res, `household ${h.id}`);
}

/** tách hộ: marks a new household as split from another. */
export async function setSplitFrom(
  client: pg.PoolClient,
  id: string,
  splitFrom: string,
): Promise<void> {
  const res = await client.query('UPDATE household SET split_from = $2 WHERE id = $1', [
    id,
    splitFrom,
  ]);
  exactlyOne(res, `household ${id}`);
}
