import { status } from '@grpc/grpc-js';
import {
  Area,
  Classification,
  Confidence,
  type CalendarDate,
  type ClassifyRequest,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';

let h: Harness;
let md: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('standards', { today: () => '2026-11-23' });
  md = await h.signIn('officer', '79', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

const day = (iso: string): CalendarDate => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: d! };
};

const classify = (request: Partial<ClassifyRequest>) =>
  h.standards.call(
    'classify',
    { area: Area.AREA_RURAL, deprivedIndicatorCodes: [], ...request },
    { metadata: md },
  );

describe('PovertyStandardService', () => {
  it('lists the three seeded standards with rules, indicators and confidence tags', async () => {
    const { standards } = await h.standards.call('listStandards', {}, { metadata: md });
    expect(standards.map((s) => s.code)).toEqual(['2016-2020', '2022-2025', '2026-2030']);
    const s2022 = standards[1]!;
    expect(s2022.indicators).toHaveLength(12);
    const rural = s2022.rules.find((r) => r.area === Area.AREA_RURAL)!;
    expect(rural.povertyLine?.vnd).toBe('1500000');
    expect(rural.averageLivingLine?.vnd).toBe('2250000');
    expect(rural.lineConfidence).toBe(Confidence.CONFIDENCE_CONFIRMED);
    expect(rural.averageLivingConfidence).toBe(Confidence.CONFIDENCE_UNVERIFIED);
    expect(standards[0]!.rules[0]!.incomeOnlyPoorLine?.vnd).toBe('700000');
    expect(standards[2]!.indicators.map((i) => i.code)).toContain('waste_treatment');
  });

  it.each([
    ['2021-12-31', '2016-2020', '900000'],
    ['2022-01-01', '2022-2025', '2000000'],
    ['2026-12-31', '2022-2025', '2000000'],
    ['2027-01-01', '2026-2030', '2800000'],
  ])('on %s the standard in force is %s (urban line %s)', async (asOf, code, line) => {
    const answer = await h.standards.call(
      'getStandardInForce',
      { asOf: day(asOf), area: Area.AREA_URBAN },
      { metadata: md },
    );
    expect(answer.standard?.code).toBe(code);
    const expectedLine =
      code === '2016-2020' ? answer.rule?.incomeOnlyPoorLine : answer.rule?.povertyLine;
    expect(expectedLine?.vnd).toBe(line);
  });

  it('defaults as_of to today in Vietnam (2026: still the 2022-2025 standard)', async () => {
    const answer = await h.standards.call(
      'getStandardInForce',
      { area: Area.AREA_RURAL },
      { metadata: md },
    );
    expect(answer.standard?.code).toBe('2022-2025');
    expect(answer.period?.validFrom).toEqual(day('2026-01-01'));
  });

  it('classifies at the boundaries', async () => {
    const three = ['employment', 'nutrition', 'housing_area'];
    const at = await classify({
      asOf: day('2025-06-01'),
      incomePerPerson: { vnd: '1500000' },
      deprivedIndicatorCodes: three,
    });
    expect(at).toMatchObject({
      classification: Classification.CLASSIFICATION_POOR,
      rule: '2022-2025/poor-income-and-deprivation',
      standardCode: '2022-2025',
      deprived: ['employment', 'housing_area', 'nutrition'],
    });
    const two = await classify({
      asOf: day('2025-06-01'),
      incomePerPerson: { vnd: '1500000' },
      deprivedIndicatorCodes: three.slice(0, 2),
    });
    expect(two.classification).toBe(Classification.CLASSIFICATION_NEAR_POOR);
    const above = await classify({
      asOf: day('2025-06-01'),
      incomePerPerson: { vnd: '1500001' },
      deprivedIndicatorCodes: three,
    });
    expect(above.classification).toBe(Classification.CLASSIFICATION_AVERAGE_LIVING);
    const incomeOnly = await classify({
      asOf: day('2021-12-31'),
      incomePerPerson: { vnd: '700000' },
    });
    expect(incomeOnly).toMatchObject({
      classification: Classification.CLASSIFICATION_POOR,
      rule: '2016-2020/poor-income-only',
    });
    const newLine = await classify({
      asOf: day('2027-01-01'),
      incomePerPerson: { vnd: '2200001' },
    });
    expect(newLine.classification).toBe(Classification.CLASSIFICATION_NOT_POOR);
  });

  it.each<[string, Partial<ClassifyRequest>, string]>([
    ['negative income', { incomePerPerson: { vnd: '-1' } }, 'income_per_person'],
    ['unknown area', { area: Area.AREA_UNSPECIFIED }, 'area'],
    [
      'unknown indicator',
      {
        asOf: day('2027-03-01'),
        deprivedIndicatorCodes: ['employment', 'information_access_means'],
      },
      'deprived_indicator_codes[1]',
    ],
    ['date outside every standard', { asOf: day('2015-12-31') }, 'as_of'],
    ['impossible date', { asOf: { year: 2025, month: 2, day: 30 } }, 'as_of'],
  ])('refuses %s with INVALID_ARGUMENT naming the field', async (_label, request, field) => {
    const error = await rejectionOf(classify({ incomePerPerson: { vnd: '0' }, ...request }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain(field);
  });

  it('refuses a date after every standard for GetStandardInForce', async () => {
    const error = await rejectionOf(
      h.standards.call(
        'getStandardInForce',
        { asOf: day('2031-01-01'), area: Area.AREA_URBAN },
        { metadata: md },
      ),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain('as_of');
  });

  it('refuses a call without a token', async () => {
    const error = await rejectionOf(h.standards.call('listStandards', {}));
    expect(error.code).toBe(status.UNAUTHENTICATED);
  });
});

describe('corrections by an administrator', () => {
  it('an UPDATE of an unverified value takes effect without a restart', async () => {
    await h.app.pool.query(
      `UPDATE poverty_rule SET average_living_line = 2300000
        WHERE standard_code = '2022-2025' AND area = 'rural'`,
    );
    const answer = await classify({
      asOf: day('2024-05-01'),
      incomePerPerson: { vnd: '2260000' },
    });
    expect(answer.classification).toBe(Classification.CLASSIFICATION_AVERAGE_LIVING);
  });
});
