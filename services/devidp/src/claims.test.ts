import type { DevAccount } from './account-source';
import {
  identityClaims,
  serviceAccessClaims,
  sessionStillValid,
  staffAccessClaims,
} from './claims';

const account: DevAccount = {
  subject: 's-1',
  username: 'demo.hn.xa',
  displayName: 'Nguyễn Thị Lan',
  unitCode: '00004',
  roles: ['approver', 'officer'],
  active: true,
  sessionEpoch: 2,
};

describe('token claims', () => {
  it('gives staff access tokens the Keycloak shape', () => {
    expect(staffAccessClaims(account, 'posa-edge')).toEqual({
      typ: 'Bearer',
      azp: 'posa-edge',
      preferred_username: 'demo.hn.xa',
      unit_code: '00004',
      realm_access: { roles: ['approver', 'officer'] },
    });
  });

  it('gives service tokens no unit', () => {
    const claims = serviceAccessClaims('posa-services');
    expect(claims).toEqual({ typ: 'Bearer', azp: 'posa-services', realm_access: { roles: [] } });
    expect(claims).not.toHaveProperty('unit_code');
  });

  it('marks ID tokens typ ID and splits the Vietnamese name (family name first)', () => {
    expect(identityClaims(account)).toMatchObject({
      sub: 's-1',
      typ: 'ID',
      family_name: 'Nguyễn',
      given_name: 'Thị Lan',
      unit_code: '00004',
    });
  });

  it('keeps a session only while the account is active and its epoch unchanged', () => {
    expect(sessionStillValid(account, 2)).toBe(true);
    expect(sessionStillValid(account, 1)).toBe(false);
    expect(sessionStillValid(account, undefined)).toBe(false);
    expect(sessionStillValid({ ...account, active: false }, 2)).toBe(false);
    expect(sessionStillValid(null, 2)).toBe(false);
  });
});
