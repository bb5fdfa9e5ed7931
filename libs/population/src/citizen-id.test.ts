import fc from 'fast-check';
import {
  BIRTH_PROVINCE_CODES,
  CENTURY_SEX_DIGITS,
  centurySexDigit,
  citizenIdProblem,
} from './citizen-id';

describe('citizen ID structure', () => {
  it('lists the 63 pre-2025 provinces, Hà Nội 001 and TP.HCM 079 among them', () => {
    expect(BIRTH_PROVINCE_CODES.size).toBe(63);
    expect(BIRTH_PROVINCE_CODES.has('001')).toBe(true);
    expect(BIRTH_PROVINCE_CODES.has('079')).toBe(true);
    expect(BIRTH_PROVINCE_CODES.has('003')).toBe(false);
  });

  it('encodes century and sex as in the table', () => {
    expect(centurySexDigit(1985, 'male')).toBe('0');
    expect(centurySexDigit(1985, 'female')).toBe('1');
    expect(centurySexDigit(2000, 'male')).toBe('2');
    expect(centurySexDigit(2012, 'female')).toBe('3');
    expect(centurySexDigit(2100, 'female')).toBe('5');
    expect(centurySexDigit(1899, 'male')).toBeUndefined();
    expect(CENTURY_SEX_DIGITS.map((r) => r.male + r.female).join('')).toBe('0123456789');
  });

  it('accepts an ID that fits the person and names each misfit', () => {
    expect(citizenIdProblem('001085012345', 1985, 'male')).toBeUndefined();
    expect(citizenIdProblem('079312000001', 2012, 'female')).toBeUndefined();
    expect(citizenIdProblem('00108501234', 1985, 'male')).toMatch(/12 digits/);
    expect(citizenIdProblem('00108501234a', 1985, 'male')).toMatch(/12 digits/);
    expect(citizenIdProblem('003085012345', 1985, 'male')).toMatch(/digits 1-3/);
    expect(citizenIdProblem('001185012345', 1985, 'male')).toMatch(/digit 4 must be 0/);
    expect(citizenIdProblem('001086012345', 1985, 'male')).toMatch(/digits 5-6 must be 85/);
  });

  it('accepts exactly the IDs built from the rule (property)', () => {
    const provinces = [...BIRTH_PROVINCE_CODES];
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.integer({ min: 1900, max: 2399 }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.stringMatching(/^[0-9]{6}$/),
        fc.integer({ min: 0, max: 9 }),
        (province, year, sex, tail, digit) => {
          const yy = String(year % 100).padStart(2, '0');
          const id = `${province}${digit}${yy}${tail}`;
          const fits = String(digit) === centurySexDigit(year, sex);
          expect(citizenIdProblem(id, year, sex) === undefined).toBe(fits);
        },
      ),
    );
  });
});
