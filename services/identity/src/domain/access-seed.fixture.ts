/**
 * The access data of migration 0003, in memory, for unit tests of the rules. The integration
 * tests read the same rules from the database and check them against this copy.
 */
import type { AccessData, GrantRule, TierCode } from './access-model';

const STAFF = ['unit_admin', 'officer', 'approver', 'analyst', 'auditor'];
const ALL_ROLES = ['system_admin', ...STAFF];
const OPEN = '2016-01-01';
const DISTRICT_END = '2025-06-30';

const tiers: AccessData['tiers'] = [
  { code: 'ministry', rank: 0, validFrom: OPEN, validTo: null },
  { code: 'province', rank: 1, validFrom: OPEN, validTo: null },
  { code: 'district', rank: 2, validFrom: OPEN, validTo: DISTRICT_END },
  { code: 'commune', rank: 3, validFrom: OPEN, validTo: null },
];

function rule(
  actorRole: string,
  actorTier: TierCode,
  grantableRole: string,
  targetTier: TierCode,
  relation: GrantRule['relation'],
): GrantRule {
  const validTo = actorTier === 'district' || targetTier === 'district' ? DISTRICT_END : null;
  return { actorRole, actorTier, grantableRole, targetTier, relation, validFrom: OPEN, validTo };
}

const rules: GrantRule[] = [];
for (const tier of tiers) {
  for (const role of ALL_ROLES)
    rules.push(rule('system_admin', 'ministry', role, tier.code, 'own_or_below'));
  for (const role of STAFF) {
    rules.push(
      rule('unit_admin', 'ministry', role, tier.code, tier.code === 'ministry' ? 'own' : 'below'),
    );
    if (tier.code !== 'ministry') {
      rules.push(
        rule('unit_admin', 'province', role, tier.code, tier.code === 'province' ? 'own' : 'below'),
      );
    }
  }
}
for (const role of ['officer', 'approver', 'analyst'])
  rules.push(rule('unit_admin', 'district', role, 'district', 'own'));
for (const role of ['officer', 'analyst', 'unit_admin'])
  rules.push(rule('unit_admin', 'district', role, 'commune', 'below'));
for (const role of ['officer', 'analyst'])
  rules.push(rule('unit_admin', 'commune', role, 'commune', 'own'));

export const SEED_ACCESS: AccessData = {
  tiers,
  roles: ALL_ROLES.map((code) => ({ code, validFrom: OPEN, validTo: null })),
  rules,
  domainOwners: [
    { domain: 'social_assistance', ministryCode: 'MOLISA', validFrom: OPEN, validTo: '2025-02-28' },
    { domain: 'social_assistance', ministryCode: 'MOH', validFrom: '2025-03-01', validTo: null },
    { domain: 'poverty_reduction', ministryCode: 'MOLISA', validFrom: OPEN, validTo: '2025-02-28' },
    { domain: 'poverty_reduction', ministryCode: 'MAE', validFrom: '2025-03-01', validTo: null },
  ],
};
