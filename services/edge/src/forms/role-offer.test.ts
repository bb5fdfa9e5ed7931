import { ROLES } from '@posa/auth';
import { offeredRoles, tierOfCode } from './role-offer';

const roles = (...r: string[]): ReadonlySet<string> => new Set(r);

describe('roles offered by the forms', () => {
  it('follow the grant rules in force: tier and role of the caller', () => {
    expect(offeredRoles(roles('system_admin'), 'VN')).toEqual([...ROLES]);
    expect(offeredRoles(roles('unit_admin'), 'VN')).toEqual([
      'unit_admin',
      'officer',
      'approver',
      'analyst',
      'auditor',
    ]);
    expect(offeredRoles(roles('unit_admin'), '01')).toEqual(
      offeredRoles(roles('unit_admin'), 'VN'),
    );
    expect(offeredRoles(roles('unit_admin'), '00004')).toEqual(['officer', 'analyst']);
  });

  it('offer nothing to callers who grant nothing', () => {
    expect(offeredRoles(roles('officer', 'auditor'), '01')).toEqual([]);
    // A system_admin role outside the national level grants nothing by the seeded rules.
    expect(offeredRoles(roles('system_admin'), '01')).toEqual([]);
  });

  it('read the tier from the unit code', () => {
    expect(['VN', '01', '001', '00004'].map(tierOfCode)).toEqual([
      'national',
      'province',
      'district',
      'commune',
    ]);
  });
});
