import { addMonths, monthsBetween, type Month } from '@posa/platform';
import fc from 'fast-check';
import {
  settleCase,
  settlementItems,
  sumOfItems,
  type CaseMonthFacts,
  type CaseSettlementInput,
  type SettlementItem,
} from './settlement';

const START: Month = '2026-01';
const amount = fc.integer({ min: 0, max: 5_000_000 });

function input(partial: Partial<CaseSettlementInput>): CaseSettlementInput {
  return {
    payrollMonth: START,
    months: [],
    deathMonth: null,
    channel: 'cash_at_commune',
    bankCode: '',
    accountNumber: '',
    bankKnown: false,
    ...partial,
  };
}

/** An item of a closed line as the payroll tables keep it. */
interface PaidItem extends SettlementItem {
  payrollMonth: Month;
  outcome: 'paid' | 'unpaid' | 'returned';
}

/** The facts of each month from the closed items, as the generation SQL computes them. */
function factsFrom(owed: Map<Month, number>, history: readonly PaidItem[], window: Month[]) {
  return window.map((month): CaseMonthFacts => {
    const ofMonth = history.filter((i) => i.forMonth === month);
    const settledVnd = ofMonth
      .filter((i) => i.outcome !== 'unpaid')
      .reduce((s, i) => s + i.amountVnd, 0);
    const latest = ofMonth.reduce<Month | null>(
      (m, i) => (m === null || i.payrollMonth > m ? i.payrollMonth : m),
      null,
    );
    const last = ofMonth.filter((i) => i.payrollMonth === latest);
    const lastUnpaidVnd =
      last[0]?.outcome === 'unpaid' ? last.reduce((s, i) => s + i.amountVnd, 0) : 0;
    return { month, owedVnd: owed.get(month) ?? 0, settledVnd, lastUnpaidVnd };
  });
}

describe('settlementItems', () => {
  it('gives the current month alone when the past is settled', () => {
    const items = settlementItems('2026-03', [
      { month: '2026-02', owedVnd: 750_000, settledVnd: 750_000, lastUnpaidVnd: 0 },
      { month: '2026-03', owedVnd: 750_000, settledVnd: 0, lastUnpaidVnd: 0 },
    ]);
    expect(items).toEqual([{ forMonth: '2026-03', kind: 'current', amountVnd: 750_000 }]);
  });

  it('splits an unpaid month raised afterwards into carried over and arrears', () => {
    const items = settlementItems('2026-03', [
      { month: '2026-02', owedVnd: 1_000_000, settledVnd: 0, lastUnpaidVnd: 750_000 },
      { month: '2026-03', owedVnd: 1_000_000, settledVnd: 0, lastUnpaidVnd: 0 },
    ]);
    expect(items).toEqual([
      { forMonth: '2026-02', kind: 'carried_over', amountVnd: 750_000 },
      { forMonth: '2026-02', kind: 'arrears', amountVnd: 250_000 },
      { forMonth: '2026-03', kind: 'current', amountVnd: 1_000_000 },
    ]);
  });

  it('never pays a month after the payroll month', () => {
    const items = settlementItems('2026-03', [
      { month: '2026-04', owedVnd: 500_000, settledVnd: 0, lastUnpaidVnd: 0 },
    ]);
    expect(items).toEqual([]);
  });

  it('makes every month settle exactly its difference, with signed kinds', () => {
    const facts = fc.record({
      owedVnd: amount,
      settledVnd: amount,
      lastUnpaidVnd: fc.oneof(fc.constant(0), amount),
    });
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 12 }), (list) => {
        const months = list.map((f, i) => ({ ...f, month: addMonths(START, i) }));
        const payrollMonth = addMonths(START, list.length - 1);
        const items = settlementItems(payrollMonth, months);
        for (const f of months) {
          const sum = items
            .filter((i) => i.forMonth === f.month)
            .reduce((s, i) => s + i.amountVnd, 0);
          expect(sum).toBe(f.owedVnd - f.settledVnd);
        }
        for (const item of items) {
          expect(item.amountVnd).not.toBe(0);
          if (item.kind === 'arrears' || item.kind === 'current')
            expect(item.amountVnd).toBeGreaterThan(0);
          if (item.kind === 'recovery') expect(item.amountVnd).toBeLessThan(0);
          if (item.kind === 'current') expect(item.forMonth).toBe(payrollMonth);
        }
        // Same facts in another order: identical items (regeneration gives identical lines).
        expect(settlementItems(payrollMonth, [...months].reverse())).toEqual(items);
      }),
    );
  });
});

describe('settleCase', () => {
  it('lists a negative net as an exception, without a line', () => {
    const result = settleCase(
      input({
        payrollMonth: '2026-03',
        months: [
          { month: '2026-02', owedVnd: 0, settledVnd: 1_500_000, lastUnpaidVnd: 0 },
          { month: '2026-03', owedVnd: 500_000, settledVnd: 0, lastUnpaidVnd: 0 },
        ],
      }),
    );
    expect(result).toMatchObject({
      outcome: 'exception',
      exception: 'negative_net',
      amountVnd: -1_000_000,
    });
  });

  it('refuses a bank transfer without a valid account', () => {
    const result = settleCase(
      input({
        months: [{ month: START, owedVnd: 500_000, settledVnd: 0, lastUnpaidVnd: 0 }],
        channel: 'bank_transfer',
        bankCode: 'VCB',
        accountNumber: '12-34',
        bankKnown: true,
      }),
    );
    expect(result).toMatchObject({
      outcome: 'exception',
      exception: 'invalid_account',
      amountVnd: 500_000,
    });
  });

  it('pays a bank transfer to a listed bank and a well-formed account', () => {
    const result = settleCase(
      input({
        months: [{ month: START, owedVnd: 500_000, settledVnd: 0, lastUnpaidVnd: 0 }],
        channel: 'bank_transfer',
        bankCode: 'VBSP',
        accountNumber: '1234567890',
        bankKnown: true,
      }),
    );
    expect(result).toEqual({
      outcome: 'line',
      items: [{ forMonth: START, kind: 'current', amountVnd: 500_000 }],
      totalVnd: 500_000,
    });
  });

  it('pays no line from the month of a termination for death', () => {
    const months = [
      { month: '2026-01', owedVnd: 500_000, settledVnd: 0, lastUnpaidVnd: 500_000 },
      { month: '2026-02', owedVnd: 0, settledVnd: 0, lastUnpaidVnd: 0 },
    ];
    expect(
      settleCase(input({ payrollMonth: '2026-02', months, deathMonth: '2026-02' })),
    ).toMatchObject({
      outcome: 'exception',
      exception: 'deceased_unsettled',
      amountVnd: 500_000,
    });
    expect(
      settleCase(input({ payrollMonth: '2026-01', months, deathMonth: '2026-02' })),
    ).toMatchObject({
      outcome: 'line',
      totalVnd: 500_000,
    });
    expect(
      settleCase(input({ payrollMonth: '2026-03', months: [], deathMonth: '2026-02' })),
    ).toEqual({ outcome: 'none' });
  });

  it('pays everything owed exactly once over months of changes and outcomes', () => {
    // Each month: the owed amounts of some months may change retroactively (truy lĩnh / thu
    // hồi), the payroll is settled and the agent reports paid, unpaid or returned. A last
    // payroll paid in full must leave every month settled at what is owed, or be a negative net.
    const step = fc.record({
      changes: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), amount), { maxLength: 3 }),
      outcome: fc.constantFrom('paid' as const, 'unpaid' as const, 'returned' as const),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), amount, (steps, base) => {
        const owed = new Map<Month, number>();
        const history: PaidItem[] = [];
        const months = monthsBetween(START, addMonths(START, steps.length));
        months.forEach((m) => owed.set(m, base));
        const settle = (payrollMonth: Month) =>
          settleCase(
            input({
              payrollMonth,
              months: factsFrom(owed, history, monthsBetween(START, payrollMonth)),
            }),
          );
        steps.forEach((s, i) => {
          const payrollMonth = addMonths(START, i);
          for (const [offset, value] of s.changes) owed.set(addMonths(START, offset), value);
          const result = settle(payrollMonth);
          if (result.outcome !== 'line') return;
          expect(result.totalVnd).toBe(sumOfItems(result.items));
          for (const item of result.items)
            history.push({ ...item, payrollMonth, outcome: s.outcome });
        });
        const last = addMonths(START, steps.length);
        const final = settle(last);
        const window = monthsBetween(START, last);
        const outstanding = factsFrom(owed, history, window).reduce(
          (s, f) => s + f.owedVnd - f.settledVnd,
          0,
        );
        if (final.outcome === 'line') {
          for (const item of final.items)
            history.push({ ...item, payrollMonth: last, outcome: 'paid' });
          for (const f of factsFrom(owed, history, window)) expect(f.settledVnd).toBe(f.owedVnd);
        } else if (final.outcome === 'exception') {
          expect(final.exception).toBe('negative_net');
          expect(final.amountVnd).toBe(outstanding);
        } else {
          expect(outstanding).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
