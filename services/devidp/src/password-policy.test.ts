import { checkNewPassword } from './password-policy';

describe('checkNewPassword', () => {
  it('accepts a password that meets every rule', () => {
    expect(checkNewPassword('Good-Pass-2026', 'Good-Pass-2026', 'l.nguyen')).toEqual([]);
  });

  it('names each missing requirement', () => {
    expect(checkNewPassword('short', 'short', 'l.nguyen')).toEqual([
      'newLength',
      'newDigit',
      'newUpper',
    ]);
    expect(checkNewPassword('ALLUPPER2026', 'ALLUPPER2026', 'x')).toEqual(['newLower']);
    expect(checkNewPassword('alllower2026', 'alllower2026', 'x')).toEqual(['newUpper']);
    expect(checkNewPassword('NoDigitsHere', 'NoDigitsHere', 'x')).toEqual(['newDigit']);
  });

  it('enforces the length bounds exactly', () => {
    expect(checkNewPassword('Abcdefgh1', 'Abcdefgh1', 'x')).toEqual(['newLength']);
    expect(checkNewPassword('Abcdefgh12', 'Abcdefgh12', 'x')).toEqual([]);
    const long = `Aa1${'b'.repeat(125)}`;
    expect(checkNewPassword(long, long, 'x')).toEqual([]);
    expect(checkNewPassword(`${long}c`, `${long}c`, 'x')).toEqual(['newLength']);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(checkNewPassword('L.Nguyen-2026', 'L.Nguyen-2026', 'l.nguyen')).toEqual(['newUsername']);
  });

  it('refuses a confirmation that differs', () => {
    expect(checkNewPassword('Good-Pass-2026', 'Good-Pass-2027', 'x')).toEqual(['confirmMismatch']);
  });
});
