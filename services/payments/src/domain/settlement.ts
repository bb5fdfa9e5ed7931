/**
 * The settlement rule (quy tắc quyết toán) of one case in the payroll of month M: every month of
 * the window whose amount owed differs from what closed payrolls already settled becomes an
 * item: `current` for M, and for an earlier month `carried_over` (the unpaid amount of its
 * latest attempt, paid again now) plus `arrears` (truy lĩnh, positive) or `recovery` (thu hồi,
 * negative) for the rest of the difference, which a retroactive decision made. The line total
 * is the sum of its items. A case gets no line, but an exception, when its total is negative
 * (negative_net: the recovery is netted in later months), when a bank transfer has no valid
 * account (invalid_account), or when it was terminated because the person died and M is at or
 * after the termination's month (deceased_unsettled). Pure: the SQL of payrolls supplies the facts.
 */
import { type Month } from '@posa/platform';
import { accountProblem } from './payment-account';

export type ItemKind = 'current' | 'arrears' | 'recovery' | 'carried_over';
export const ITEM_KINDS: readonly ItemKind[] = ['current', 'arrears', 'recovery', 'carried_over'];

export type ExceptionKind = 'negative_net' | 'invalid_account' | 'deceased_unsettled';

export interface SettlementItem {
  forMonth: Month;
  kind: ItemKind;
  amountVnd: number;
}

/** What is known of one month of a case (months not given are owed 0 and settled 0). */
export interface CaseMonthFacts {
  month: Month;
  /** The ledger's amount for the month (0 when no segment covers it). */
  owedVnd: number;
  /** Sum of the month's items in lines of closed payrolls whose outcome is not `unpaid`. */
  settledVnd: number;
  /** The month's amount in the latest closed line that had it, when that line was unpaid. */
  lastUnpaidVnd: number;
}

export interface CaseSettlementInput {
  payrollMonth: Month;
  months: readonly CaseMonthFacts[];
  /** Termination because the person died: its effective month, else null. */
  deathMonth: Month | null;
  channel: string;
  bankCode: string;
  accountNumber: string;
  /** The bank code is in the bank reference list. */
  bankKnown: boolean;
}

export type CaseSettlement =
  | { outcome: 'none' }
  | { outcome: 'line'; items: SettlementItem[]; totalVnd: number }
  | {
      outcome: 'exception';
      exception: ExceptionKind;
      items: SettlementItem[];
      amountVnd: number;
      detail: string;
    };

const KIND_ORDER: Readonly<Record<ItemKind, number>> = {
  current: 0,
  carried_over: 1,
  arrears: 2,
  recovery: 3,
};

function checkAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be a safe integer VND`);
}

/** The items of a case for the payroll month, ordered by month then kind. */
export function settlementItems(
  payrollMonth: Month,
  months: readonly CaseMonthFacts[],
): SettlementItem[] {
  const items: SettlementItem[] = [];
  for (const f of months) {
    checkAmount(f.owedVnd, 'owedVnd');
    checkAmount(f.settledVnd, 'settledVnd');
    checkAmount(f.lastUnpaidVnd, 'lastUnpaidVnd');
    if (f.month > payrollMonth) continue;
    const difference = f.owedVnd - f.settledVnd;
    if (difference === 0) continue;
    let rest = difference;
    if (f.month === payrollMonth) {
      items.push({ forMonth: f.month, kind: rest > 0 ? 'current' : 'recovery', amountVnd: rest });
      continue;
    }
    if (f.lastUnpaidVnd !== 0) {
      items.push({ forMonth: f.month, kind: 'carried_over', amountVnd: f.lastUnpaidVnd });
      rest -= f.lastUnpaidVnd;
    }
    if (rest > 0) items.push({ forMonth: f.month, kind: 'arrears', amountVnd: rest });
    if (rest < 0) items.push({ forMonth: f.month, kind: 'recovery', amountVnd: rest });
  }
  return items.sort((a, b) =>
    a.forMonth === b.forMonth
      ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
      : a.forMonth < b.forMonth
        ? -1
        : 1,
  );
}

export function sumOfItems(items: readonly SettlementItem[]): number {
  let total = 0;
  for (const item of items) total += item.amountVnd;
  if (!Number.isSafeInteger(total)) throw new RangeError('line total exceeds a safe integer');
  return total;
}

/** Settles one case for the payroll month: a line, an exception or nothing. */
export function settleCase(input: CaseSettlementInput): CaseSettlement {
  const items = settlementItems(input.payrollMonth, input.months);
  if (items.length === 0) return { outcome: 'none' };
  const totalVnd = sumOfItems(items);
  if (input.deathMonth !== null && input.payrollMonth >= input.deathMonth) {
    return {
      outcome: 'exception',
      exception: 'deceased_unsettled',
      items,
      amountVnd: totalVnd,
      detail: `terminated (deceased) from ${input.deathMonth}: unsettled months are not paid as a line`,
    };
  }
  if (totalVnd < 0) {
    return {
      outcome: 'exception',
      exception: 'negative_net',
      items,
      amountVnd: totalVnd,
      detail: 'recovery exceeds what is owed: netted in later months',
    };
  }
  const problem = accountProblem(
    input.channel,
    input.bankCode,
    input.accountNumber,
    input.bankKnown,
  );
  if (problem !== null) {
    return {
      outcome: 'exception',
      exception: 'invalid_account',
      items,
      amountVnd: totalVnd,
      detail: problem,
    };
  }
  return { outcome: 'line', items, totalVnd };
}
