import { principalFromClaims, InvalidPrincipalError, hasRole } from './principal';

describe('principalFromClaims', () => {
  it('reads the account id, unit and the POSA roles, ignoring others', () => {
    const p = principalFromClaims({
      sub: 'a-1',
      unit_code: '00004',
      realm_access: { roles: ['officer', 'offline_access', 'approver', 'default-roles-posa'] },
    });
    expect(p).toEqual({
      userId: 'a-1',
      unitCode: '00004',
      roles: new Set(['officer', 'approver']),
      isService: false,
    });
    expect(hasRole(p, 'approver')).toBe(true);
    expect(hasRole(p, 'unit_admin', 'auditor')).toBe(false);
  });

  it('names the claim that is missing or wrong', () => {
    expect(() => principalFromClaims({ unit_code: '01' })).toThrow(
      new InvalidPrincipalError('sub', 'missing'),
    );
    expect(() => principalFromClaims({ sub: 'a' })).toThrow(/^unit_code: missing/);
    expect(() => principalFromClaims({ sub: 'a', unit_code: 'Hà Nội' })).toThrow(
      'unit_code: not a unit code',
    );
  });

  it('binds a known service client without unit to the national level', () => {
    const p = principalFromClaims(
      { sub: 's', azp: 'posa-services' },
      { serviceClients: ['posa-services'] },
    );
    expect(p.isService).toBe(true);
    expect(p.unitCode).toBe('VN');
    expect(() =>
      principalFromClaims({ sub: 's', azp: 'posa-cli' }, { serviceClients: ['posa-services'] }),
    ).toThrow(/unit_code/);
  });
});
