/**
 * SQL of payrolls (migrations/0002_payrolls.sql): the payroll row with its totals, channel
 * totals and exceptions, lists in keyset pages, and the status changes of approval and closing.
 */
import { type Month } from '@posa/platform';
import type pg from 'pg';
import type { PayrollTotals } from '../domain/payroll-totals';

export type PayrollStatus = 'draft' | 'approved' | 'closed';
export type Db = pg.Pool | pg.PoolClient;

export interface PayrollException {
  caseId: string;
  caseCode: string;
  kind: string;
  amountVnd: number;
  detail: string;
}

export interface PayrollRow {
  id: string;
  communeCode: string;
  provinceCode: string;
  month: Month;
  status: PayrollStatus;
  generation: number;
  generatedAt: Date;
  generatedBy: string;
  ledgerChanges: number;
  settlementDigest: string;
  totals: PayrollTotals;
  approvedBy: string | null;
  approvedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  version: number;
}

export interface PayrollDetail extends PayrollRow {
  channels: Array<{ channel: string; totals: PayrollTotals }>;
  exceptions: PayrollException[];
}

const COLUMNS = `id, commune_code, province_code, to_char(month, 'YYYY-MM') AS month, status,
  generation, generated_at, generated_by, ledger_changes, settlement_digest, lines, current_vnd,
  arrears_vnd, recovery_vnd, carried_over_vnd, total_vnd, approved_by, approved_at, closed_by,
  closed_at, version`;

type Row = Record<string, unknown>;

export function totalsOfRow(r: Row): PayrollTotals {
  return {
    lines: Number(r.lines),
    currentVnd: Number(r.current_vnd),
    arrearsVnd: Number(r.arrears_vnd),
    recoveryVnd: Number(r.recovery_vnd),
    carriedOverVnd: Number(r.carried_over_vnd),
    totalVnd: Number(r.total_vnd),
  };
}

function payrollOf(r: Row): PayrollRow {
  return {
    id: String(r.id),
    communeCode: String(r.commune_code),
    provinceCode: String(r.province_code),
    month: String(r.month),
    status: r.status as PayrollStatus,
    generation: Number(r.generation),
    generatedAt: r.generated_at as Date,
    generatedBy: String(r.generated_by),
    ledgerChanges: Number(r.ledger_changes),
    settlementDigest: String(r.settlement_digest),
    totals: totalsOfRow(r),
    approvedBy: (r.approved_by as string | null) ?? null,
    approvedAt: (r.approved_at as Date | null) ?? null,
    closedBy: (r.closed_by as string | null) ?? null,
    closedAt: (r.closed_at as Date | null) ?? null,
    version: Number(r.version),
  };
}

export async function loadPayroll(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<PayrollRow | undefined> {
  const res = await db.query(
    `SELECT ${COLUMNS} FROM payroll WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0] ? payrollOf(res.rows[0] as Row) : undefined;
}

export async function loadPayrollOf(
  db: Db,
  communeCode: string,
  month: Month,
  forUpdate = false,
): Promise<PayrollRow | undefined> {
  const res = await db.query(
    `SELECT ${COLUMNS} FROM payroll WHERE commune_code = $1 AND month = $2::date${forUpdate ? ' FOR UPDATE' : ''}`,
    [communeCode, `${month}-01`],
  );
  return res.rows[0] ? payrollOf(res.rows[0] as Row) : undefined;
}

/** Channel totals and exceptions of a payroll. */
export async function loadPayrollDetail(db: Db, row: PayrollRow): Promise<PayrollDetail> {
  const channels = await db.query(
    `SELECT channel, lines, current_vnd, arrears_vnd, recovery_vnd, carried_over_vnd, total_vnd
       FROM payroll_channel_total WHERE payroll_id = $1 ORDER BY channel`,
    [row.id],
  );
  const exceptions = await db.query<{
    case_id: string;
    case_code: string;
    kind: string;
    amount_vnd: string;
    detail: string;
  }>(
    `SELECT case_id, case_code, kind, amount_vnd, detail FROM payroll_exception
      WHERE payroll_id = $1 ORDER BY case_code, case_id`,
    [row.id],
  );
  return {
    ...row,
    channels: channels.rows.map((r: Row) => ({
      channel: String(r.channel),
      totals: totalsOfRow(r),
    })),
    exceptions: exceptions.rows.map((r) => ({
      caseId: r.case_id,
      caseCode: r.case_code,
      kind: r.kind,
      amountVnd: Number(r.amount_vnd),
      detail: r.detail,
    })),
  };
}

export interface PayrollFilter {
  communeCode?: string;
  provinceCode?: string;
  month?: Month;
  status?: PayrollStatus;
  /** Keyset: the (month, commune) of the last payroll of the previous page. */
  after?: { month: Month; communeCode: string };
  limit: number;
}

/** Payrolls, newest month first, then by commune code. */
export async function listPayrolls(db: Db, f: PayrollFilter): Promise<PayrollRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.communeCode !== undefined) add('commune_code = ?', f.communeCode);
  if (f.provinceCode !== undefined) add('province_code = ?', f.provinceCode);
  if (f.month !== undefined) add('month = ?::date', `${f.month}-01`);
  if (f.status !== undefined) add('status = ?', f.status);
  if (f.after !== undefined) {
    params.push(`${f.after.month}-01`, f.after.communeCode);
    where.push(
      `(month < $${params.length - 1}::date OR (month = $${params.length - 1}::date AND commune_code > $${params.length}))`,
    );
  }
  params.push(f.limit);
  const res = await db.query(
    `SELECT ${COLUMNS} FROM payroll ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY month DESC, commune_code LIMIT $${params.length}`,
    params,
  );
  return res.rows.map((r: Row) => payrollOf(r));
}

/** approved (by the approver) or closed; bumps the version. */
export async function setPayrollStatus(
  client: pg.PoolClient,
  id: string,
  status: 'approved' | 'closed',
  actorId: string,
): Promise<void> {
  const sql =
    status === 'approved'
      ? `UPDATE payroll SET status = 'approved', approved_by = $2, approved_at = now(), version = version + 1 WHERE id = $1`
      : `UPDATE payroll SET status = 'closed', closed_by = $2, closed_at = now(), version = version + 1 WHERE id = $1`;
  await client.query(sql, [id, actorId]);
}
