/**
 * Applies decoded cases events to the entitlement ledger. An EntitlementChanged whose sequence
 * is higher than the case's last replaces the segments from its from_month on and the payee;
 * a lower or equal one is stale or replayed and changes nothing. A termination because the
 * person died records the month from which nothing is paid. Each applied event is logged and
 * counted in its commune (and in the commune the case left, when it moved).
 */
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import type { DeathEvent, EntitlementEvent, LedgerEvent } from './ledger-event';
import {
  countCommuneChange,
  lockLedgerCase,
  logLedgerChange,
  recordDeath,
  replaceSegmentsFrom,
  upsertLedgerCase,
} from './ledger-store';

/** applied; stale (sequence not higher than the last applied); unknown_case (death of a case never entitled). */
export type ApplyOutcome = 'applied' | 'stale' | 'unknown_case';

async function applyEntitlement(client: pg.PoolClient, e: EntitlementEvent): Promise<ApplyOutcome> {
  const before = await lockLedgerCase(client, e.caseId);
  if (before !== undefined && e.sequence <= before.lastSequence) return 'stale';
  await countCommuneChange(
    client,
    { communeCode: e.communeCode, provinceCode: e.provinceCode },
    before?.communeCode,
  );
  await upsertLedgerCase(client, e);
  await replaceSegmentsFrom(client, e.caseId, e.fromMonth, e.segments);
  await logLedgerChange(client, e, e.communeCode);
  return 'applied';
}

async function applyDeath(client: pg.PoolClient, e: DeathEvent): Promise<ApplyOutcome> {
  const before = await lockLedgerCase(client, e.caseId);
  if (before === undefined) return 'unknown_case';
  await countCommuneChange(client, {
    communeCode: before.communeCode,
    provinceCode: e.provinceCode,
  });
  await recordDeath(client, e);
  await logLedgerChange(client, e, before.communeCode);
  return 'applied';
}

/** Applies one event in the caller's transaction. */
export function applyLedgerEvent(client: pg.PoolClient, event: LedgerEvent): Promise<ApplyOutcome> {
  return event.change === 'entitlement'
    ? applyEntitlement(client, event)
    : applyDeath(client, event);
}

export interface BatchCounts {
  applied: number;
  stale: number;
  unknownCase: number;
}

/**
 * Applies decoded events in order, all in one transaction (the bulk path for loads and
 * benchmarks; the consumer applies one event per transaction with its inbox row).
 */
export function applyLedgerBatch(
  pool: pg.Pool,
  events: readonly LedgerEvent[],
): Promise<BatchCounts> {
  return withTransaction(pool, async (client) => {
    const counts: BatchCounts = { applied: 0, stale: 0, unknownCase: 0 };
    for (const event of events) {
      const outcome = await applyLedgerEvent(client, event);
      if (outcome === 'applied') counts.applied++;
      else if (outcome === 'stale') counts.stale++;
      else counts.unknownCase++;
    }
    return counts;
  });
}
