import fc from 'fast-check';
import { SourceTag } from '@posa/proto';
import {
  baseLevelRequestOf,
  coefficientRuleRequestOf,
  parseCoefficient,
  parseVnd,
  type Read,
} from './case-policy-input';

const reader =
  (fields: Record<string, string>): Read =>
  (name) =>
    fields[name] ?? '';

function refusedField(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as { field?: string }).field ?? 'no field';
  }
}

const grouped = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

describe('policy catalogue input', () => {
  it('reads any whole amount of VND typed plain or with thousands separators, never a fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('', '.', ',', ' '),
        (n, sep) => {
          expect(parseVnd(sep === '' ? String(n) : grouped(n, sep), 'amount_vnd')).toBe(n);
        },
      ),
    );
    expect(refusedField(() => parseVnd('500.5', 'amount_vnd'))).toBe('amount_vnd');
    expect(refusedField(() => parseVnd('1.50', 'amount_vnd'))).toBe('amount_vnd');
    expect(refusedField(() => parseVnd('0', 'amount_vnd'))).toBe('amount_vnd');
    expect(refusedField(() => parseVnd('99999999999999999', 'amount_vnd'))).toBe('amount_vnd');
  });

  it('reads a coefficient into exact integer hundredths with a comma or a point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(',', '.'), (h, sep) => {
        const text = `${Math.floor(h / 100)}${sep}${String(h % 100).padStart(2, '0')}`;
        expect(parseCoefficient(text, 'coefficient')).toBe(h);
      }),
    );
    expect(parseCoefficient('1,5', 'coefficient')).toBe(150);
    expect(parseCoefficient('2', 'coefficient')).toBe(200);
    expect(parseCoefficient('0.07', 'coefficient')).toBe(7);
    for (const bad of ['0', '1,555', '-1', '1,5,0', '', '100'])
      expect(refusedField(() => parseCoefficient(bad, 'coefficient'))).toBe('coefficient');
  });

  it('builds a provincial base level with its version, naming each missing field', () => {
    const fields = {
      province_code: '01',
      amount_vnd: '600.000',
      valid_from: '2027-01-01',
      legal_source: 'Nghị quyết 12/2026/NQ-HĐND',
      tag: 's',
      reason: 'HĐND tỉnh nâng mức chuẩn',
    };
    expect(baseLevelRequestOf(reader(fields))).toEqual({
      provinceCode: '01',
      amountVnd: '600000',
      validFrom: { year: 2027, month: 1, day: 1 },
      legalSource: 'Nghị quyết 12/2026/NQ-HĐND',
      tag: SourceTag.SOURCE_TAG_SECONDARY,
      reason: 'HĐND tỉnh nâng mức chuẩn',
    });
    for (const missing of ['valid_from', 'legal_source', 'reason'])
      expect(refusedField(() => baseLevelRequestOf(reader({ ...fields, [missing]: '' })))).toBe(
        missing,
      );
    expect(refusedField(() => baseLevelRequestOf(reader({ ...fields, tag: 'X' })))).toBe('tag');
    expect(
      refusedField(() => baseLevelRequestOf(reader({ ...fields, province_code: '001' }))),
    ).toBe('province_code');
  });

  it('refuses an empty or backwards age band of a coefficient line', () => {
    const fields = {
      category_code: 'nd20-1',
      min_age_months: '48',
      max_age_months: '192',
      coefficient: '1,5',
      valid_from: '2027-01-01',
      legal_source: 'NĐ 20/2021 Điều 6',
      tag: 'M',
      reason: 'sửa đổi',
    };
    expect(coefficientRuleRequestOf(reader(fields))).toMatchObject({
      minAgeMonths: 48,
      maxAgeMonths: 192,
      coefficientHundredths: 150,
      disabilityLevel: '',
    });
    expect(
      refusedField(() => coefficientRuleRequestOf(reader({ ...fields, max_age_months: '48' }))),
    ).toBe('max_age_months');
    expect(
      refusedField(() => coefficientRuleRequestOf(reader({ ...fields, disability_level: 'mild' }))),
    ).toBe('disability_level');
  });
});
