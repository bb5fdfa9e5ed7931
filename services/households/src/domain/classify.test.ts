import fc from 'fast-check';
import { classify, ClassifyInputError, SEVERITY, type ClassifyResult } from './classify';
import { ruleOf, standardInForce, type Area, type PovertyStandard } from './standard';
import { ALL_STANDARDS, STANDARD_2016, STANDARD_2022, STANDARD_2026 } from './standards.fixture';

const codes = (standard: PovertyStandard) => standard.indicators.map((i) => i.code);

function run(
  standard: PovertyStandard,
  area: Area,
  income: bigint,
  deprived: readonly string[] = [],
): ClassifyResult {
  return classify({
    standard,
    rule: ruleOf(standard, area),
    incomePerPerson: income,
    deprivedIndicatorCodes: deprived,
  });
}

const standardArb = fc.constantFrom(...ALL_STANDARDS);
const areaArb = fc.constantFrom<Area>('rural', 'urban');
const incomeArb = fc.bigInt({ min: 0n, max: 5_000_000n });
const caseArb = standardArb.chain((standard) =>
  fc.record({
    standard: fc.constant(standard),
    area: areaArb,
    income: incomeArb,
    deprived: fc.subarray(codes(standard)),
  }),
);

describe('classify: lines and boundaries', () => {
  const lines: Array<[PovertyStandard, Area, bigint]> = [
    [STANDARD_2016, 'rural', 1_000_000n],
    [STANDARD_2016, 'urban', 1_300_000n],
    [STANDARD_2022, 'rural', 1_500_000n],
    [STANDARD_2022, 'urban', 2_000_000n],
    [STANDARD_2026, 'rural', 2_200_000n],
    [STANDARD_2026, 'urban', 2_800_000n],
  ];

  it.each(lines)('%# exactly at the poverty line with 3 deprivations is poor', (s, area, line) => {
    const three = codes(s).slice(0, 3);
    expect(run(s, area, line, three).classification).toBe('poor');
    expect(run(s, area, line, three.slice(0, 2)).classification).toBe('near_poor');
    expect(['average_living', 'not_poor']).toContain(run(s, area, line + 1n, three).classification);
  });

  it('income at a line and one dong above, with 3 vs 2 deprivations, in every standard', () => {
    fc.assert(
      fc.property(standardArb, areaArb, (standard, area) => {
        const rule = ruleOf(standard, area);
        const three = codes(standard).slice(0, 3);
        expect(run(standard, area, rule.povertyLine, three).rule).toMatch(/\/poor-/);
        expect(run(standard, area, rule.povertyLine, three.slice(0, 2)).rule).toBe(
          `${standard.code}/near-poor`,
        );
        const above = run(standard, area, rule.povertyLine + 1n, three);
        expect(above.classification).toBe(
          rule.averageLivingLine === null ? 'not_poor' : 'average_living',
        );
        if (rule.averageLivingLine !== null) {
          expect(run(standard, area, rule.averageLivingLine).classification).toBe('average_living');
          expect(run(standard, area, rule.averageLivingLine + 1n).classification).toBe('not_poor');
        }
      }),
    );
  });

  it('2022-2025 average living bands: rural 1.5 M < income ≤ 2.25 M, urban 2.0 M < income ≤ 3.0 M', () => {
    expect(run(STANDARD_2022, 'rural', 2_250_000n).classification).toBe('average_living');
    expect(run(STANDARD_2022, 'rural', 2_250_001n).classification).toBe('not_poor');
    expect(run(STANDARD_2022, 'urban', 3_000_000n).classification).toBe('average_living');
    expect(run(STANDARD_2022, 'urban', 3_000_001n).classification).toBe('not_poor');
  });

  it('2026-2030 has no average living band', () => {
    expect(run(STANDARD_2026, 'rural', 2_200_001n).classification).toBe('not_poor');
  });
});

describe('classify: 2016-2020 income-only poor band', () => {
  it('at or below the policy poverty line is poor with no deprivation at all', () => {
    fc.assert(
      fc.property(areaArb, fc.bigInt({ min: 0n, max: 700_000n }), (area, delta) => {
        const line = ruleOf(STANDARD_2016, area).incomeOnlyPoorLine!;
        const income = delta > line ? line : line - delta;
        const result = run(STANDARD_2016, area, income);
        expect(result.classification).toBe('poor');
        expect(result.rule).toBe('2016-2020/poor-income-only');
      }),
    );
  });

  it('one dong above the policy line needs 3 deprivations to be poor', () => {
    expect(run(STANDARD_2016, 'rural', 700_001n).classification).toBe('near_poor');
    expect(run(STANDARD_2016, 'urban', 900_001n).classification).toBe('near_poor');
    const three = codes(STANDARD_2016).slice(0, 3);
    expect(run(STANDARD_2016, 'rural', 700_001n, three).rule).toBe(
      '2016-2020/poor-income-and-deprivation',
    );
  });

  it('later standards have no income-only band: low income with < 3 deprivations is near-poor', () => {
    expect(run(STANDARD_2022, 'rural', 0n, ['employment', 'dependants']).classification).toBe(
      'near_poor',
    );
    expect(run(STANDARD_2026, 'urban', 0n).classification).toBe('near_poor');
  });
});

describe('classify: monotonicity', () => {
  it('more income never makes a household poorer', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 0n, max: 3_000_000n }), (c, extra) => {
        const before = run(c.standard, c.area, c.income, c.deprived);
        const after = run(c.standard, c.area, c.income + extra, c.deprived);
        expect(SEVERITY[after.classification]).toBeLessThanOrEqual(SEVERITY[before.classification]);
      }),
    );
  });

  it('more deprivations never make a household less poor', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const all = codes(c.standard);
        const more = [...c.deprived, all[seed % all.length]!];
        const before = run(c.standard, c.area, c.income, c.deprived);
        const after = run(c.standard, c.area, c.income, more);
        expect(SEVERITY[after.classification]).toBeGreaterThanOrEqual(
          SEVERITY[before.classification],
        );
      }),
    );
  });
});

describe('classify: input', () => {
  it('reports the deprived indicators deduplicated and sorted', () => {
    const result = run(STANDARD_2022, 'rural', 0n, ['nutrition', 'employment', 'nutrition']);
    expect(result.deprived).toEqual(['employment', 'nutrition']);
    expect(result.classification).toBe('near_poor');
  });

  it('names the field of an indicator the standard does not have', () => {
    const error = (() => {
      try {
        run(STANDARD_2026, 'rural', 0n, ['employment', 'information_access_means']);
      } catch (err) {
        return err;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(ClassifyInputError);
    expect((error as ClassifyInputError).field).toBe('deprived_indicator_codes[1]');
  });

  it('refuses a negative income', () => {
    expect(() => run(STANDARD_2022, 'urban', -1n)).toThrow(
      'income_per_person: must not be negative',
    );
  });
});

describe('standardInForce', () => {
  it.each([
    ['2015-12-31', undefined],
    ['2016-01-01', '2016-2020'],
    ['2021-12-31', '2016-2020'],
    ['2022-01-01', '2022-2025'],
    ['2026-12-31', '2022-2025'],
    ['2027-01-01', '2026-2030'],
    ['2030-12-31', '2026-2030'],
    ['2031-01-01', undefined],
  ])('on %s: %s', (date, code) => {
    expect(standardInForce(ALL_STANDARDS, date)?.standard.code).toBe(code);
  });
});
