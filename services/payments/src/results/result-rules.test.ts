import fc from 'fast-check';
import {
  correctionProblem,
  OUTCOMES,
  outcomeOf,
  resultProblems,
  settles,
  type LaterPayroll,
  type LineOutcome,
} from './result-rules';

const TODAY = '2026-04-10';

describe('payment result rules', () => {
  it('reads outcome codes and their Vietnamese words', () => {
    expect(outcomeOf(' Paid ')).toBe('paid');
    expect(outcomeOf('Chưa chi trả')).toBe('unpaid');
    expect(outcomeOf('Hoa\u0300n tra\u0309')).toBe('returned'); // NFD as typed on some keyboards
    expect(outcomeOf('maybe')).toBeUndefined();
  });

  it('needs a date not in the future for paid and a reason for unpaid and returned', () => {
    expect(resultProblems({ outcome: 'paid', reason: '', paidOn: '2026-04-10' }, TODAY)).toEqual(
      [],
    );
    expect(resultProblems({ outcome: 'paid', reason: '', paidOn: undefined }, TODAY)).toEqual([
      { field: 'paid_on', reason: 'is required for paid' },
    ]);
    expect(resultProblems({ outcome: 'paid', reason: '', paidOn: '2026-04-11' }, TODAY)).toEqual([
      { field: 'paid_on', reason: 'is after today (2026-04-10)' },
    ]);
    expect(resultProblems({ outcome: 'unpaid', reason: '', paidOn: undefined }, TODAY)).toEqual([
      { field: 'reason', reason: 'is required for unpaid' },
    ]);
    expect(
      resultProblems(
        { outcome: 'returned', reason: 'tài khoản đã đóng', paidOn: '2026-04-01' },
        TODAY,
      ),
    ).toEqual([{ field: 'paid_on', reason: 'must be empty for returned' }]);
  });

  it('settles the months of paid, returned and pending lines, not of unpaid ones', () => {
    expect(['pending', ...OUTCOMES].filter((o) => settles(o as LineOutcome))).toEqual([
      'pending',
      'paid',
      'returned',
    ]);
  });

  it('never lets a correction flip the settlement once a later payroll is approved or closed', () => {
    const later = fc.array(
      fc.record({
        month: fc.constantFrom('2026-04', '2026-05'),
        status: fc.constantFrom<LaterPayroll['status']>('draft', 'approved', 'closed'),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom<LineOutcome>('pending', ...OUTCOMES),
        fc.constantFrom(...OUTCOMES),
        later,
        (previous, next, payrolls) => {
          const problem = correctionProblem(previous, next, payrolls);
          const frozen = payrolls.some((p) => p.status !== 'draft');
          if (previous === 'pending') expect(problem).toBeUndefined();
          else if (payrolls.some((p) => p.status === 'closed'))
            expect(problem).toMatch(/is closed/);
          else if (frozen && settles(previous) !== settles(next))
            expect(problem).toMatch(/approved/);
          else expect(problem).toBeUndefined();
        },
      ),
    );
  });
});
