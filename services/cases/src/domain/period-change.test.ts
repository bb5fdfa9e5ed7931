import fc from 'fast-check';
import { status } from '@grpc/grpc-js';
import { DomainError, addMonths, compareMonths, monthsBetween, type Month } from '@posa/platform';
import { entitlementSchedule, periodCovering } from './entitlement';
import {
  applyPeriodPlan,
  planPeriodChange,
  type CurrentPeriod,
  type PeriodVariation,
} from './period-change';
import { SEEDED_CATALOGUE } from './policy.fixture';

const person = { birthYear: 1940, birthMonth: 5, birthDay: 3, provinceCode: '01' };

function approved(fromMonth: Month, categoryCodes = ['nd20-5c']): CurrentPeriod[] {
  return [
    {
      periodId: 'p0',
      fromMonth,
      toMonth: null,
      suspended: false,
      categoryCodes,
      disabilityLevel: null,
      careSupportTypeCode: null,
      decisionId: 'd0',
      decisionNumber: '1/QĐ-UBND',
    },
  ];
}

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return undefined;
}

let seq = 0;
function apply(periods: CurrentPeriod[], v: PeriodVariation, month: Month): CurrentPeriod[] {
  seq += 1;
  const plan = planPeriodChange(periods, v, month);
  return applyPeriodPlan(periods, plan, {
    decisionId: `d${seq}`,
    decisionNumber: `${seq}/QĐ-UBND`,
    periodId: `p${seq}`,
  });
}

describe('planPeriodChange', () => {
  it('closes the open period the month before and opens the changed one', () => {
    const after = apply(
      approved('2026-01'),
      {
        kind: 'category_change',
        eligibility: {
          categoryCodes: ['nd20-5a'],
          disabilityLevel: null,
          careSupportTypeCode: null,
        },
      },
      '2026-03',
    );
    expect(after.map((p) => [p.fromMonth, p.toMonth, p.categoryCodes[0]])).toEqual([
      ['2026-01', '2026-02', 'nd20-5c'],
      ['2026-03', null, 'nd20-5a'],
    ]);
  });

  it('suspends, resumes and terminates in turn', () => {
    let periods = apply(approved('2026-01'), { kind: 'suspension' }, '2026-04');
    expect(periods[1]).toMatchObject({ fromMonth: '2026-04', toMonth: null, suspended: true });
    periods = apply(periods, { kind: 'resumption' }, '2026-06');
    expect(periods[1]?.toMonth).toBe('2026-05');
    expect(periods[2]).toMatchObject({ fromMonth: '2026-06', suspended: false });
    periods = apply(periods, { kind: 'termination' }, '2026-09');
    expect(periods.map((p) => p.toMonth)).toEqual(['2026-03', '2026-05', '2026-08']);
  });

  it('refuses impossible variations with a reason', () => {
    const active = approved('2026-01');
    const suspended = apply(active, { kind: 'suspension' }, '2026-03');
    const ended = apply(active, { kind: 'termination' }, '2026-03');
    expect(codeOf(() => planPeriodChange(suspended, { kind: 'suspension' }, '2026-05'))).toBe(
      status.FAILED_PRECONDITION,
    );
    expect(codeOf(() => planPeriodChange(active, { kind: 'resumption' }, '2026-05'))).toBe(
      status.FAILED_PRECONDITION,
    );
    expect(codeOf(() => planPeriodChange(ended, { kind: 'termination' }, '2026-05'))).toBe(
      status.FAILED_PRECONDITION,
    );
    expect(codeOf(() => planPeriodChange([], { kind: 'termination' }, '2026-05'))).toBe(
      status.FAILED_PRECONDITION,
    );
    expect(() => planPeriodChange(active, { kind: 'suspension' }, '2025-12')).toThrow(
      'decision.effective_month: is before the case started (2026-01)',
    );
    expect(() => planPeriodChange(suspended, { kind: 'resumption' }, '2026-03')).toThrow(
      /decision.effective_month: must be after 2026-03/,
    );
    expect(() =>
      planPeriodChange(
        active,
        {
          kind: 'category_change',
          eligibility: {
            categoryCodes: ['nd20-5c'],
            disabilityLevel: null,
            careSupportTypeCode: null,
          },
        },
        '2026-04',
      ),
    ).toThrow('eligibility: the decision changes nothing');
  });
});

const variationArb: fc.Arbitrary<PeriodVariation> = fc.oneof(
  fc.constantFrom<PeriodVariation>(
    { kind: 'suspension' },
    { kind: 'resumption' },
    { kind: 'termination' },
    { kind: 'transfer_out' },
  ),
  fc.constantFrom('nd20-5a', 'nd20-5c', 'nd20-5d', 'nd20-8').map<PeriodVariation>((code) => ({
    kind: 'category_change',
    eligibility: { categoryCodes: [code], disabilityLevel: null, careSupportTypeCode: null },
  })),
);

/** A random history: each step a variation with an effective month some months after the start. */
const historyArb = fc.array(fc.tuple(variationArb, fc.integer({ min: -3, max: 30 })), {
  minLength: 1,
  maxLength: 12,
});

function tryApply(
  periods: CurrentPeriod[],
  v: PeriodVariation,
  month: Month,
): CurrentPeriod[] | undefined {
  try {
    return apply(periods, v, month);
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
}

function assertNoOverlap(periods: readonly CurrentPeriod[]): void {
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    expect(prev.toMonth).not.toBeNull();
    expect(compareMonths(prev.toMonth!, periods[i]!.fromMonth)).toBeLessThan(0);
    expect(compareMonths(prev.fromMonth, prev.toMonth!)).toBeLessThanOrEqual(0);
  }
}

describe('period changes (properties)', () => {
  it('never overlap, keep every month before the effective month, change amounts only from it', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        let periods = approved('2025-07');
        for (const [variation, offset] of history) {
          const month = addMonths('2025-07', offset);
          const next = tryApply(periods, variation, month);
          if (next === undefined) continue;
          assertNoOverlap(next);
          const before = monthsBetween('2025-07', addMonths(month, -1));
          for (const m of before) {
            const was = periodCovering(periods, m);
            const now = periodCovering(next, m);
            expect(now?.decisionId).toBe(was?.decisionId);
            expect(now?.suspended).toBe(was?.suspended);
          }
          const from = '2025-05';
          const to = addMonths(month, 24);
          const kind = 'monthly_allowance';
          const a = entitlementSchedule(SEEDED_CATALOGUE, kind, person, periods, from, to);
          const b = entitlementSchedule(SEEDED_CATALOGUE, kind, person, next, from, to);
          a.forEach((x, i) => {
            if (compareMonths(x.month, month) < 0) expect(b[i]).toEqual(x);
          });
          periods = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses effective months before the start or the current period', () => {
    fc.assert(
      fc.property(variationArb, fc.integer({ min: -24, max: 0 }), (variation, offset) => {
        const month = addMonths('2026-01', offset);
        expect(codeOf(() => planPeriodChange(approved('2026-01'), variation, month))).toBe(
          status.INVALID_ARGUMENT,
        );
      }),
    );
  });
});
