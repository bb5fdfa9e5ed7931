/**
 * The payroll bench's baseline: one bare INSERT … SELECT that writes the month's lines (one per
 * case whose segment covers the month, with its amount) into a scratch table shaped like
 * payroll_line, without items, exceptions, totals, locks or triggers. On a ledger where every
 * case starts its first payroll this month (no earlier month to settle), it produces the same
 * lines and total as the real generation; the bench checks that they agree.
 */
import type pg from 'pg';
import { ACCOUNT_NUMBER_PATTERN } from '../../../services/payments/src/domain/payment-account';

export interface LinesTotal {
  lines: number;
  /** Sum of the lines' totals, as text (bigint). */
  totalVnd: string;
}

/** Writes the scratch lines (replacing those of a previous run); returns their count and sum. */
export async function baselineLines(pool: pg.Pool, month: string): Promise<LinesTotal> {
  const first = `${month}-01`;
  await pool.query('DROP TABLE IF EXISTS bench_baseline_line');
  await pool.query(`CREATE TABLE bench_baseline_line (LIKE payroll_line INCLUDING DEFAULTS)`);
  await pool.query(
    `INSERT INTO bench_baseline_line (id, payroll_id, case_id, case_code, full_name, citizen_id,
       channel, bank_code, account_number, total_vnd)
     SELECT gen_random_uuid(), md5(c.commune_code || $1::text)::uuid, c.case_id, c.case_code,
            c.full_name, c.citizen_id, c.payment_channel, c.bank_code, c.account_number,
            s.amount_vnd
       FROM ledger_case c
       JOIN ledger_segment s
         ON s.case_id = c.case_id AND s.from_month <= $1::date
        AND (s.to_month IS NULL OR s.to_month >= $1::date)
      WHERE s.amount_vnd > 0 AND (c.death_month IS NULL OR c.death_month > $1::date)
        AND (c.payment_channel <> 'bank_transfer'
             OR (c.account_number ~ $2 AND EXISTS (SELECT 1 FROM bank_code b WHERE b.code = c.bank_code)))`,
    [first, ACCOUNT_NUMBER_PATTERN],
  );
  const { rows } = await pool.query<{ lines: string; total: string | null }>(
    'SELECT count(*) AS lines, sum(total_vnd) AS total FROM bench_baseline_line',
  );
  return { lines: Number(rows[0]!.lines), totalVnd: rows[0]!.total ?? '0' };
}

/** Lines and total of the generated payrolls of the month. */
export async function generatedLines(pool: pg.Pool, month: string): Promise<LinesTotal> {
  const { rows } = await pool.query<{ lines: string; total: string | null }>(
    `SELECT count(*) AS lines, sum(l.total_vnd) AS total
       FROM payroll p JOIN payroll_line l ON l.payroll_id = p.id
      WHERE p.month = $1::date`,
    [`${month}-01`],
  );
  return { lines: Number(rows[0]!.lines), totalVnd: rows[0]!.total ?? '0' };
}

/**
 * Removes the payrolls of earlier runs and their events (a bench database only: results and
 * files go too).
 */
export async function clearPayrolls(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE payroll, payroll_line, payroll_item, posa_outbox CASCADE');
}
