import {
  generateTemporaryPassword,
  validateDisplayName,
  validateDomain,
  validateInitialPassword,
  validateRoles,
  validateUsername,
} from './account-input';

describe('account input', () => {
  it('normalises usernames and refuses bad ones naming the field', () => {
    expect(validateUsername(' Can.Bo-01 ')).toBe('can.bo-01');
    expect(() => validateUsername('a')).toThrow(expect.objectContaining({ field: 'username' }));
  });

  it('splits a Vietnamese full name into family name and the rest', () => {
    expect(validateDisplayName('  Nguyễn  Văn An ')).toEqual({
      displayName: 'Nguyễn Văn An',
      lastName: 'Nguyễn',
      firstName: 'Văn An',
    });
    expect(() => validateDisplayName('   ')).toThrow(
      expect.objectContaining({ field: 'display_name' }),
    );
  });

  it('checks roles and the national domain', () => {
    expect(validateRoles(['officer', 'analyst'])).toEqual(['analyst', 'officer']);
    expect(() => validateRoles(['chief'])).toThrow(expect.objectContaining({ field: 'roles' }));
    expect(() => validateRoles([])).toThrow(expect.objectContaining({ field: 'roles' }));
    expect(() => validateDomain('VN', ['analyst'], null)).toThrow(
      expect.objectContaining({ field: 'national_domain' }),
    );
    expect(validateDomain('VN', ['system_admin'], null)).toBeNull();
    expect(() => validateDomain('01', ['officer'], 'social_assistance')).toThrow(
      expect.objectContaining({ field: 'national_domain' }),
    );
  });

  it('generates temporary passwords that meet the realm policy', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(validateInitialPassword(password, 'someone')).toBe(password);
    }
    expect(() => validateInitialPassword('short1A', 'x')).toThrow(
      expect.objectContaining({ field: 'initial_password' }),
    );
  });
});
