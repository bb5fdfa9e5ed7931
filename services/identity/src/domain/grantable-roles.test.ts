import fc from 'fast-check';
import type { Role } from '@posa/auth';
import { tierOfCode, type Actor } from './access-model';
import { SEED_ACCESS } from './access-seed.fixture';
import { canGrant } from './grant-rules';
import { grantableRoles } from './grantable-roles';

const actor = (unitCode: string, roles: Role[], domain: Actor['domain'] = null): Actor => ({
  userId: 'a-1',
  unitCode,
  roles: new Set(roles),
  isService: false,
  domain,
});
const at = (actorUnit: string, unitCode: string) => ({
  unitCode,
  tier: tierOfCode(unitCode)!,
  relation: unitCode === actorUnit ? ('own' as const) : ('below' as const),
});
const STAFF = ['unit_admin', 'officer', 'approver', 'analyst', 'auditor'];
const ALL: Role[] = ['system_admin', 'unit_admin', 'officer', 'approver', 'analyst', 'auditor'];
const TODAY = '2025-09-01';

describe('grantableRoles', () => {
  it('gives the seeded grants of each tier in the 2025 structure', () => {
    expect(
      grantableRoles(actor('01', ['unit_admin']), at('01', '00004'), TODAY, SEED_ACCESS),
    ).toEqual({ roles: STAFF, byDomain: [] });
    expect(
      grantableRoles(actor('00004', ['unit_admin']), at('00004', '00004'), TODAY, SEED_ACCESS),
    ).toEqual({ roles: ['officer', 'analyst'], byDomain: [] });
    expect(
      grantableRoles(actor('01', ['officer', 'auditor']), at('01', '00004'), TODAY, SEED_ACCESS),
    ).toEqual({ roles: [], byDomain: [] });
  });

  it('answers per domain at the national level: a unit_admin only in its own domain', () => {
    const admin = actor('VN', ['unit_admin'], 'social_assistance');
    expect(grantableRoles(admin, at('VN', 'VN'), TODAY, SEED_ACCESS)).toEqual({
      roles: [],
      byDomain: [
        { domain: 'social_assistance', roles: STAFF },
        { domain: 'poverty_reduction', roles: [] },
      ],
    });
    expect(
      grantableRoles(actor('VN', ['system_admin']), at('VN', 'VN'), TODAY, SEED_ACCESS),
    ).toEqual({
      roles: ['system_admin'],
      byDomain: [
        { domain: 'social_assistance', roles: ALL },
        { domain: 'poverty_reduction', roles: ALL },
      ],
    });
  });

  it('offers nothing at a district once districts are gone', () => {
    const admin = actor('01', ['unit_admin']);
    expect(grantableRoles(admin, at('01', '001'), '2025-06-30', SEED_ACCESS).roles).toEqual(STAFF);
    expect(grantableRoles(admin, at('01', '001'), '2025-07-01', SEED_ACCESS).roles).toEqual([]);
  });

  it('agrees with canGrant role by role', () => {
    const units = ['VN', '01', '001', '00004'];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        fc.subarray(ALL),
        fc.constantFrom<Actor['domain']>(null, 'social_assistance', 'poverty_reduction'),
        fc.constantFrom('2024-01-01', '2025-06-30', '2025-07-01'),
        (actorUnit, unit, roles, domain, date) => {
          const a = actor(actorUnit, roles, domain);
          const target = at(actorUnit, unit);
          const found = grantableRoles(a, target, date, SEED_ACCESS);
          const lists =
            target.tier === 'ministry'
              ? found.byDomain.map((d) => ({ domain: d.domain, roles: d.roles }))
              : [{ domain: null, roles: found.roles }];
          for (const list of lists) {
            for (const role of ALL) {
              const allowed = canGrant(
                a,
                [role],
                { ...target, domain: list.domain },
                date,
                SEED_ACCESS,
              ).allowed;
              expect(list.roles.includes(role)).toBe(allowed);
            }
          }
        },
      ),
    );
  });
});
