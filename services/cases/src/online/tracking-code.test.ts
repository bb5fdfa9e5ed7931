import fc from 'fast-check';
import { CROCKFORD_ALPHABET, newTrackingCode, normaliseTrackingCode } from './tracking-code';

describe('tracking codes', () => {
  it('are 10 symbols of the Crockford alphabet and read back unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = newTrackingCode(() => Buffer.from(bytes));
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(normaliseTrackingCode(code)).toBe(code);
      }),
    );
  });

  it('use every symbol of the alphabet', () => {
    const code = newTrackingCode(() => Buffer.from([...Array(32).keys()].slice(0, 10)));
    expect(code).toBe('0123456789');
    const tail = newTrackingCode(() => Buffer.from([22, 23, 24, 25, 26, 27, 28, 29, 30, 31]));
    expect(tail).toBe(CROCKFORD_ALPHABET.slice(22));
  });

  it('accept what a person types: lower case, spaces, hyphens, O for 0, I and L for 1', () => {
    expect(normaliseTrackingCode('ab12-cd34 ef')).toBe('AB12CD34EF');
    expect(normaliseTrackingCode('oil0000000')).toBe('0110000000');
  });

  it('refuse other lengths and U', () => {
    expect(normaliseTrackingCode('AB12CD34E')).toBeUndefined();
    expect(normaliseTrackingCode('AB12CD34EFG')).toBeUndefined();
    expect(normaliseTrackingCode('AB12CD34EU')).toBeUndefined();
    expect(normaliseTrackingCode('')).toBeUndefined();
  });
});
