/**
 * The SQL steps of payroll generation, all in the generating transaction. The differences
 * between what the ledger owes and what closed payrolls settled are computed set-based into a
 * temporary table; the common case (a case whose only difference is the payroll month itself,
 * payable as recorded) becomes lines and items with INSERT … SELECT; the other cases go through
 * payroll-settled-store.ts.
 */
import type pg from 'pg';
import { ACCOUNT_NUMBER_PATTERN } from '../domain/payment-account';

/** Lock key space of payroll generation (pg_advisory_xact_lock(key, hash of commune and month)). */
export const GENERATION_LOCK = 60_601;

export async function lockGeneration(client: pg.PoolClient, communeCode: string, month: string) {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    GENERATION_LOCK,
    `${communeCode}:${month}`,
  ]);
}

/**
 * The commune's ledger change count, share-locked so no change commits while generating. The
 * row is created first when missing: with no row to lock, a first event of the commune could
 * commit between this read and the reading of the ledger (each statement sees what has
 * committed by then), and the count kept with the payroll would lag behind its lines.
 */
export async function lockLedgerChanges(
  client: pg.PoolClient,
  commune: { communeCode: string; provinceCode: string },
): Promise<number> {
  await client.query(
    `INSERT INTO ledger_commune (commune_code, province_code, changes) VALUES ($1, $2, 0)
     ON CONFLICT (commune_code) DO NOTHING`,
    [commune.communeCode, commune.provinceCode],
  );
  const res = await client.query<{ changes: string }>(
    'SELECT changes FROM ledger_commune WHERE commune_code = $1 FOR SHARE',
    [commune.communeCode],
  );
  return Number(res.rows[0]?.changes ?? 0);
}

/** Digest of the outcomes of the commune's closed lines (results change what is settled). */
export async function settlementDigest(
  db: pg.PoolClient | pg.Pool,
  communeCode: string,
): Promise<string> {
  const res = await db.query<{ digest: string }>(
    `SELECT md5(coalesce(string_agg(l.id::text || ':' || l.outcome, ',' ORDER BY l.id), '')) AS digest
       FROM payroll_line l JOIN payroll p ON p.id = l.payroll_id
      WHERE p.commune_code = $1 AND p.status = 'closed'`,
    [communeCode],
  );
  return res.rows[0]!.digest;
}

/** Removes what a draft held before it is generated again. */
export async function clearDraft(client: pg.PoolClient, payrollId: string): Promise<void> {
  for (const table of [
    'payroll_exception',
    'payroll_channel_total',
    'payroll_item',
    'payroll_line',
  ]) {
    await client.query(`DELETE FROM ${table} WHERE payroll_id = $1`, [payrollId]);
  }
}

/**
 * owed − settled per case of the commune and month of the window [from, to] where it is not
 * zero, into the temporary table payroll_diff (emptied at commit).
 */
export async function computeDifferences(
  client: pg.PoolClient,
  communeCode: string,
  from: string,
  to: string,
): Promise<number> {
  // Created once per session and emptied at each commit: creating and dropping a table for
  // every commune cost more than the rest of a small commune's generation.
  await client.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS payroll_diff (case_id uuid NOT NULL, month date NOT NULL,
       owed bigint NOT NULL, settled bigint NOT NULL, PRIMARY KEY (case_id, month))
       ON COMMIT DELETE ROWS`,
  );
  const res = await client.query(
    `INSERT INTO payroll_diff (case_id, month, owed, settled)
     WITH cases AS (SELECT case_id FROM ledger_case WHERE commune_code = $1),
     months AS (SELECT generate_series($2::date, $3::date, interval '1 month')::date AS month),
     owed AS (
       SELECT s.case_id, m.month, sum(s.amount_vnd) AS owed
         FROM ledger_segment s JOIN cases c ON c.case_id = s.case_id
         JOIN months m ON m.month >= s.from_month AND (s.to_month IS NULL OR m.month <= s.to_month)
        GROUP BY s.case_id, m.month),
     settled AS (
       SELECT i.case_id, i.for_month AS month, sum(i.amount_vnd) AS settled
         FROM payroll_item i JOIN cases c ON c.case_id = i.case_id
         JOIN payroll p ON p.id = i.payroll_id JOIN payroll_line l ON l.id = i.line_id
        WHERE p.status = 'closed' AND l.outcome <> 'unpaid' AND i.for_month BETWEEN $2::date AND $3::date
        GROUP BY i.case_id, i.for_month)
     SELECT case_id, month, coalesce(o.owed, 0), coalesce(s.settled, 0)
       FROM owed o FULL JOIN settled s USING (case_id, month)
      WHERE coalesce(o.owed, 0) <> coalesce(s.settled, 0)`,
    [communeCode, `${from}-01`, `${to}-01`],
  );
  return res.rowCount ?? 0;
}

/**
 * Lines and `current` items of the common case, set-based: the case's only difference is the
 * payroll month, positive, no termination for death reaches it, and a bank transfer names a
 * known bank and a well-formed account. Line ids derive from the payroll and the case.
 */
export async function insertCommonLines(
  client: pg.PoolClient,
  payrollId: string,
  month: string,
): Promise<number> {
  // One statement writes the lines and their `current` items (one round trip, one pass).
  const res = await client.query(
    `WITH line AS (
     INSERT INTO payroll_line (id, payroll_id, case_id, case_code, full_name, citizen_id, channel,
       bank_code, account_number, total_vnd)
     SELECT md5($1::text || ':' || c.case_id::text)::uuid, $1::uuid, c.case_id, c.case_code, c.full_name,
            c.citizen_id, c.payment_channel, c.bank_code, c.account_number, d.owed - d.settled
       FROM payroll_diff d JOIN ledger_case c ON c.case_id = d.case_id
      WHERE d.month = $2::date AND d.owed - d.settled > 0
        AND NOT EXISTS (SELECT 1 FROM payroll_diff o WHERE o.case_id = d.case_id AND o.month <> $2::date)
        AND (c.death_month IS NULL OR c.death_month > $2::date)
        AND (c.payment_channel <> 'bank_transfer'
             OR (c.account_number ~ $3 AND EXISTS (SELECT 1 FROM bank_code b WHERE b.code = c.bank_code)))
     RETURNING id, payroll_id, case_id, total_vnd)
     INSERT INTO payroll_item (line_id, payroll_id, case_id, for_month, kind, amount_vnd)
     SELECT id, payroll_id, case_id, $2::date, 'current', total_vnd FROM line`,
    [payrollId, `${month}-01`, ACCOUNT_NUMBER_PATTERN],
  );
  return res.rowCount ?? 0;
}

/** Channel totals from the lines and items, then the payroll's totals from the channels. */
export async function writeTotals(client: pg.PoolClient, payrollId: string): Promise<void> {
  await client.query(
    `INSERT INTO payroll_channel_total (payroll_id, channel, lines, current_vnd, arrears_vnd,
       recovery_vnd, carried_over_vnd, total_vnd)
     SELECT $1, l.channel, count(*), coalesce(sum(i.cur), 0), coalesce(sum(i.arr), 0),
            coalesce(sum(i.rec), 0), coalesce(sum(i.car), 0), sum(l.total_vnd)
       FROM payroll_line l
       JOIN (SELECT line_id,
                    sum(amount_vnd) FILTER (WHERE kind = 'current') AS cur,
                    sum(amount_vnd) FILTER (WHERE kind = 'arrears') AS arr,
                    sum(amount_vnd) FILTER (WHERE kind = 'recovery') AS rec,
                    sum(amount_vnd) FILTER (WHERE kind = 'carried_over') AS car
               FROM payroll_item WHERE payroll_id = $1 GROUP BY line_id) i ON i.line_id = l.id
      WHERE l.payroll_id = $1
      GROUP BY l.channel`,
    [payrollId],
  );
  await client.query(
    `UPDATE payroll p SET lines = t.lines, current_vnd = t.cur, arrears_vnd = t.arr,
            recovery_vnd = t.rec, carried_over_vnd = t.car, total_vnd = t.tot
       FROM (SELECT coalesce(sum(lines), 0) AS lines, coalesce(sum(current_vnd), 0) AS cur,
                    coalesce(sum(arrears_vnd), 0) AS arr, coalesce(sum(recovery_vnd), 0) AS rec,
                    coalesce(sum(carried_over_vnd), 0) AS car, coalesce(sum(total_vnd), 0) AS tot
               FROM payroll_channel_total WHERE payroll_id = $1) t
      WHERE p.id = $1`,
    [payrollId],
  );
}
