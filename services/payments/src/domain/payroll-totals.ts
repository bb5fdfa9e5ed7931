/**
 * Totals of a payroll (tổng hợp danh sách chi trả): per item kind, the number of lines and what
 * is paid out, for the whole payroll and per payment channel. The SQL of generation computes
 * the stored totals; this is the same arithmetic for checks and tests.
 */
import type { ItemKind, SettlementItem } from './settlement';

export interface PayrollTotals {
  lines: number;
  currentVnd: number;
  arrearsVnd: number;
  recoveryVnd: number;
  carriedOverVnd: number;
  totalVnd: number;
}

export interface TotalledLine {
  channel: string;
  items: readonly SettlementItem[];
  totalVnd: number;
}

export const ZERO_TOTALS: PayrollTotals = {
  lines: 0,
  currentVnd: 0,
  arrearsVnd: 0,
  recoveryVnd: 0,
  carriedOverVnd: 0,
  totalVnd: 0,
};

const FIELD: Readonly<Record<ItemKind, keyof PayrollTotals>> = {
  current: 'currentVnd',
  arrears: 'arrearsVnd',
  recovery: 'recoveryVnd',
  carried_over: 'carriedOverVnd',
};

function safeAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('payroll total exceeds a safe integer');
  return sum;
}

export function addLine(totals: PayrollTotals, line: TotalledLine): PayrollTotals {
  const next = {
    ...totals,
    lines: totals.lines + 1,
    totalVnd: safeAdd(totals.totalVnd, line.totalVnd),
  };
  for (const item of line.items)
    next[FIELD[item.kind]] = safeAdd(next[FIELD[item.kind]], item.amountVnd);
  return next;
}

export function totalsOf(lines: readonly TotalledLine[]): PayrollTotals {
  return lines.reduce(addLine, ZERO_TOTALS);
}

/** Totals per channel, channels in name order. */
export function totalsByChannel(lines: readonly TotalledLine[]): Map<string, PayrollTotals> {
  const byChannel = new Map<string, PayrollTotals>();
  for (const line of lines) {
    byChannel.set(line.channel, addLine(byChannel.get(line.channel) ?? ZERO_TOTALS, line));
  }
  return new Map([...byChannel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
