import { addMonths, monthsBetween } from '@posa/platform';
import fc from 'fast-check';
import type { BeneficiaryFacts } from './coefficient';
import { entitlementSchedule, type PeriodInput } from './entitlement';
import { amountInSegments, entitlementSegments, lastBoundary } from './entitlement-segments';
import { SEEDED_CATALOGUE as CAT } from './policy.fixture';

const period = (over: Partial<PeriodInput> = {}): PeriodInput => ({
  fromMonth: '2024-01',
  toMonth: null,
  suspended: false,
  categoryCodes: ['nd20-5a'],
  disabilityLevel: null,
  careSupportTypeCode: null,
  decisionId: 'd-1',
  decisionNumber: '1/QĐ-UBND',
  ...over,
});

describe('entitlementSegments', () => {
  it('a 5a elder: 360.000 × 1.5 to 2024-06, 500.000 × 1.5 to the 80th birthday, then 2.0 open-ended', () => {
    const elder: BeneficiaryFacts = {
      birthYear: 1946,
      birthMonth: 3,
      birthDay: 1,
      provinceCode: '01',
    };
    expect(entitlementSegments(CAT, 'monthly_allowance', elder, [period()], '2024-01')).toEqual([
      {
        fromMonth: '2024-01',
        toMonth: '2024-06',
        amountVnd: 540_000,
        coefficientHundredths: 150,
        baseLevelVnd: 360_000,
        categoryCode: 'nd20-5a',
        decisionId: 'd-1',
      },
      {
        fromMonth: '2024-07',
        toMonth: '2026-02',
        amountVnd: 750_000,
        coefficientHundredths: 150,
        baseLevelVnd: 500_000,
        categoryCode: 'nd20-5a',
        decisionId: 'd-1',
      },
      {
        fromMonth: '2026-03',
        toMonth: null,
        amountVnd: 1_000_000,
        coefficientHundredths: 200,
        baseLevelVnd: 500_000,
        categoryCode: 'nd20-5a',
        decisionId: 'd-1',
      },
    ]);
  });

  it('suspended and ended months are gaps; a closed period ends its segment', () => {
    const adult: BeneficiaryFacts = {
      birthYear: 1990,
      birthMonth: null,
      birthDay: null,
      provinceCode: '01',
    };
    const periods = [
      period({ fromMonth: '2025-01', toMonth: '2025-03', categoryCodes: ['nd20-8'] }),
      period({
        fromMonth: '2025-04',
        toMonth: '2025-05',
        categoryCodes: ['nd20-8'],
        suspended: true,
        decisionId: 'd-2',
      }),
      period({
        fromMonth: '2025-06',
        toMonth: '2025-12',
        categoryCodes: ['nd20-8'],
        decisionId: 'd-3',
      }),
    ];
    const segments = entitlementSegments(CAT, 'monthly_allowance', adult, periods, '2025-02');
    expect(segments.map((s) => [s.fromMonth, s.toMonth, s.decisionId])).toEqual([
      ['2025-02', '2025-03', 'd-1'],
      ['2025-06', '2025-12', 'd-3'],
    ]);
  });

  it('is empty when nothing is owed from the month on', () => {
    const adult: BeneficiaryFacts = {
      birthYear: 1990,
      birthMonth: 1,
      birthDay: 1,
      provinceCode: '01',
    };
    const periods = [
      period({ fromMonth: '2025-01', toMonth: '2025-03', categoryCodes: ['nd20-8'] }),
    ];
    expect(entitlementSegments(CAT, 'monthly_allowance', adult, periods, '2025-04')).toEqual([]);
  });
});

const SAFE = [
  ['nd136-1', 'nd20-1'],
  ['nd136-3', 'nd20-3'],
  ['nd136-6c', 'nd20-5d'],
  ['nd136-7', 'nd20-6'],
  ['nd20-8'],
];

const person = fc
  .record({
    birthYear: fc.integer({ min: 1930, max: 2024 }),
    birthMonth: fc.option(fc.integer({ min: 1, max: 12 })),
    birthDay: fc.option(fc.integer({ min: 1, max: 28 })),
    provinceCode: fc.constant('01'),
  })
  .map((p) => ({ ...p, birthDay: p.birthMonth === null ? null : p.birthDay }));

/** 1–3 periods after 2021-07 with gaps, some suspended, the last one open or closed. */
const periods = fc
  .tuple(
    fc.integer({ min: 0, max: 60 }),
    fc.array(
      fc.record({
        gap: fc.nat(6),
        length: fc.integer({ min: 1, max: 30 }),
        suspended: fc.boolean(),
        codes: fc.constantFrom(...SAFE),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    fc.boolean(),
  )
  .map(([offset, parts, open]) => {
    let from = addMonths('2021-07', offset);
    return parts.map((p, i): PeriodInput => {
      const start = addMonths(from, p.gap);
      const end = addMonths(start, p.length - 1);
      from = addMonths(end, 1);
      const last = i === parts.length - 1;
      return period({
        fromMonth: start,
        toMonth: last && open ? null : end,
        suspended: p.suspended,
        categoryCodes: p.codes,
        disabilityLevel: 'extremely_severe',
        decisionId: `d-${i}`,
      });
    });
  });

describe('entitlementSegments properties', () => {
  it('expand back to the schedule exactly, well past the last boundary', () => {
    fc.assert(
      fc.property(person, periods, fc.integer({ min: 0, max: 80 }), (who, ps, offset) => {
        const from = addMonths('2021-07', offset);
        const segments = entitlementSegments(CAT, 'monthly_allowance', who, ps, from);
        const until = addMonths(lastBoundary(CAT, who, ps, from), 36);
        const schedule = entitlementSchedule(CAT, 'monthly_allowance', who, ps, from, until);
        monthsBetween(from, until).forEach((month, i) => {
          const m = schedule[i]!;
          expect(amountInSegments(segments, month)).toBe(m.state === 'active' ? m.amountVnd : 0);
        });
        for (const [a, b] of segments.slice(1).map((s, i) => [segments[i]!, s] as const)) {
          expect(a.toMonth).not.toBeNull();
          expect(a.toMonth! < b.fromMonth).toBe(true);
        }
      }),
    );
  });
});
