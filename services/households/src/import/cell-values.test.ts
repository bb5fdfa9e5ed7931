import { twoDigitCodeOf } from './cell-values';

describe('household cell codes', () => {
  it('pads one-digit codes and keeps two-digit ones', () => {
    expect(twoDigitCodeOf(1)).toBe('01');
    expect(twoDigitCodeOf('7')).toBe('07');
    expect(twoDigitCodeOf('27')).toBe('27');
    expect(twoDigitCodeOf(undefined)).toBe('');
  });
});
