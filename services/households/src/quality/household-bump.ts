/**
 * The household side of a quality write, as every registry write does it: lock the
 * household rows (in id order, so two writes never deadlock), then raise each version by one
 * with a `household_updated` change-log row at an instant after every earlier change.
 */
import type pg from 'pg';
import type { HouseholdRecord } from '../domain/household-state';
import { findHousehold } from '../store/household-store';
import { insertChange, updateHouseholdRow } from '../store/household-writes';
import type { QualityActor } from './merge-store';

export async function lockHouseholds(
  client: pg.PoolClient,
  ids: readonly string[],
): Promise<Map<string, HouseholdRecord>> {
  const locked = new Map<string, HouseholdRecord>();
  for (const id of [...new Set(ids)].sort()) {
    const h = await findHousehold(client, id, true);
    if (h !== undefined) locked.set(id, h);
  }
  return locked;
}

/** Now, or 1 ms after the latest change of these households (log order = time order). */
export function nextInstant(households: Iterable<HouseholdRecord>): string {
  let t = Date.now();
  for (const h of households) t = Math.max(t, Date.parse(h.updatedAt) + 1);
  return new Date(t).toISOString();
}

export async function bumpHousehold(
  client: pg.PoolClient,
  current: HouseholdRecord,
  at: string,
  actor: QualityActor,
): Promise<HouseholdRecord> {
  const next: HouseholdRecord = { ...current, version: current.version + 1, updatedAt: at };
  await updateHouseholdRow(client, next);
  await insertChange(
    client,
    {
      householdId: next.id,
      memberId: null,
      kind: 'household_updated',
      at,
      before: current,
      after: next,
    },
    actor,
  );
  return next;
}
