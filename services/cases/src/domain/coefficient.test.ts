import fc from 'fast-check';
import { FailedPreconditionError } from '@posa/platform';
import {
  ageInMonthsOn,
  amountOf,
  coefficientFor,
  formatCoefficient,
  formatVnd,
  type BeneficiaryFacts,
} from './coefficient';
import { SEEDED_CATALOGUE as CAT } from './policy.fixture';

const born = (
  year: number,
  month: number | null = null,
  day: number | null = null,
): BeneficiaryFacts => ({
  birthYear: year,
  birthMonth: month,
  birthDay: day,
  provinceCode: '01',
});

describe('amountOf (rounded half up to the dong)', () => {
  it('multiplies by the coefficient in hundredths', () => {
    expect(amountOf(500_000, 150)).toBe(750_000);
    expect(amountOf(360_000, 250)).toBe(900_000);
    expect(amountOf(333, 150)).toBe(500); // 499.5 -> 500
    expect(amountOf(331, 150)).toBe(497); // 496.5 -> 497
    expect(amountOf(1, 149)).toBe(1); // 1.49 -> 1
    expect(amountOf(0, 250)).toBe(0);
  });

  it('equals floor((base × coef + 50) / 100), is an integer and never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (base, coef) => {
          const amount = amountOf(base, coef);
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(BigInt(amount)).toBe((BigInt(base) * BigInt(coef) + 50n) / 100n);
        },
      ),
    );
  });

  it('refuses fractions and negatives', () => {
    expect(() => amountOf(500_000.5, 150)).toThrow(RangeError);
    expect(() => amountOf(-1, 150)).toThrow(RangeError);
    expect(() => amountOf(500_000, 1.5)).toThrow(RangeError);
  });
});

describe('ageInMonthsOn', () => {
  it('a child turning 4 on 15 March is under 4 on 1 March and 4 on 1 April', () => {
    expect(ageInMonthsOn(born(2020, 3, 15), '2024-03-01')).toBe(47);
    expect(ageInMonthsOn(born(2020, 3, 15), '2024-04-01')).toBe(48);
  });

  it('a birth on the 1st counts in its own month; year only is 1 January; month only is the 1st', () => {
    expect(ageInMonthsOn(born(2020, 3, 1), '2024-03-01')).toBe(48);
    expect(ageInMonthsOn(born(2020), '2024-01-01')).toBe(48);
    expect(ageInMonthsOn(born(2020, 3), '2024-03-01')).toBe(48);
  });
});

describe('coefficientFor (Decree 20/2021 Art. 6(1))', () => {
  const on = (
    person: BeneficiaryFacts,
    code: string,
    date: string,
    level: 'severe' | 'extremely_severe' | null = null,
  ) => coefficientFor(CAT, code, person, level, date).coefficientHundredths;

  it('group 6: extremely severe 2.0, children under 16 and elderly 60+ 2.5; severe 1.5 / 2.0', () => {
    expect(on(born(2015, 6, 1), 'nd20-6', '2025-01-01', 'extremely_severe')).toBe(250);
    expect(on(born(1990), 'nd20-6', '2025-01-01', 'extremely_severe')).toBe(200);
    expect(on(born(1960), 'nd20-6', '2025-01-01', 'extremely_severe')).toBe(250);
    expect(on(born(2015, 6, 1), 'nd20-6', '2025-01-01', 'severe')).toBe(200);
    expect(on(born(1990), 'nd20-6', '2025-01-01', 'severe')).toBe(150);
    expect(on(born(1960), 'nd20-6', '2025-01-01', 'severe')).toBe(200);
  });

  it('group 6 without a disability level is an error naming the category', () => {
    const call = () => on(born(1990), 'nd20-6', '2025-01-01');
    expect(call).toThrow(FailedPreconditionError);
    expect(call).toThrow(/category nd20-6/);
  });

  it('group 5a: 1.5 from 60 to under 80, 2.0 from 80; under 60 no rule', () => {
    expect(on(born(1950, 5, 20), 'nd20-5a', '2030-05-01')).toBe(150); // 79 years 11 months
    expect(on(born(1950, 5, 20), 'nd20-5a', '2030-06-01')).toBe(200);
    expect(() => on(born(1970), 'nd20-5a', '2025-01-01')).toThrow(/category nd20-5a/);
  });

  it('age bands switch exactly in the month after a birthday falling after the 1st', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2018, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const child = born(year, month, day);
          const fourth = `${year + 4}-${String(month).padStart(2, '0')}-01`;
          const next =
            month === 12
              ? `${year + 5}-01-01`
              : `${year + 4}-${String(month + 1).padStart(2, '0')}-01`;
          const expectedOnFirst = day === 1 ? 150 : 250;
          expect(on(child, 'nd20-1', fourth)).toBe(expectedOnFirst);
          expect(on(child, 'nd20-1', next)).toBe(150);
        },
      ),
    );
  });

  it('the Decree 136/2013 table applies until 2021-06-30 only', () => {
    expect(on(born(1990), 'nd136-7', '2021-06-01', 'severe')).toBe(150);
    expect(() => on(born(1990), 'nd136-7', '2021-07-01', 'severe')).toThrow(/nd136-7/);
  });
});

describe('Vietnamese number formats', () => {
  it('groups dong with dots and writes coefficients with a decimal comma', () => {
    expect(formatVnd(750_000)).toBe('750.000');
    expect(formatVnd(1_250_000)).toBe('1.250.000');
    expect(formatVnd(500)).toBe('500');
    expect(formatVnd(-20_000)).toBe('-20.000');
    expect(formatCoefficient(150)).toBe('1,5');
    expect(formatCoefficient(200)).toBe('2');
    expect(formatCoefficient(125)).toBe('1,25');
    expect(formatCoefficient(105)).toBe('1,05');
  });
});
