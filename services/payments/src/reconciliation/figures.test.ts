import fc from 'fast-check';
import { addFigures, differences, imbalance, sumFigures, ZERO, type Figures } from './figures';

type Outcome = 'paid' | 'unpaid' | 'returned' | 'pending';
interface Line {
  commune: number;
  total: number;
  carried: number;
  outcome: Outcome;
}

const lineArb = fc
  .record({
    commune: fc.integer({ min: 0, max: 4 }),
    current: fc.integer({ min: 0, max: 5_000_000 }),
    carried: fc.integer({ min: 0, max: 5_000_000 }),
    outcome: fc.constantFrom<Outcome>('paid', 'unpaid', 'returned', 'pending'),
  })
  .map((l): Line => ({ ...l, total: l.current + l.carried }));

/** Figures of some lines, as the SQL sums them. */
function figuresOf(lines: readonly Line[]): Figures {
  const of = (o: Outcome) => lines.filter((l) => l.outcome === o).reduce((s, l) => s + l.total, 0);
  return {
    lines: lines.length,
    planned: lines.reduce((s, l) => s + l.total, 0),
    paid: of('paid'),
    unpaid: of('unpaid'),
    returned: of('returned'),
    pending: of('pending'),
    carriedOver: lines.reduce((s, l) => s + l.carried, 0),
  };
}

describe('reconciliation figures', () => {
  it('roll communes up to exactly the figures of all their lines, and always balance', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const communes = [0, 1, 2, 3, 4].map((c) =>
          figuresOf(lines.filter((l) => l.commune === c)),
        );
        const rolled = sumFigures(communes);
        expect(differences(rolled, figuresOf(lines))).toBe('');
        expect(rolled).toEqual(figuresOf(lines));
        expect(imbalance(rolled)).toBe(0);
        for (const c of communes) expect(imbalance(c)).toBe(0);
        expect(rolled.carriedOver).toBeLessThanOrEqual(rolled.planned);
      }),
    );
  });

  it('name every figure that differs and refuse to leave the safe-integer range', () => {
    const a = { ...ZERO, planned: 10, paid: 10 };
    expect(differences(a, { ...a, paid: 9, pending: 1 })).toBe('paid 10 ≠ 9, pending 0 ≠ 1');
    expect(imbalance({ ...a, paid: 9 })).toBe(1);
    expect(() =>
      addFigures({ ...ZERO, planned: Number.MAX_SAFE_INTEGER }, { ...ZERO, planned: 1 }),
    ).toThrow(RangeError);
  });
});
