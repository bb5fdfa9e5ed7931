import fc from 'fast-check';
import { totalsByChannel, totalsOf, type TotalledLine } from './payroll-totals';
import { sumOfItems } from './settlement';

describe('payroll totals', () => {
  const item = fc.record({
    forMonth: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    kind: fc.constantFrom(
      'current' as const,
      'arrears' as const,
      'recovery' as const,
      'carried_over' as const,
    ),
    amountVnd: fc.integer({ min: -3_000_000, max: 3_000_000 }).filter((n) => n !== 0),
  });
  const line = fc
    .record({
      channel: fc.constantFrom('cash_at_commune', 'post_office', 'bank_transfer'),
      items: fc.array(item, { minLength: 1, maxLength: 5 }),
    })
    .map((l): TotalledLine => ({ ...l, totalVnd: sumOfItems(l.items) }));

  it('adds up: total = sum of lines = sum of items = sum over channels', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const totals = totalsOf(lines);
        const items = lines.flatMap((l) => l.items);
        expect(totals.lines).toBe(lines.length);
        expect(totals.totalVnd).toBe(lines.reduce((s, l) => s + l.totalVnd, 0));
        expect(totals.totalVnd).toBe(items.reduce((s, i) => s + i.amountVnd, 0));
        expect(totals.totalVnd).toBe(
          totals.currentVnd + totals.arrearsVnd + totals.recoveryVnd + totals.carriedOverVnd,
        );
        const channels = [...totalsByChannel(lines).values()];
        expect(channels.reduce((s, c) => s + c.totalVnd, 0)).toBe(totals.totalVnd);
        expect(channels.reduce((s, c) => s + c.lines, 0)).toBe(totals.lines);
      }),
    );
  });
});
