/** SQL of payment results: the lines they belong to, the write with its audit row. */
import type pg from 'pg';
import { vnd } from '../files/payment-file-store';
import type { LaterPayroll, LineOutcome, Outcome } from './result-rules';

type Queryable = pg.Pool | pg.PoolClient;

export interface ResultPayroll {
  id: string;
  communeCode: string;
  provinceCode: string;
  /** 'YYYY-MM' */
  month: string;
  status: 'draft' | 'approved' | 'closed';
}

/** A line as results need it, with its current result. */
export interface ResultLine {
  lineId: string;
  payrollId: string;
  caseCode: string;
  fullName: string;
  citizenId: string;
  channel: string;
  totalVnd: number;
  outcome: LineOutcome;
  reason: string;
  /** YYYY-MM-DD or undefined */
  paidOn: string | undefined;
  version: number;
}

const PAYROLL_COLUMNS = `p.id, p.commune_code AS "communeCode", p.province_code AS "provinceCode",
  to_char(p.month, 'YYYY-MM') AS month, p.status`;

export async function findResultPayroll(
  db: Queryable,
  id: string,
): Promise<ResultPayroll | undefined> {
  const res = await db.query<ResultPayroll>(
    `SELECT ${PAYROLL_COLUMNS} FROM payroll p WHERE p.id = $1`,
    [id],
  );
  return res.rows[0];
}

/** The payroll of a line, or undefined when the line does not exist. */
export async function findPayrollOfLine(
  db: Queryable,
  lineId: string,
): Promise<ResultPayroll | undefined> {
  const res = await db.query<ResultPayroll>(
    `SELECT ${PAYROLL_COLUMNS} FROM payroll_line l JOIN payroll p ON p.id = l.payroll_id
      WHERE l.id = $1`,
    [lineId],
  );
  return res.rows[0];
}

const LINE_SELECT = `SELECT l.id AS "lineId", l.payroll_id AS "payrollId", l.case_code AS "caseCode",
    l.full_name AS "fullName", l.citizen_id AS "citizenId", l.channel, l.total_vnd::text AS total,
    l.outcome, COALESCE(r.reason, l.outcome_reason) AS reason, r.paid_on::text AS "paidOn",
    COALESCE(r.version, 0) AS version
  FROM payroll_line l LEFT JOIN payment_result r ON r.line_id = l.id`;

type LineRow = Omit<ResultLine, 'totalVnd' | 'paidOn'> & { total: string; paidOn: string | null };
const lineOf = (r: LineRow): ResultLine => {
  const { total, paidOn, ...rest } = r;
  return { ...rest, totalVnd: vnd(total), paidOn: paidOn ?? undefined };
};

/** Serialises the result writes of one payroll (transaction-scoped). */
export async function lockPayrollResults(client: pg.PoolClient, payrollId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('payment_result'), hashtext($1))`, [
    payrollId,
  ]);
}

/** The lines of a payroll, locked for the write that follows (case-code order). */
export async function linesForUpdate(
  client: pg.PoolClient,
  payrollId: string,
): Promise<ResultLine[]> {
  const res = await client.query<LineRow>(
    `${LINE_SELECT} WHERE l.payroll_id = $1 ORDER BY l.case_code, l.id FOR UPDATE OF l`,
    [payrollId],
  );
  return res.rows.map(lineOf);
}

export async function linesOf(db: Queryable, payrollId: string): Promise<ResultLine[]> {
  const res = await db.query<LineRow>(
    `${LINE_SELECT} WHERE l.payroll_id = $1 ORDER BY l.case_code, l.id`,
    [payrollId],
  );
  return res.rows.map(lineOf);
}

export async function lineForUpdate(
  client: pg.PoolClient,
  lineId: string,
): Promise<ResultLine | undefined> {
  const res = await client.query<LineRow>(`${LINE_SELECT} WHERE l.id = $1 FOR UPDATE OF l`, [
    lineId,
  ]);
  const r = res.rows[0];
  return r === undefined ? undefined : lineOf(r);
}

/**
 * Payrolls of the commune after the month (their status bounds corrections), locked FOR
 * SHARE so that none is approved or closed before the transaction ends.
 */
export async function laterPayrolls(
  client: pg.PoolClient,
  communeCode: string,
  month: string,
): Promise<LaterPayroll[]> {
  const res = await client.query<LaterPayroll>(
    `SELECT to_char(month, 'YYYY-MM') AS month, status FROM payroll
      WHERE commune_code = $1 AND month > to_date($2, 'YYYY-MM') ORDER BY month FOR SHARE`,
    [communeCode, month],
  );
  return res.rows;
}

export interface ResultWrite {
  line: ResultLine;
  outcome: Outcome;
  reason: string;
  paidOn: string | undefined;
  amountVnd: number;
  source: 'console' | 'import';
  importId: string | undefined;
}

export interface Actor {
  userId: string;
  unitCode: string;
  at: Date;
}

/**
 * Writes the result of a line: payment_result (new version), the line's outcome that the
 * settlement rule reads, and the audit row with the values replaced. Call inside the
 * transaction that locked the line.
 */
export async function writeResult(
  client: pg.PoolClient,
  w: ResultWrite,
  actor: Actor,
): Promise<void> {
  await client.query(
    `INSERT INTO payment_result (line_id, payroll_id, outcome, amount_vnd, reason, paid_on, source,
       import_id, recorded_by, recorded_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)
     ON CONFLICT (line_id) DO UPDATE SET outcome = EXCLUDED.outcome,
       amount_vnd = EXCLUDED.amount_vnd, reason = EXCLUDED.reason, paid_on = EXCLUDED.paid_on,
       source = EXCLUDED.source, import_id = EXCLUDED.import_id,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
       version = payment_result.version + 1`,
    [
      w.line.lineId,
      w.line.payrollId,
      w.outcome,
      w.amountVnd,
      w.reason,
      w.paidOn ?? null,
      w.source,
      w.importId ?? null,
      actor.userId,
      actor.at,
    ],
  );
  await client.query(`UPDATE payroll_line SET outcome = $2, outcome_reason = $3 WHERE id = $1`, [
    w.line.lineId,
    w.outcome,
    w.reason,
  ]);
  await client.query(
    `INSERT INTO payment_result_change (line_id, payroll_id, outcome, amount_vnd, reason, paid_on,
       previous_outcome, previous_reason, previous_paid_on, source, import_id, changed_by,
       changed_unit, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      w.line.lineId,
      w.line.payrollId,
      w.outcome,
      w.amountVnd,
      w.reason,
      w.paidOn ?? null,
      w.line.outcome,
      w.line.reason,
      w.line.paidOn ?? null,
      w.source,
      w.importId ?? null,
      actor.userId,
      actor.unitCode,
      actor.at,
    ],
  );
}

/** True when the write would leave the line exactly as it is. */
export function isUnchanged(w: ResultWrite): boolean {
  return w.line.outcome === w.outcome && w.line.reason === w.reason && w.line.paidOn === w.paidOn;
}
