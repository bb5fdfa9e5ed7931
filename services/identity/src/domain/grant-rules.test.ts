import fc from 'fast-check';
import { UnitTree, type Role } from '@posa/auth';
import {
  domainOwnerOn,
  isValidOn,
  tierOfCode,
  type AccessData,
  type Actor,
  type GrantRule,
  type TierCode,
} from './access-model';
import { SEED_ACCESS } from './access-seed.fixture';
import { canGrant, canManageAccount, type GrantTarget } from './grant-rules';

// A 2024-style tree: two provinces, districts, communes.
const LINKS = [
  { code: '01', parentCode: 'VN' },
  { code: '02', parentCode: 'VN' },
  { code: '001', parentCode: '01' },
  { code: '002', parentCode: '01' },
  { code: '024', parentCode: '02' },
  { code: '00001', parentCode: '001' },
  { code: '00004', parentCode: '001' },
  { code: '00008', parentCode: '002' },
  { code: '00700', parentCode: '024' },
];
const tree = new UnitTree(LINKS);
const UNITS = ['VN', ...LINKS.map((l) => l.code)];
const ROLES: Role[] = ['system_admin', 'unit_admin', 'officer', 'approver', 'analyst', 'auditor'];

function naiveWithin(unit: string, ancestor: string): boolean {
  let current: string | undefined = unit;
  while (current !== undefined) {
    if (current === ancestor) return true;
    current = LINKS.find((l) => l.code === current)?.parentCode;
  }
  return false;
}

const actor = (unitCode: string, roles: Role[], domain: Actor['domain'] = null): Actor => ({
  userId: 'a-1',
  unitCode,
  roles: new Set(roles),
  isService: false,
  domain,
});

function target(
  actorUnit: string,
  unitCode: string,
  domain: GrantTarget['domain'] = null,
): GrantTarget {
  return {
    unitCode,
    tier: tierOfCode(unitCode)!,
    relation: unitCode === actorUnit ? 'own' : 'below',
    domain,
  };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const arbActor = fc.record({
  unitCode: fc.constantFrom(...UNITS),
  roles: fc.subarray(ROLES),
  domain: fc.constantFrom<Actor['domain']>(null, 'social_assistance', 'poverty_reduction'),
});
const arbDate = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2016-01-01', n));

describe('canManageAccount', () => {
  it('lets a province admin manage its own unit and the units below it', () => {
    expect(canManageAccount(actor('01', ['unit_admin']), '00004', tree)).toEqual({
      allowed: true,
      relation: 'below',
    });
    expect(canManageAccount(actor('01', ['unit_admin']), '01', tree)).toEqual({
      allowed: true,
      relation: 'own',
    });
  });

  it('refuses other subtrees, non-administrators and service accounts with a reason', () => {
    expect(canManageAccount(actor('00004', ['unit_admin']), '00008', tree)).toEqual({
      allowed: false,
      reason: 'unit 00008 is outside the jurisdiction of unit 00004',
    });
    expect(canManageAccount(actor('01', ['officer']), '00004', tree)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/needs role unit_admin or system_admin/),
    });
    expect(
      canManageAccount({ ...actor('VN', ['system_admin']), isService: true }, '01', tree),
    ).toMatchObject({ allowed: false });
    expect(canManageAccount(actor('VN', ['system_admin']), '99', tree)).toMatchObject({
      allowed: false,
      reason: 'unit 99 is not a unit of the structure in force',
    });
  });

  it('never lets an administrator manage an account outside its subtree (property)', () => {
    fc.assert(
      fc.property(arbActor, fc.constantFrom(...UNITS), (a, unit) => {
        const decision = canManageAccount(actor(a.unitCode, a.roles), unit, tree);
        if (decision.allowed) {
          expect(naiveWithin(unit, a.unitCode)).toBe(true);
          expect(a.roles.some((r) => r === 'unit_admin' || r === 'system_admin')).toBe(true);
        }
      }),
    );
  });
});

describe('canGrant', () => {
  const may = (
    a: Actor,
    roles: string[],
    unit: string,
    date: string,
    domain: GrantTarget['domain'] = null,
  ) => canGrant(a, roles, target(a.unitCode, unit, domain), date, SEED_ACCESS);

  it('lets a province admin grant staff roles in its province and below', () => {
    const admin = actor('01', ['unit_admin']);
    expect(may(admin, ['officer', 'approver'], '001', '2025-05-01')).toEqual({ allowed: true });
    expect(may(admin, ['unit_admin', 'auditor'], '01', '2025-05-01')).toEqual({ allowed: true });
    expect(may(admin, ['system_admin'], '01', '2025-05-01')).toMatchObject({ allowed: false });
  });

  it('lets a commune admin grant only officer and analyst in its commune', () => {
    const admin = actor('00004', ['unit_admin']);
    expect(may(admin, ['officer', 'analyst'], '00004', '2025-08-01')).toEqual({ allowed: true });
    expect(may(admin, ['approver'], '00004', '2025-08-01')).toEqual({
      allowed: false,
      reason:
        'unit_admin at tier commune may not grant role approver at tier commune (its own unit) on 2025-08-01',
    });
  });

  it('closes the district tier after 2025-06-30', () => {
    const admin = actor('01', ['unit_admin']);
    expect(may(admin, ['officer'], '001', '2025-06-30')).toEqual({ allowed: true });
    expect(may(admin, ['officer'], '001', '2025-07-01')).toEqual({
      allowed: false,
      reason: 'tier district is not in force on 2025-07-01 (valid 2016-01-01 to 2025-06-30)',
    });
    expect(may(actor('001', ['unit_admin']), ['officer'], '00004', '2025-07-01')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/tier district of unit 001 is not in force/),
    });
  });

  it('keeps a national administrator within its domain', () => {
    const admin = actor('VN', ['unit_admin'], 'social_assistance');
    expect(may(admin, ['analyst'], 'VN', '2025-05-01', 'social_assistance')).toEqual({
      allowed: true,
    });
    expect(may(admin, ['analyst'], 'VN', '2025-05-01', 'poverty_reduction')).toEqual({
      allowed: false,
      reason:
        'a national administrator of domain social_assistance may not grant roles of domain poverty_reduction',
    });
    expect(
      may(actor('VN', ['system_admin']), ['analyst'], 'VN', '2025-05-01', 'poverty_reduction'),
    ).toEqual({
      allowed: true,
    });
  });

  it('knows which ministry owns a domain on a date', () => {
    expect(domainOwnerOn(SEED_ACCESS.domainOwners, 'social_assistance', '2025-02-28')).toBe(
      'MOLISA',
    );
    expect(domainOwnerOn(SEED_ACCESS.domainOwners, 'social_assistance', '2025-03-01')).toBe('MOH');
    expect(domainOwnerOn(SEED_ACCESS.domainOwners, 'poverty_reduction', '2025-03-01')).toBe('MAE');
  });

  it('never grants a role that no rule in force allows (property)', () => {
    fc.assert(
      fc.property(
        arbActor,
        fc.constantFrom(...UNITS),
        fc.subarray(ROLES, { minLength: 1 }),
        arbDate,
        (a, unit, roles, date) => {
          const who = actor(a.unitCode, a.roles, a.domain);
          if (!naiveWithin(unit, a.unitCode)) return;
          const t = target(a.unitCode, unit, tierOfCode(unit) === 'ministry' ? a.domain : null);
          const decision = canGrant(who, roles, t, date, SEED_ACCESS);
          if (!decision.allowed) return;
          const actorTier = tierOfCode(a.unitCode);
          for (const role of roles) {
            const rule = SEED_ACCESS.rules.find(
              (r) =>
                a.roles.includes(r.actorRole as Role) &&
                r.actorTier === actorTier &&
                r.grantableRole === role &&
                r.targetTier === t.tier &&
                (r.relation === 'own_or_below' || r.relation === t.relation) &&
                isValidOn(r, date),
            );
            expect(rule).toBeDefined();
          }
        },
      ),
    );
  });

  it('changes its answer only at validity boundaries (property)', () => {
    const tierCodes: TierCode[] = ['ministry', 'province', 'district', 'commune'];
    const arbRule = fc
      .record({
        actorRole: fc.constantFrom(...ROLES),
        actorTier: fc.constantFrom(...tierCodes),
        grantableRole: fc.constantFrom(...ROLES),
        targetTier: fc.constantFrom(...tierCodes),
        relation: fc.constantFrom<GrantRule['relation']>('own', 'below', 'own_or_below'),
        from: fc.integer({ min: 0, max: 60 }),
        length: fc.option(fc.integer({ min: 0, max: 60 })),
      })
      .map(({ from, length, ...r }): GrantRule => ({
        ...r,
        validFrom: addDays('2025-01-01', from),
        validTo: length === null ? null : addDays('2025-01-01', from + length),
      }));
    const arbData = fc.record({
      rules: fc.array(arbRule, { maxLength: 30 }),
      districtEnd: fc.integer({ min: 0, max: 90 }).map((n) => addDays('2025-01-01', n)),
    });
    fc.assert(
      fc.property(
        arbData,
        arbActor,
        fc.constantFrom(...UNITS),
        fc.subarray(ROLES, { minLength: 1 }),
        fc.integer({ min: -5, max: 130 }),
        ({ rules, districtEnd }, a, unit, roles, day) => {
          if (!naiveWithin(unit, a.unitCode)) return;
          const data: AccessData = {
            ...SEED_ACCESS,
            rules,
            tiers: SEED_ACCESS.tiers.map((t) =>
              t.code === 'district' ? { ...t, validTo: districtEnd } : t,
            ),
          };
          const who = actor(a.unitCode, a.roles, a.domain);
          const t = target(a.unitCode, unit, a.domain);
          const d = addDays('2025-01-01', day);
          const next = addDays(d, 1);
          const before = canGrant(who, roles, t, d, data).allowed;
          const after = canGrant(who, roles, t, next, data).allowed;
          if (before !== after) {
            const starts = new Set([...rules.map((r) => r.validFrom)]);
            const ends = new Set([...rules.map((r) => r.validTo), districtEnd]);
            expect(starts.has(next) || ends.has(d)).toBe(true);
          }
        },
      ),
    );
  });
});
