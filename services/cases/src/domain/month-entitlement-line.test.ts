import fc from 'fast-check';
import { amountOf } from './coefficient';
import { monthlyEntitlement, type PeriodInput } from './entitlement';
import {
  hasNationalBaseLevel,
  monthEntitlementLine,
  MonthPricer,
  type CoveredCase,
} from './month-entitlement-line';
import { SEEDED_CATALOGUE } from './policy.fixture';
import type { PolicyCatalogue } from './policy-catalogue';

const period = (over: Partial<PeriodInput> = {}): PeriodInput => ({
  fromMonth: '2024-01',
  toMonth: null,
  suspended: false,
  categoryCodes: ['nd20-5c'],
  disabilityLevel: null,
  careSupportTypeCode: null,
  decisionId: 'd-1',
  decisionNumber: '12/QĐ-UBND',
  ...over,
});

const covered = (over: Partial<CoveredCase> = {}): CoveredCase => ({
  caseId: 'c-1',
  caseCode: 'TC-00004-2024-000001',
  kind: 'monthly_allowance',
  communeCode: '00004',
  citizenId: '001040000001',
  person: { birthYear: 1940, birthMonth: 5, birthDay: 10, provinceCode: '01' },
  period: period(),
  ...over,
});

describe('monthEntitlementLine', () => {
  it('prices an active month with the base level in force and the highest coefficient', () => {
    // Born 1940: over 80 in 2026, in group 5c (1.0) and with a severe disability (2.0 elderly).
    const line = monthEntitlementLine(
      SEEDED_CATALOGUE,
      '2026-03',
      covered({
        period: period({ categoryCodes: ['nd20-5c', 'nd20-6'], disabilityLevel: 'severe' }),
      }),
    );
    expect(line).toEqual({
      caseId: 'c-1',
      caseCode: 'TC-00004-2024-000001',
      kind: 'monthly_allowance',
      communeCode: '00004',
      provinceCode: '01',
      citizenId: '001040000001',
      state: 'active',
      amountVnd: 1_000_000,
      coefficientHundredths: 200,
      baseLevelVnd: 500_000,
      baseLevelProvinceCode: null,
      categoryCode: 'nd20-6',
      decisionId: 'd-1',
      problem: null,
    });
  });

  it('uses the base level of the month: 360,000 before July 2024', () => {
    const line = monthEntitlementLine(SEEDED_CATALOGUE, '2024-06', covered());
    expect([line.baseLevelVnd, line.amountVnd]).toEqual([360_000, 360_000]);
  });

  it('owes nothing in a suspended period but keeps its decision', () => {
    const line = monthEntitlementLine(
      SEEDED_CATALOGUE,
      '2026-03',
      covered({ period: period({ suspended: true, decisionId: 'd-9' }) }),
    );
    expect(line).toMatchObject({
      state: 'suspended',
      amountVnd: 0,
      coefficientHundredths: 0,
      categoryCode: null,
      decisionId: 'd-9',
      problem: null,
    });
  });

  it('reports a case the catalogue cannot price instead of failing or owing 0 silently', () => {
    // Group 5a starts at 60; a person of 50 has no coefficient line.
    const line = monthEntitlementLine(
      SEEDED_CATALOGUE,
      '2026-03',
      covered({
        person: { birthYear: 1976, birthMonth: 1, birthDay: 1, provinceCode: '01' },
        period: period({ categoryCodes: ['nd20-5a'] }),
      }),
    );
    expect(line.state).toBe('not_computable');
    expect(line.amountVnd).toBe(0);
    expect(line.problem).toMatch(/nd20-5a/);
  });

  it('prices care support by its type', () => {
    const line = monthEntitlementLine(
      SEEDED_CATALOGUE,
      '2026-03',
      covered({
        kind: 'care_support',
        period: period({ categoryCodes: [], careSupportTypeCode: 'cs-household-carer' }),
      }),
    );
    expect(line).toMatchObject({
      state: 'active',
      amountVnd: 500_000,
      categoryCode: 'cs-household-carer',
    });
  });

  it('refuses a period that does not cover the month (a reading error, not a case problem)', () => {
    expect(() =>
      monthEntitlementLine(
        SEEDED_CATALOGUE,
        '2023-12',
        covered({ period: period({ fromMonth: '2024-01' }) }),
      ),
    ).toThrow(/does not cover 2023-12/);
  });

  it('agrees with the engine month by month for any person and categories (property)', () => {
    const codes = SEEDED_CATALOGUE.categories.map((c) => c.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 1920, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.subarray(codes, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<PeriodInput['disabilityLevel']>(null, 'severe', 'extremely_severe'),
        fc.integer({ min: 2021 * 12 + 6, max: 2030 * 12 }),
        (year, month, day, categoryCodes, disabilityLevel, index) => {
          const m = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
          const c = covered({
            person: { birthYear: year, birthMonth: month, birthDay: day, provinceCode: '79' },
            period: period({ fromMonth: '2021-07', categoryCodes, disabilityLevel }),
          });
          const line = monthEntitlementLine(SEEDED_CATALOGUE, m, c);
          if (line.state === 'not_computable') {
            expect(() =>
              monthlyEntitlement(SEEDED_CATALOGUE, c.kind, c.person, [c.period], m),
            ).toThrow(line.problem!);
            return;
          }
          const owed = monthlyEntitlement(SEEDED_CATALOGUE, c.kind, c.person, [c.period], m);
          expect(line.amountVnd).toBe(owed.amountVnd);
          expect(line.amountVnd).toBe(amountOf(line.baseLevelVnd, line.coefficientHundredths));
          expect(Number.isSafeInteger(line.amountVnd)).toBe(true);
        },
      ),
    );
  });
});

describe('hasNationalBaseLevel', () => {
  it('is true while a national level is in force and false before the first one', () => {
    expect(hasNationalBaseLevel(SEEDED_CATALOGUE, '2026-03')).toBe(true);
    expect(hasNationalBaseLevel(SEEDED_CATALOGUE, '2013-12')).toBe(false);
  });

  it('ignores provincial levels', () => {
    const provincialOnly: PolicyCatalogue = {
      ...SEEDED_CATALOGUE,
      baseLevels: [
        {
          id: 'p79',
          provinceCode: '79',
          amountVnd: 600_000,
          validFrom: '2020-01-01',
          validTo: null,
          legalSource: 'Nghị quyết HĐND',
          tag: 'M',
        },
      ],
    };
    expect(hasNationalBaseLevel(provincialOnly, '2026-03')).toBe(false);
  });
});

describe('MonthPricer', () => {
  it('prices every case exactly as monthEntitlementLine does (property)', () => {
    const codes = SEEDED_CATALOGUE.categories.map((c) => c.code);
    const caseArb = fc.record({
      year: fc.integer({ min: 1925, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
      province: fc.constantFrom('01', '79'),
      categoryCodes: fc.subarray(codes, { minLength: 1, maxLength: 2 }),
      disabilityLevel: fc.constantFrom<PeriodInput['disabilityLevel']>(null, 'severe'),
      suspended: fc.boolean(),
      n: fc.nat(),
    });
    const catalogue: PolicyCatalogue = {
      ...SEEDED_CATALOGUE,
      baseLevels: [
        ...SEEDED_CATALOGUE.baseLevels,
        {
          id: 'p79',
          provinceCode: '79',
          amountVnd: 650_000,
          validFrom: '2025-01-01',
          validTo: null,
          legalSource: 'Nghị quyết HĐND',
          tag: 'M',
        },
      ],
    };
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 60 }), (people) => {
        const pricer = new MonthPricer(catalogue, '2026-03');
        for (const p of people) {
          const c = covered({
            caseId: `c-${p.n}`,
            citizenId: String(p.n).padStart(12, '0'),
            person: {
              birthYear: p.year,
              birthMonth: p.month,
              birthDay: p.day,
              provinceCode: p.province,
            },
            period: period({
              categoryCodes: p.categoryCodes,
              disabilityLevel: p.disabilityLevel,
              suspended: p.suspended,
              decisionId: `d-${p.n}`,
            }),
          });
          expect(pricer.line(c)).toEqual(monthEntitlementLine(catalogue, '2026-03', c));
        }
      }),
    );
  });
});
