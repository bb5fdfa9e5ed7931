import {
  firstError,
  isAccountId,
  listOf,
  parseAccountDraft,
  parseLockReason,
  parseRolesDraft,
} from './account-input';

describe('account input', () => {
  it('reads a console form (snake_case, one checkbox or many)', () => {
    const one = parseAccountDraft({
      username: '  Lan.Nguyen ',
      display_name: ' Nguyễn Thị Lan ',
      unit_code: '00004',
      roles: 'officer',
      initial_password: '',
    });
    expect(one.errors).toEqual({});
    expect(one.value).toEqual({
      username: 'lan.nguyen',
      displayName: 'Nguyễn Thị Lan',
      unitCode: '00004',
      roles: ['officer'],
      nationalDomain: '',
      initialPassword: '',
    });
    const many = parseAccountDraft({
      username: 'a.b',
      display_name: 'An',
      unit_code: 'VN',
      roles: ['officer', 'analyst', 'officer'],
      national_domain: 'poverty_reduction',
    });
    expect(many.value.roles).toEqual(['analyst', 'officer']);
    expect(many.value.nationalDomain).toBe('poverty_reduction');
  });

  it('reads an API body (camelCase, arrays)', () => {
    const parsed = parseAccountDraft({
      username: 'lan',
      displayName: 'Lan',
      unitCode: '01',
      roles: ['unit_admin'],
      nationalDomain: 'social_assistance',
      initialPassword: 'Temp-Pass-2025',
    });
    expect(parsed.errors).toEqual({});
    expect(parsed.value).toMatchObject({ unitCode: '01', initialPassword: 'Temp-Pass-2025' });
  });

  it('names the field of every missing or malformed value', () => {
    const { errors } = parseAccountDraft({ unit_code: '12345678', roles: ['chief'] });
    expect(Object.keys(errors).sort()).toEqual(['display_name', 'roles', 'unit_code', 'username']);
    expect(errors['roles']).toBe('unknown role "chief"');
    expect(parseAccountDraft({ roles: [] }).errors['roles']).toBe('choose at least one role');
    expect(parseAccountDraft({ roles: 7 }).errors['roles']).toBe('must be a list of role names');
    expect(parseAccountDraft({ national_domain: 'health' }).errors['national_domain']).toMatch(
      /social_assistance/,
    );
    expect(parseAccountDraft({ username: 'x'.repeat(65) }).errors['username']).toMatch(/64/);
    expect(
      parseAccountDraft({ initialPassword: 'x'.repeat(129) }).errors['initial_password'],
    ).toMatch(/128/);
  });

  it('takes only strings: other types count as absent', () => {
    const { value, errors } = parseAccountDraft({ username: ['a', 'b'], display_name: { x: 1 } });
    expect(value.username).toBe('');
    expect(errors['username']).toBe('is required');
    expect(errors['display_name']).toBe('is required');
    expect(listOf({ roles: ['a', 3, 'b'] }, 'roles')).toEqual(['a', 'b']);
  });

  it('reads role changes and lock reasons', () => {
    expect(parseRolesDraft({ roles: ['approver', 'officer'] })).toEqual({
      value: { roles: ['approver', 'officer'], nationalDomain: '' },
      errors: {},
    });
    expect(parseRolesDraft({}).errors).toEqual({ roles: 'choose at least one role' });
    expect(parseLockReason({ reason: '  nghỉ việc ' })).toEqual({ value: 'nghỉ việc', errors: {} });
    expect(parseLockReason({ reason: ' ' }).errors).toEqual({ reason: 'is required' });
    expect(parseLockReason({ reason: 'x'.repeat(501) }).errors['reason']).toMatch(/500/);
  });

  it('gives the first error for the API and recognises account ids', () => {
    expect(firstError({})).toBeUndefined();
    expect(firstError({ username: 'is required', roles: 'x' })).toEqual({
      field: 'username',
      reason: 'is required',
    });
    expect(isAccountId('0b7e2a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c')).toBe(true);
    expect(isAccountId('../admin')).toBe(false);
    expect(isAccountId(undefined)).toBe(false);
  });
});
