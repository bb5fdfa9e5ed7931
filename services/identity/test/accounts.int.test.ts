import { status } from '@grpc/grpc-js';
import { AccountCreated, AccountLocked, AccountStatus, NationalDomain } from '@posa/proto';
import { SEED_ACCESS } from '../src/domain/access-seed.fixture';
import { loadAccessData } from '../src/store/access-store';
import { rejectionOf, startHarness, type Harness } from './harness';
import { bearer, passwordTokens, refreshTokens } from './keycloak-tokens';

// The service's "today" is set by each test: the 2024 structure until 2025-06-30, then 2025.
let today = '2025-05-15';
let h: Harness;
let provinceAdmin: Record<string, string>;
let communeAdmin: Record<string, string>;
let systemAdmin: Record<string, string>;

const PERMANENT = 'Permanent-Pass-2025';

beforeAll(async () => {
  h = await startHarness('accounts', {}, { today: () => today });
  [provinceAdmin, communeAdmin, systemAdmin] = await Promise.all([
    h.signIn('padmin', '01', ['unit_admin']),
    h.signIn('cadmin', '00004', ['unit_admin']),
    h.signIn('sysadmin', 'VN', ['system_admin']),
  ]);
});

afterAll(async () => {
  await h?.close();
});

async function create(
  metadata: Record<string, string>,
  name: string,
  unitCode: string,
  roles: string[],
  extra: { nationalDomain?: NationalDomain } = {},
) {
  const res = await h.accounts.call(
    'createAccount',
    {
      username: h.username(name),
      displayName: 'Nguyễn Văn An',
      unitCode,
      roles,
      nationalDomain: extra.nationalDomain ?? NationalDomain.NATIONAL_DOMAIN_UNSPECIFIED,
      initialPassword: '',
    },
    { metadata: { ...metadata, 'x-forwarded-for': '203.0.113.9' } },
  );
  h.provisioned.push(res.account!.subject);
  return res;
}

describe('accounts in the 2024 structure (before the reform)', () => {
  let officerId: string;

  it('lets a province admin create a district officer, provisioned in Keycloak with a temporary password', async () => {
    today = '2025-05-15';
    const res = await create(provinceAdmin, 'dofficer', '001', ['officer']);
    const account = res.account!;
    officerId = account.accountId;
    expect(account).toMatchObject({
      unitCode: '001',
      unitStructure: '2024',
      tier: 'district',
      roles: ['officer'],
      status: AccountStatus.ACCOUNT_STATUS_ACTIVE,
      passwordResetRequired: true,
    });
    expect(res.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const user = await h.app.idp.getUser(account.subject);
    expect(user).toMatchObject({ enabled: true, unitCode: '001', roles: ['officer'] });

    // The temporary password must be changed before any token is issued.
    const first = await passwordTokens(h.username('dofficer'), res.temporaryPassword);
    expect(first).toMatchObject({ status: 400, errorDescription: 'Account is not fully set up' });
    // Stands in for the user completing the change at the sign-in page.
    await h.app.idp.setPassword(account.subject, PERMANENT, false);
    const tokens = await passwordTokens(h.username('dofficer'), PERMANENT);
    expect(tokens.status).toBe(200);
    const mine = await h.accounts.call(
      'getMyAccount',
      {},
      { metadata: bearer(tokens.accessToken) },
    );
    expect(mine.account?.accountId).toBe(officerId);

    const audit = await h.app.pool.query(
      "SELECT * FROM audit_log WHERE action = 'account.create' AND target_id = $1",
      [officerId],
    );
    expect(audit.rows[0]).toMatchObject({
      actor_unit_code: '01',
      unit_code: '001',
      source_address: '203.0.113.9',
      unit_structure: '2024',
    });
    const outbox = await h.app.pool.query('SELECT * FROM posa_outbox WHERE aggregate_id = $1', [
      officerId,
    ]);
    expect(outbox.rows).toHaveLength(1);
    const event = AccountCreated.decode(outbox.rows[0].payload);
    expect(event).toMatchObject({ accountId: officerId, unitCode: '001', roles: ['officer'] });
    expect(Buffer.from(outbox.rows[0].payload).toString('utf8')).not.toMatch(/Nguy|dofficer/);
  });

  it('after 2025-07-01 refuses district accounts; old district accounts stay with the successor province', async () => {
    today = '2025-07-01';
    const refused = await rejectionOf(create(provinceAdmin, 'dofficer2', '001', ['officer']));
    expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'unit_code' });
    const roles = await rejectionOf(
      h.accounts.call(
        'updateRoles',
        { accountId: officerId, roles: ['analyst'], nationalDomain: 0 },
        { metadata: provinceAdmin },
      ),
    );
    expect(roles.code).toBe(status.PERMISSION_DENIED);
    expect(roles.message).toMatch(/2024 structure, no longer in force/);
    const locked = await h.accounts.call(
      'lockAccount',
      { accountId: officerId, reason: 'đơn vị đã giải thể' },
      { metadata: provinceAdmin },
    );
    expect(locked.account?.status).toBe(AccountStatus.ACCOUNT_STATUS_LOCKED);
    const other = await rejectionOf(
      h.accounts.call('unlockAccount', { accountId: officerId }, { metadata: communeAdmin }),
    );
    expect(other.code).toBe(status.PERMISSION_DENIED);
  });
});

describe('accounts in the 2025 structure', () => {
  beforeAll(() => {
    today = '2025-08-01';
  });

  it("refuses a commune admin another commune's account and the approver role, with reasons", async () => {
    const elsewhere = await rejectionOf(create(communeAdmin, 'x1', '00008', ['officer']));
    expect(elsewhere.code).toBe(status.PERMISSION_DENIED);
    expect(elsewhere.message).toMatch(/unit 00008 is outside the jurisdiction of unit 00004$/);
    const approver = await rejectionOf(create(communeAdmin, 'x2', '00004', ['approver']));
    expect(approver.code).toBe(status.PERMISSION_DENIED);
    expect(approver.message).toMatch(
      /unit_admin at tier commune may not grant role approver at tier commune \(its own unit\) on 2025-08-01/,
    );
    const bad = await rejectionOf(create(communeAdmin, 'x3', '00004', ['chief']));
    expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'roles' });
    const nothing = await h.app.pool.query(
      "SELECT count(*)::int AS n FROM account WHERE username LIKE '%-x_-%'",
    );
    expect(nothing.rows[0].n).toBe(0);
  });

  it('locks and revokes every session on a compromised-password report; unlock forces a new password', async () => {
    const res = await create(communeAdmin, 'cofficer', '00004', ['officer']);
    const id = res.account!.accountId;
    await h.app.idp.setPassword(res.account!.subject, PERMANENT, false);
    const tokens = await passwordTokens(h.username('cofficer'), PERMANENT);
    expect(tokens.status).toBe(200);
    expect((await refreshTokens(tokens.refreshToken!)).status).toBe(200);

    const reported = await h.accounts.call(
      'reportPasswordCompromised',
      { accountId: '' },
      { metadata: bearer(tokens.accessToken) },
    );
    expect(reported.account).toMatchObject({
      status: AccountStatus.ACCOUNT_STATUS_LOCKED,
      lockReason: 'password_compromised',
    });
    const refresh = await refreshTokens(tokens.refreshToken!);
    expect(refresh).toMatchObject({ status: 400, error: 'invalid_grant' });
    expect((await passwordTokens(h.username('cofficer'), PERMANENT)).status).not.toBe(200);
    const events = await h.app.pool.query(
      "SELECT payload FROM posa_outbox WHERE aggregate_id = $1 AND event_type LIKE '%account-locked%'",
      [id],
    );
    expect(AccountLocked.decode(events.rows[0].payload).reasonCode).toBe('password_compromised');

    const unlocked = await h.accounts.call(
      'unlockAccount',
      { accountId: id },
      { metadata: communeAdmin },
    );
    expect(unlocked.account).toMatchObject({
      status: AccountStatus.ACCOUNT_STATUS_ACTIVE,
      passwordResetRequired: true,
    });
    const afterUnlock = await passwordTokens(h.username('cofficer'), unlocked.temporaryPassword);
    expect(afterUnlock).toMatchObject({
      status: 400,
      errorDescription: 'Account is not fully set up',
    });
  });

  it('shows auditors only the entries of their subtree', async () => {
    const [communeAuditor, provinceAuditor] = await Promise.all([
      h.signIn('caud', '00004', ['auditor']),
      h.signIn('paud', '01', ['auditor']),
    ]);
    await create(provinceAdmin, 'other-commune', '00008', ['analyst']);
    const commune = await h.audit.call(
      'listAuditEntries',
      { actorId: '', subjectId: '', action: '', subjectUnitCode: '' },
      { metadata: communeAuditor },
    );
    expect(commune.entries.length).toBeGreaterThan(0);
    expect(new Set(commune.entries.map((e) => e.subjectUnitCode))).toEqual(new Set(['00004']));
    const province = await h.audit.call(
      'listAuditEntries',
      { actorId: '', subjectId: '', action: 'account.create', subjectUnitCode: '' },
      { metadata: provinceAuditor },
    );
    const units = new Set(province.entries.map((e) => e.subjectUnitCode));
    expect(units.has('00008') && units.has('00004') && units.has('001')).toBe(true);
    const paged = await h.audit.call(
      'listAuditEntries',
      {
        actorId: '',
        subjectId: '',
        action: '',
        subjectUnitCode: '',
        page: { pageSize: 1, pageToken: '' },
      },
      { metadata: provinceAuditor },
    );
    const next = await h.audit.call(
      'listAuditEntries',
      {
        actorId: '',
        subjectId: '',
        action: '',
        subjectUnitCode: '',
        page: { pageSize: 1, pageToken: paged.page!.nextPageToken },
      },
      { metadata: provinceAuditor },
    );
    expect(next.entries[0]!.id).not.toBe(paged.entries[0]!.id);
    const refused = await rejectionOf(
      h.audit.call(
        'listAuditEntries',
        { actorId: '', subjectId: '', action: '', subjectUnitCode: '' },
        { metadata: communeAdmin },
      ),
    );
    expect(refused.code).toBe(status.PERMISSION_DENIED);
  });

  it('filters the audit trail by subject unit within the jurisdiction, naming actors by username', async () => {
    const provinceAuditor = await h.signIn('paud2', '01', ['auditor']);
    const communeAuditor = await h.signIn('caud2', '00004', ['auditor']);
    const list = (metadata: Record<string, string>, subjectUnitCode: string, action = '') =>
      h.audit.call(
        'listAuditEntries',
        { actorId: '', subjectId: '', action, subjectUnitCode },
        { metadata },
      );
    const commune = await list(provinceAuditor, '00004');
    expect(commune.entries.length).toBeGreaterThan(0);
    expect(new Set(commune.entries.map((e) => e.subjectUnitCode))).toEqual(new Set(['00004']));
    // The 2025 province reaches its own communes and the 2024 units of its old province.
    const province = new Set(
      (await list(provinceAuditor, '01')).entries.map((e) => e.subjectUnitCode),
    );
    expect(province.has('00004') && province.has('00008') && province.has('001')).toBe(true);
    const outside = await rejectionOf(list(communeAuditor, '00008'));
    expect(outside.code).toBe(status.PERMISSION_DENIED);
    expect(outside.message).toMatch(
      /subject_unit_code 00008 is outside the jurisdiction of unit 00004$/,
    );
    const national = await rejectionOf(list(communeAuditor, 'VN'));
    expect(national.code).toBe(status.PERMISSION_DENIED);
    const malformed = await rejectionOf(list(provinceAuditor, '0x'));
    expect(malformed).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'subject_unit_code' });

    // An actor with an account is named by its username; one without (a realm user) by id only.
    const compromised = await list(systemAdmin, '00004', 'account.password_compromised');
    expect(compromised.entries.length).toBeGreaterThan(0);
    expect(compromised.entries[0]!.actorUsername).toBe(h.username('cofficer'));
    const created = await list(systemAdmin, '00008', 'account.create');
    expect(created.entries.length).toBeGreaterThan(0);
    expect(created.entries.every((e) => e.actorUsername === '' && e.actorId !== '')).toBe(true);
  });

  it('lists the roles the caller may grant at a unit, from the rules in force', async () => {
    const grantable = (metadata: Record<string, string>, unitCode: string) =>
      h.accounts.call('listGrantableRoles', { unitCode }, { metadata });
    const sorted = (roles: string[]) => [...roles].sort();
    const own = await grantable(communeAdmin, '00004');
    expect(sorted(own.roles)).toEqual(['analyst', 'officer']);
    expect(own.domainRoles).toEqual([]);
    const below = await grantable(provinceAdmin, '00004');
    expect(sorted(below.roles)).toEqual([
      'analyst',
      'approver',
      'auditor',
      'officer',
      'unit_admin',
    ]);
    // Districts are no longer in force on 2025-08-01: nothing can be granted there.
    expect(await grantable(provinceAdmin, '001')).toEqual({ roles: [], domainRoles: [] });
    const national = await grantable(systemAdmin, 'VN');
    expect(national.roles).toEqual(['system_admin']);
    expect(national.domainRoles.map((d) => d.nationalDomain)).toEqual([
      NationalDomain.NATIONAL_DOMAIN_SOCIAL_ASSISTANCE,
      NationalDomain.NATIONAL_DOMAIN_POVERTY_REDUCTION,
    ]);
    expect(national.domainRoles.every((d) => d.roles.length === 6)).toBe(true);
    const outside = await rejectionOf(grantable(communeAdmin, '00008'));
    expect(outside.code).toBe(status.PERMISSION_DENIED);
    expect(outside.message).toMatch(/unit 00008 is outside the jurisdiction of unit 00004$/);
    const auditor = await rejectionOf(grantable(await h.signIn('gaud', '01', ['auditor']), '01'));
    expect(auditor.code).toBe(status.PERMISSION_DENIED);
    const malformed = await rejectionOf(grantable(communeAdmin, 'x'));
    expect(malformed).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'unit_code' });
  });

  it('reports a role changed directly in Keycloak as drift, never overwriting it', async () => {
    const res = await create(communeAdmin, 'drift', '00004', ['analyst']);
    const id = res.account!.accountId;
    await h.app.idp.setRoles(res.account!.subject, ['analyst', 'approver']);
    const run = await h.accounts.call('reconcileAccounts', {}, { metadata: systemAdmin });
    expect(run.differences).toBeGreaterThanOrEqual(1);
    const drift = await h.accounts.call(
      'listDrift',
      { includeResolved: false },
      { metadata: systemAdmin },
    );
    const report = drift.reports.find((r) => r.accountId === id);
    expect(report).toMatchObject({ kind: 'roles_mismatch' });
    expect(JSON.parse(report!.actualJson)).toEqual({ roles: ['analyst', 'approver'] });
    expect((await h.app.idp.getUser(res.account!.subject))?.roles).toEqual(['analyst', 'approver']);

    await h.app.idp.setRoles(res.account!.subject, ['analyst']);
    const again = await h.accounts.call('reconcileAccounts', {}, { metadata: systemAdmin });
    expect(again.resolved).toBeGreaterThanOrEqual(1);
    const open = await h.accounts.call(
      'listDrift',
      { includeResolved: false },
      { metadata: systemAdmin },
    );
    expect(open.reports.some((r) => r.accountId === id)).toBe(false);
    const denied = await rejectionOf(
      h.accounts.call('reconcileAccounts', {}, { metadata: provinceAdmin }),
    );
    expect(denied.code).toBe(status.PERMISSION_DENIED);
  });

  it('lists accounts only within the jurisdiction, keyset-paged', async () => {
    const commune = await h.accounts.call(
      'listAccounts',
      { unitCode: '', role: '', status: 0 },
      { metadata: communeAdmin },
    );
    expect(commune.accounts.length).toBeGreaterThan(0);
    expect(commune.accounts.every((a) => a.unitCode === '00004')).toBe(true);
    const province = await h.accounts.call(
      'listAccounts',
      { unitCode: '', role: '', status: 0, page: { pageSize: 2, pageToken: '' } },
      { metadata: provinceAdmin },
    );
    expect(province.accounts).toHaveLength(2);
    expect(province.page?.nextPageToken).not.toBe('');
    const legacy = await h.accounts.call(
      'listAccounts',
      { unitCode: '', role: 'officer', status: AccountStatus.ACCOUNT_STATUS_LOCKED },
      { metadata: provinceAdmin },
    );
    expect(legacy.accounts.map((a) => a.unitCode)).toContain('001');
  });
});

describe('access data', () => {
  it('holds in the database exactly the rules the unit tests check', async () => {
    const stored = await loadAccessData(h.app.pool);
    const key = (r: object) => JSON.stringify(r, Object.keys(r).sort());
    const sort = (rows: readonly object[]) => rows.map(key).sort();
    expect(sort(stored.rules)).toEqual(sort(SEED_ACCESS.rules));
    expect(sort(stored.tiers)).toEqual(sort(SEED_ACCESS.tiers));
    expect(sort(stored.domainOwners)).toEqual(sort(SEED_ACCESS.domainOwners));
  });
});
