/**
 * SQL of the entitlement ledger (migrations/0001_ledger.sql). Every function runs in the
 * caller's transaction; months are 'YYYY-MM' in JS and the first day of the month in SQL.
 */
import { firstDayOf } from '@posa/platform';
import type pg from 'pg';
import type { DeathEvent, EntitlementEvent, LedgerSegment } from './ledger-event';

export interface LedgerCaseState {
  lastSequence: number;
  communeCode: string;
}

/** Lock key space of ledger changes (pg_advisory_xact_lock(key, hash of the case id)). */
const LEDGER_CASE_LOCK = 60_602;

/**
 * The case's ledger row, locked for the change (undefined when the ledger does not know it).
 * A transaction-scoped advisory lock on the case comes first, so two consumers applying the
 * first event of a case (a rebuild next to the live group) take turns instead of colliding.
 */
export async function lockLedgerCase(
  client: pg.PoolClient,
  caseId: string,
): Promise<LedgerCaseState | undefined> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LEDGER_CASE_LOCK, caseId]);
  const res = await client.query<{ last_sequence: string; commune_code: string }>(
    'SELECT last_sequence, commune_code FROM ledger_case WHERE case_id = $1 FOR UPDATE',
    [caseId],
  );
  const row = res.rows[0];
  return row && { lastSequence: Number(row.last_sequence), communeCode: row.commune_code };
}

/**
 * Counts one change in the commune of the event (created when new) and in the commune the
 * case left, if any, in code order so that concurrent changes lock alike. Payrolls compare the
 * count to know they are stale.
 */
export async function countCommuneChange(
  client: pg.PoolClient,
  commune: { communeCode: string; provinceCode: string },
  leftCommuneCode?: string,
): Promise<void> {
  const codes = [commune.communeCode];
  if (leftCommuneCode !== undefined && leftCommuneCode !== commune.communeCode) {
    codes.push(leftCommuneCode);
  }
  for (const code of codes.sort()) {
    if (code === commune.communeCode) {
      await client.query(
        `INSERT INTO ledger_commune (commune_code, province_code, changes) VALUES ($1, $2, 1)
         ON CONFLICT (commune_code) DO UPDATE SET changes = ledger_commune.changes + 1`,
        [commune.communeCode, commune.provinceCode],
      );
    } else {
      await client.query(
        'UPDATE ledger_commune SET changes = changes + 1 WHERE commune_code = $1',
        [code],
      );
    }
  }
}

/** Inserts or replaces the case row with the payee of the event. */
export async function upsertLedgerCase(client: pg.PoolClient, e: EntitlementEvent): Promise<void> {
  await client.query(
    `INSERT INTO ledger_case (case_id, case_code, kind, commune_code, province_code, last_sequence,
       full_name, citizen_id, payment_channel, bank_code, account_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (case_id) DO UPDATE SET case_code = EXCLUDED.case_code, kind = EXCLUDED.kind,
       commune_code = EXCLUDED.commune_code, province_code = EXCLUDED.province_code,
       last_sequence = EXCLUDED.last_sequence, full_name = EXCLUDED.full_name,
       citizen_id = EXCLUDED.citizen_id, payment_channel = EXCLUDED.payment_channel,
       bank_code = EXCLUDED.bank_code, account_number = EXCLUDED.account_number`,
    [
      e.caseId,
      e.caseCode,
      e.caseKind,
      e.communeCode,
      e.provinceCode,
      e.sequence,
      e.fullName,
      e.citizenId,
      e.paymentChannel,
      e.bankCode,
      e.accountNumber,
    ],
  );
}

/**
 * Replaces the segments of the case from `fromMonth` on: a segment running into that month is
 * cut at the month before, later ones are deleted, the new ones (clipped to `fromMonth`) added.
 */
export async function replaceSegmentsFrom(
  client: pg.PoolClient,
  caseId: string,
  fromMonth: string,
  segments: readonly LedgerSegment[],
): Promise<void> {
  const from = firstDayOf(fromMonth);
  await client.query(
    `UPDATE ledger_segment SET to_month = ($2::date - interval '1 month')::date
      WHERE case_id = $1 AND from_month < $2::date AND (to_month IS NULL OR to_month >= $2::date)`,
    [caseId, from],
  );
  await client.query('DELETE FROM ledger_segment WHERE case_id = $1 AND from_month >= $2::date', [
    caseId,
    from,
  ]);
  const kept = segments.filter((s) => s.toMonth === null || s.toMonth >= fromMonth);
  if (kept.length === 0) return;
  await client.query(
    `INSERT INTO ledger_segment (case_id, from_month, to_month, amount_vnd, coefficient_hundredths,
       base_level_vnd, category_code, decision_id)
     SELECT $1, greatest(f, $2::date), t, a, c, b, cat, d
       FROM unnest($3::date[], $4::date[], $5::bigint[], $6::int[], $7::bigint[], $8::text[], $9::text[])
         AS s(f, t, a, c, b, cat, d)`,
    [
      caseId,
      from,
      kept.map((s) => firstDayOf(s.fromMonth)),
      kept.map((s) => (s.toMonth === null ? null : firstDayOf(s.toMonth))),
      kept.map((s) => s.amountVnd),
      kept.map((s) => s.coefficientHundredths),
      kept.map((s) => s.baseLevelVnd),
      kept.map((s) => s.categoryCode),
      kept.map((s) => s.decisionId),
    ],
  );
}

/** Records the termination for death: payrolls from `effectiveMonth` on list no line. */
export async function recordDeath(client: pg.PoolClient, e: DeathEvent): Promise<void> {
  await client.query('UPDATE ledger_case SET death_month = $2::date WHERE case_id = $1', [
    e.caseId,
    firstDayOf(e.effectiveMonth),
  ]);
}

/** Appends the applied event to the ledger's change log. */
export async function logLedgerChange(
  client: pg.PoolClient,
  e: EntitlementEvent | DeathEvent,
  communeCode: string,
): Promise<void> {
  const entitlement = e.change === 'entitlement';
  await client.query(
    `INSERT INTO ledger_change (event_id, case_id, commune_code, change, sequence, from_month,
       decided_in_month)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date)`,
    [
      e.eventId,
      e.caseId,
      communeCode,
      e.change,
      entitlement ? e.sequence : null,
      firstDayOf(entitlement ? e.fromMonth : e.effectiveMonth),
      entitlement && e.decidedInMonth !== null ? firstDayOf(e.decidedInMonth) : null,
    ],
  );
}
