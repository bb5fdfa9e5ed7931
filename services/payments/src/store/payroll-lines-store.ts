/** The lines of a payroll with their items, in keyset pages ordered by case code and line id. */
import type { SettlementItem } from '../domain/settlement';
import type { Db } from './payroll-store';

export interface PayrollLineRow {
  id: string;
  caseId: string;
  caseCode: string;
  fullName: string;
  citizenId: string;
  channel: string;
  bankCode: string;
  accountNumber: string;
  items: SettlementItem[];
  totalVnd: number;
  outcome: string;
  outcomeReason: string;
}

export interface LineFilter {
  payrollId: string;
  channel?: string;
  after?: { caseCode: string; id: string };
  limit: number;
}

export async function listPayrollLines(db: Db, f: LineFilter): Promise<PayrollLineRow[]> {
  const params: unknown[] = [f.payrollId];
  let where = 'payroll_id = $1';
  if (f.channel !== undefined) {
    params.push(f.channel);
    where += ` AND channel = $${params.length}`;
  }
  if (f.after !== undefined) {
    params.push(f.after.caseCode, f.after.id);
    where += ` AND (case_code, id) > ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(f.limit);
  const lines = await db.query<{
    id: string;
    case_id: string;
    case_code: string;
    full_name: string;
    citizen_id: string;
    channel: string;
    bank_code: string;
    account_number: string;
    total_vnd: string;
    outcome: string;
    outcome_reason: string;
  }>(
    `SELECT id, case_id, case_code, full_name, citizen_id, channel, bank_code, account_number,
            total_vnd, outcome, outcome_reason
       FROM payroll_line WHERE ${where} ORDER BY case_code, id LIMIT $${params.length}`,
    params,
  );
  if (lines.rows.length === 0) return [];
  const items = await db.query<{
    line_id: string;
    for_month: string;
    kind: string;
    amount_vnd: string;
  }>(
    `SELECT line_id, to_char(for_month, 'YYYY-MM') AS for_month, kind, amount_vnd FROM payroll_item
      WHERE line_id = ANY($1::uuid[])
      ORDER BY line_id, for_month,
        array_position(ARRAY['current', 'carried_over', 'arrears', 'recovery'], kind)`,
    [lines.rows.map((l) => l.id)],
  );
  const byLine = new Map<string, SettlementItem[]>();
  for (const i of items.rows) {
    const list = byLine.get(i.line_id) ?? [];
    list.push({
      forMonth: i.for_month,
      kind: i.kind as SettlementItem['kind'],
      amountVnd: Number(i.amount_vnd),
    });
    byLine.set(i.line_id, list);
  }
  return lines.rows.map((l) => ({
    id: l.id,
    caseId: l.case_id,
    caseCode: l.case_code,
    fullName: l.full_name,
    citizenId: l.citizen_id,
    channel: l.channel,
    bankCode: l.bank_code,
    accountNumber: l.account_number,
    items: byLine.get(l.id) ?? [],
    totalVnd: Number(l.total_vnd),
    outcome: l.outcome,
    outcomeReason: l.outcome_reason,
  }));
}
