import fc from 'fast-check';
import { FailedPreconditionError, addMonths, compareMonths, monthsBetween } from '@posa/platform';
import type { BeneficiaryFacts } from './coefficient';
import {
  entitlementSchedule,
  monthlyEntitlement,
  type CaseKind,
  type PeriodInput,
} from './entitlement';
import type { PolicyCatalogue } from './policy-catalogue';
import { SEEDED_CATALOGUE as CAT } from './policy.fixture';

const elder: BeneficiaryFacts = {
  birthYear: 1950,
  birthMonth: 8,
  birthDay: 20,
  provinceCode: '01',
};

const period = (over: Partial<PeriodInput> = {}): PeriodInput => ({
  fromMonth: '2024-01',
  toMonth: null,
  suspended: false,
  categoryCodes: ['nd20-5a'],
  disabilityLevel: null,
  careSupportTypeCode: null,
  decisionId: 'd-1',
  decisionNumber: '125/QĐ-UBND',
  ...over,
});

const at = (
  periods: PeriodInput[],
  month: string,
  kind: CaseKind = 'monthly_allowance',
  who = elder,
) => monthlyEntitlement(CAT, kind, who, periods, month);

describe('monthlyEntitlement', () => {
  it('explains the amount in Vietnamese', () => {
    const m = at([period()], '2025-03');
    expect(m).toEqual({
      month: '2025-03',
      amountVnd: 750_000,
      state: 'active',
      categoryCode: 'nd20-5a',
      coefficientHundredths: 150,
      baseLevelVnd: 500_000,
      baseLevelProvinceCode: null,
      decisionId: 'd-1',
      decisionNumber: '125/QĐ-UBND',
      explanation: 'Mức chuẩn 500.000 đ × hệ số 1,5 (nhóm 5a, QĐ 125/QĐ-UBND) = 750.000 đ',
    });
  });

  it('takes the base level in force on the first day: 360.000 in 2024-06, 500.000 in 2024-07', () => {
    expect(at([period()], '2024-06').amountVnd).toBe(540_000);
    expect(at([period()], '2024-07').amountVnd).toBe(750_000);
  });

  it('switches from Decree 136/2013 to Decree 20/2021 between 2021-06 and 2021-07', () => {
    const p = [period({ fromMonth: '2020-01', categoryCodes: ['nd136-6a', 'nd20-5a'] })];
    expect(at(p, '2021-06')).toMatchObject({
      amountVnd: 405_000,
      categoryCode: 'nd136-6a',
      baseLevelVnd: 270_000,
    });
    expect(at(p, '2021-07')).toMatchObject({
      amountVnd: 540_000,
      categoryCode: 'nd20-5a',
      baseLevelVnd: 360_000,
    });
  });

  it('an 80th birthday on the 20th raises 5a to 2.0 from the next month', () => {
    expect(at([period()], '2030-08').coefficientHundredths).toBe(150);
    expect(at([period()], '2030-09').coefficientHundredths).toBe(200);
  });

  it('pays the highest coefficient among the categories in force', () => {
    const p = [
      period({ categoryCodes: ['nd20-5c', 'nd20-6', 'nd20-5a'], disabilityLevel: 'severe' }),
    ];
    expect(at(p, '2025-01')).toMatchObject({ categoryCode: 'nd20-6', coefficientHundredths: 200 });
  });

  it('a category not in force contributes nothing; none in force is an error naming them', () => {
    const p = [period({ fromMonth: '2021-01', categoryCodes: ['nd20-5c', 'nd136-6c'] })];
    expect(at(p, '2021-06')).toMatchObject({
      categoryCode: 'nd136-6c',
      coefficientHundredths: 300,
    });
    expect(at(p, '2021-07')).toMatchObject({ categoryCode: 'nd20-5c', coefficientHundredths: 100 });
    const only136 = [period({ fromMonth: '2021-01', categoryCodes: ['nd136-6c'] })];
    expect(() => at(only136, '2021-07')).toThrow(FailedPreconditionError);
    expect(() => at(only136, '2021-07')).toThrow(/nd136-6c/);
  });

  it('says why nothing is owed', () => {
    const p = [
      period({ fromMonth: '2024-03', toMonth: '2024-05' }),
      period({
        fromMonth: '2024-06',
        toMonth: '2024-08',
        suspended: true,
        decisionId: 'd-2',
        decisionNumber: '7/QĐ-UBND',
      }),
    ];
    expect(at([], '2024-04')).toMatchObject({
      state: 'not_decided',
      amountVnd: 0,
      decisionId: null,
    });
    expect(at(p, '2024-02')).toMatchObject({ state: 'before_start', amountVnd: 0 });
    expect(at(p, '2024-07')).toMatchObject({ state: 'suspended', amountVnd: 0, decisionId: 'd-2' });
    expect(at(p, '2024-07').explanation).toContain('7/QĐ-UBND');
    expect(at(p, '2024-09')).toMatchObject({ state: 'ended', amountVnd: 0 });
  });

  it('uses a province level when it is higher than the national one', () => {
    const withProvince: PolicyCatalogue = {
      ...CAT,
      baseLevels: [
        ...CAT.baseLevels,
        {
          id: '79-2025-01-01',
          provinceCode: '79',
          amountVnd: 600_000,
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
          legalSource: 'NQ HĐND',
          tag: 'C',
        },
        {
          id: '48-2025-01-01',
          provinceCode: '48',
          amountVnd: 400_000,
          validFrom: '2025-01-01',
          validTo: null,
          legalSource: 'NQ HĐND',
          tag: 'C',
        },
      ],
    };
    const inHcmc = { ...elder, provinceCode: '79' };
    const m = monthlyEntitlement(withProvince, 'monthly_allowance', inHcmc, [period()], '2025-02');
    expect(m).toMatchObject({
      amountVnd: 900_000,
      baseLevelVnd: 600_000,
      baseLevelProvinceCode: '79',
    });
    expect(m.explanation).toBe(
      'Mức chuẩn 600.000 đ (tỉnh 79) × hệ số 1,5 (nhóm 5a, QĐ 125/QĐ-UBND) = 900.000 đ',
    );
    expect(
      monthlyEntitlement(withProvince, 'monthly_allowance', inHcmc, [period()], '2026-01')
        .baseLevelVnd,
    ).toBe(500_000);
    const below = monthlyEntitlement(
      withProvince,
      'monthly_allowance',
      { ...elder, provinceCode: '48' },
      [period()],
      '2025-02',
    );
    expect(below).toMatchObject({ baseLevelVnd: 500_000, baseLevelProvinceCode: null });
  });

  it('care support uses the type coefficient', () => {
    const p = [period({ categoryCodes: [], careSupportTypeCode: 'cs-disabled-parent-two' })];
    expect(at(p, '2025-01', 'care_support')).toMatchObject({
      amountVnd: 1_000_000,
      categoryCode: 'cs-disabled-parent-two',
    });
    const none = [period({ categoryCodes: [], careSupportTypeCode: null })];
    expect(() => at(none, '2025-01', 'care_support')).toThrow(/care support type/);
  });
});

/** Categories whose rules cover every age, as Decree 136 / Decree 20 pairs (never an error). */
const SAFE = [
  ['nd136-1', 'nd20-1'],
  ['nd136-3', 'nd20-3'],
  ['nd136-5', 'nd20-4'],
  ['nd136-6b', 'nd20-5c'],
  ['nd136-6c', 'nd20-5d'],
  ['nd136-7', 'nd20-6'],
];

const person = fc
  .record({
    birthYear: fc.integer({ min: 1930, max: 2024 }),
    birthMonth: fc.option(fc.integer({ min: 1, max: 12 })),
    birthDay: fc.option(fc.integer({ min: 1, max: 28 })),
    provinceCode: fc.constantFrom('01', '79'),
  })
  .map((p) => ({ ...p, birthDay: p.birthMonth === null ? null : p.birthDay }));

const monthIn = (from: string, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => addMonths(from, n));

describe('entitlement schedule properties', () => {
  it('every month before 2024-07 uses 360.000 and from 2024-07 500.000 (from 2021-07)', () => {
    fc.assert(
      fc.property(person, fc.constantFrom(...SAFE), monthIn('2021-07', 72), (who, codes, month) => {
        const m = monthlyEntitlement(
          CAT,
          'monthly_allowance',
          who,
          [period({ fromMonth: '2014-01', categoryCodes: codes, disabilityLevel: 'severe' })],
          month,
        );
        expect(m.baseLevelVnd).toBe(compareMonths(month, '2024-07') < 0 ? 360_000 : 500_000);
        expect(m.categoryCode).toBe(codes[1]);
        expect(m.amountVnd).toBe(Math.floor((m.baseLevelVnd * m.coefficientHundredths + 50) / 100));
      }),
    );
  });

  it('a category change from a month changes only the months from then on', () => {
    fc.assert(
      fc.property(
        person,
        fc.constantFrom(...SAFE),
        fc.constantFrom(...SAFE),
        monthIn('2019-01', 40),
        fc.integer({ min: 1, max: 30 }),
        (who, before, after, start, offset) => {
          const change = addMonths(start, offset);
          const end = addMonths(change, 24);
          const original = [
            period({
              fromMonth: start,
              categoryCodes: before,
              disabilityLevel: 'extremely_severe',
            }),
          ];
          const varied = [
            { ...original[0]!, toMonth: addMonths(change, -1) },
            period({
              fromMonth: change,
              categoryCodes: after,
              disabilityLevel: 'extremely_severe',
              decisionId: 'd-2',
            }),
          ];
          const a = entitlementSchedule(CAT, 'monthly_allowance', who, original, start, end);
          const b = entitlementSchedule(CAT, 'monthly_allowance', who, varied, start, end);
          monthsBetween(start, end).forEach((month, i) => {
            if (compareMonths(month, change) < 0) expect(b[i]).toEqual(a[i]);
            else expect(b[i]!.decisionId).toBe('d-2');
          });
        },
      ),
    );
  });
});
