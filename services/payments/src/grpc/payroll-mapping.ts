/** Payroll rows to the messages of PayrollService (money as decimal strings of VND). */
import {
  PayrollStatus,
  type Payroll,
  type PayrollLine,
  type PayrollTotals as PayrollTotalsMessage,
} from '@posa/proto';
import { InvalidArgumentError, monthToProto } from '@posa/platform';
import type { PayrollTotals } from '../domain/payroll-totals';
import type { PayrollLineRow } from '../store/payroll-lines-store';
import type { PayrollDetail, PayrollRow, PayrollStatus as Status } from '../store/payroll-store';

const STATUS: Readonly<Record<Status, PayrollStatus>> = {
  draft: PayrollStatus.PAYROLL_STATUS_DRAFT,
  approved: PayrollStatus.PAYROLL_STATUS_APPROVED,
  closed: PayrollStatus.PAYROLL_STATUS_CLOSED,
};

/** The status filter of a list (undefined for UNSPECIFIED). */
export function statusFromProto(value: PayrollStatus): Status | undefined {
  if (value === PayrollStatus.PAYROLL_STATUS_UNSPECIFIED) return undefined;
  const found = (Object.keys(STATUS) as Status[]).find((s) => STATUS[s] === value);
  if (found === undefined) throw new InvalidArgumentError('status', 'is not a payroll status');
  return found;
}

export function totalsToProto(t: PayrollTotals): PayrollTotalsMessage {
  return {
    lines: t.lines,
    currentVnd: String(t.currentVnd),
    arrearsVnd: String(t.arrearsVnd),
    recoveryVnd: String(t.recoveryVnd),
    carriedOverVnd: String(t.carriedOverVnd),
    totalVnd: String(t.totalVnd),
  };
}

/** A payroll; channels and exceptions only when the detail is given. */
export function payrollToProto(row: PayrollRow | PayrollDetail): Payroll {
  const detail = 'channels' in row ? row : undefined;
  return {
    payrollId: row.id,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    month: monthToProto(row.month),
    status: STATUS[row.status],
    totals: totalsToProto(row.totals),
    channels: (detail?.channels ?? []).map((c) => ({
      channel: c.channel,
      totals: totalsToProto(c.totals),
    })),
    exceptions: (detail?.exceptions ?? []).map((e) => ({
      caseId: e.caseId,
      caseCode: e.caseCode,
      kind: e.kind,
      amountVnd: String(e.amountVnd),
      detail: e.detail,
    })),
    generation: row.generation,
    generatedAt: row.generatedAt,
    approvedBy: row.approvedBy ?? '',
    approvedAt: row.approvedAt ?? undefined,
    closedBy: row.closedBy ?? '',
    closedAt: row.closedAt ?? undefined,
    version: row.version,
  };
}

/** The last 4 digits of a citizen ID ("" when none): lists never show the whole number. */
export function maskCitizenId(citizenId: string): string {
  return citizenId === '' ? '' : `********${citizenId.slice(-4)}`;
}

export function lineToProto(row: PayrollLineRow): PayrollLine {
  return {
    lineId: row.id,
    caseId: row.caseId,
    caseCode: row.caseCode,
    fullName: row.fullName,
    citizenId: maskCitizenId(row.citizenId),
    channel: row.channel,
    bankCode: row.bankCode,
    accountNumber: row.accountNumber,
    items: row.items.map((i) => ({
      forMonth: monthToProto(i.forMonth),
      kind: i.kind,
      amountVnd: String(i.amountVnd),
    })),
    totalVnd: String(row.totalVnd),
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
  };
}
