import { ROLES } from '@posa/auth';
import { NationalDomain } from '@posa/proto';
import { offeredRoles } from './role-offer';

const answer = (roles: string[], ...domainRoles: string[][]) => ({
  roles,
  domainRoles: domainRoles.map((r, i) => ({
    nationalDomain:
      i === 0
        ? NationalDomain.NATIONAL_DOMAIN_SOCIAL_ASSISTANCE
        : NationalDomain.NATIONAL_DOMAIN_POVERTY_REDUCTION,
    roles: r,
  })),
});

describe('roles offered by the forms', () => {
  it('lists what identity answers, in the order of the roles', () => {
    expect(offeredRoles(answer(['analyst', 'officer']))).toEqual(['officer', 'analyst']);
    expect(offeredRoles(answer([]))).toEqual([]);
    expect(offeredRoles()).toEqual([]);
  });

  it('joins the roles without a domain and those of every domain, once each', () => {
    expect(offeredRoles(answer(['system_admin'], ['auditor', 'officer'], ['officer']))).toEqual([
      'system_admin',
      'officer',
      'auditor',
    ]);
    expect(
      offeredRoles(answer(['officer']), answer(['unit_admin', 'officer'], [...ROLES])),
    ).toEqual([...ROLES]);
  });

  it('drops a role the console does not know', () => {
    expect(offeredRoles(answer(['chief', 'analyst']))).toEqual(['analyst']);
  });
});
