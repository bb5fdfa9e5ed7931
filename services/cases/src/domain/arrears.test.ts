import { addMonths } from '@posa/platform';
import fc from 'fast-check';
import { arrearsBetween } from './arrears';
import type { MonthlyAmount } from './entitlement';

const owed = (month: string, amountVnd: number): MonthlyAmount => ({
  month,
  amountVnd,
  state: amountVnd > 0 ? 'active' : 'ended',
  categoryCode: null,
  coefficientHundredths: 0,
  baseLevelVnd: 0,
  baseLevelProvinceCode: null,
  decisionId: null,
  decisionNumber: null,
  explanation: '',
});

const schedule = fc
  .tuple(
    fc.integer({ min: 0, max: 60 }),
    fc.array(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 36 }),
  )
  .map(([offset, amounts]) =>
    amounts.map((a, i) => owed(addMonths(addMonths('2021-07', offset), i), a)),
  );

describe('arrearsBetween', () => {
  it('truy lĩnh for a raise, thu hồi for a cut, months in order', () => {
    const before = [owed('2025-01', 750_000), owed('2025-02', 750_000), owed('2025-03', 750_000)];
    const after = [
      owed('2025-01', 750_000),
      owed('2025-02', 1_000_000),
      owed('2025-03', 0),
      owed('2025-04', 1_000_000),
    ];
    expect(arrearsBetween(before, after)).toEqual({
      lines: [
        { month: '2025-02', beforeVnd: 750_000, afterVnd: 1_000_000, deltaVnd: 250_000 },
        { month: '2025-03', beforeVnd: 750_000, afterVnd: 0, deltaVnd: -750_000 },
        { month: '2025-04', beforeVnd: 0, afterVnd: 1_000_000, deltaVnd: 1_000_000 },
      ],
      totalVnd: 500_000,
    });
  });

  it('refuses a month listed twice', () => {
    expect(() => arrearsBetween([owed('2025-01', 1), owed('2025-01', 2)], [])).toThrow(/2025-01/);
  });

  it('identical schedules owe nothing', () => {
    fc.assert(
      fc.property(schedule, (s) =>
        expect(arrearsBetween(s, s)).toEqual({ lines: [], totalVnd: 0 }),
      ),
    );
  });

  it('the total is the sum of month differences and no line has a zero delta', () => {
    fc.assert(
      fc.property(schedule, schedule, (before, after) => {
        const { lines, totalVnd } = arrearsBetween(before, after);
        const sum = (s: MonthlyAmount[]) => s.reduce((t, m) => t + m.amountVnd, 0);
        expect(totalVnd).toBe(sum(after) - sum(before));
        expect(totalVnd).toBe(lines.reduce((t, l) => t + l.deltaVnd, 0));
        for (const l of lines) {
          expect(l.deltaVnd).not.toBe(0);
          expect(l.deltaVnd).toBe(l.afterVnd - l.beforeVnd);
        }
        expect(lines.map((l) => l.month)).toEqual([...lines.map((l) => l.month)].sort());
      }),
    );
  });
});
