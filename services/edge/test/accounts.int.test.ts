/**
 * Accounts and the audit trail through the edge, against the real stack: identity in process
 * provisioning Keycloak through its admin API, the edge, Redis. The API with bearer tokens,
 * then the console pages with a signed-in session.
 */
import { passwordGrant } from '@posa/testing';
import { startEdgeHarness, PASSWORD, type EdgeHarness } from './harness';
import { cookieHeader, signIn } from './sign-in';

const PROVINCE = '01'; // Thành phố Hà Nội (2025)
const OWN_COMMUNE = '00004'; // Phường Ba Đình (2025)
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà (2025)
const PERMANENT = 'Permanent-Pass-2025';

// Response bodies are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let h: EdgeHarness;
let provinceAdmin: string;
let adminToken: string;
let officerId: string;

beforeAll(async () => {
  h = await startEdgeHarness('acc', {}, { provisioning: true });
  provinceAdmin = await h.createStaff('padmin', PROVINCE, ['unit_admin']);
  adminToken = await h.bearer(provinceAdmin);
});

afterAll(async () => {
  await h?.close();
});

async function api(
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${h.baseUrl}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function createOfficer(token: string, name: string, unitCode: string): Promise<Json> {
  const res = await api('/accounts', token, {
    method: 'POST',
    body: {
      username: h.username(name),
      displayName: 'Trần Văn Bình',
      unitCode,
      roles: ['officer'],
    },
  });
  if (res.status === 201) h.provisioned.push(res.body.account.subject);
  return res;
}

describe('accounts API', () => {
  it('lets a province admin create a commune officer, provisioned with a temporary password', async () => {
    const created = await createOfficer(adminToken, 'officer', OWN_COMMUNE);
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({
      username: h.username('officer'),
      displayName: 'Trần Văn Bình',
      unitCode: OWN_COMMUNE,
      unitStructure: '2025',
      tier: 'commune',
      roles: ['officer'],
      nationalDomain: null,
      status: 'active',
      passwordResetRequired: true,
    });
    expect(created.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    officerId = created.body.account.id;
    // The Keycloak user exists and is bound to the commune.
    const user = await h.identity.idp.getUser(created.body.account.subject);
    expect(user).toMatchObject({ enabled: true, unitCode: OWN_COMMUNE, roles: ['officer'] });
  });

  it('lists accounts of the jurisdiction with filters and reads one', async () => {
    const all = await api('/accounts', adminToken);
    expect(all.status).toBe(200);
    expect(all.body.accounts.map((a: Json) => a.id)).toContain(officerId);
    const filtered = await api(
      `/accounts?unitCode=${OWN_COMMUNE}&role=officer&status=active`,
      adminToken,
    );
    expect(filtered.body.accounts.map((a: Json) => a.id)).toEqual([officerId]);
    const locked = await api('/accounts?status=locked', adminToken);
    expect(locked.body.accounts).toEqual([]);
    const paged = await api('/accounts?pageSize=1', adminToken);
    expect(paged.body.accounts).toHaveLength(1);
    const one = await api(`/accounts/${officerId}`, adminToken);
    expect(one.body).toMatchObject({ id: officerId, username: h.username('officer') });
    const bad = await api('/accounts?status=sleeping', adminToken);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'status' });
  });

  it('refuses a commune admin an account in another commune (403 with the reason)', async () => {
    const communeAdmin = await h.bearer(await h.createStaff('cadmin', OWN_COMMUNE, ['unit_admin']));
    const refused = await createOfficer(communeAdmin, 'elsewhere', OTHER_COMMUNE);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('PERMISSION_DENIED');
    expect(refused.body.error.message).toMatch(
      /unit 00008 is outside the jurisdiction of unit 00004/,
    );
    const approver = await api('/accounts', communeAdmin, {
      method: 'POST',
      body: {
        username: h.username('appr'),
        displayName: 'An',
        unitCode: OWN_COMMUNE,
        roles: ['approver'],
      },
    });
    expect(approver.status).toBe(403);
    expect(approver.body.error.message).toMatch(/may not grant role approver/);
  });

  it('maps invalid input to 400 with the field, from the edge and from identity', async () => {
    const edge = await api('/accounts', adminToken, {
      method: 'POST',
      body: { username: 'lan', displayName: 'Lan', unitCode: OWN_COMMUNE, roles: [] },
    });
    expect(edge.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'roles' });
    const identity = await api('/accounts', adminToken, {
      method: 'POST',
      body: {
        username: 'bad name!',
        displayName: 'Lan',
        unitCode: OWN_COMMUNE,
        roles: ['officer'],
      },
    });
    expect(identity.status).toBe(400);
    expect(identity.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'username' });
    const duplicate = await createOfficer(adminToken, 'officer', OWN_COMMUNE);
    expect(duplicate.status).toBe(409);
  });

  it('changes roles, locks, unlocks and resets with temporary passwords', async () => {
    const roles = await api(`/accounts/${officerId}/roles`, adminToken, {
      method: 'POST',
      body: { roles: ['officer', 'analyst'] },
    });
    expect(roles.body.roles).toEqual(['analyst', 'officer']);
    const noReason = await api(`/accounts/${officerId}/lock`, adminToken, {
      method: 'POST',
      body: {},
    });
    expect(noReason.body.error).toMatchObject({ field: 'reason' });
    const locked = await api(`/accounts/${officerId}/lock`, adminToken, {
      method: 'POST',
      body: { reason: 'nghỉ phép dài hạn' },
    });
    expect(locked.body).toMatchObject({ status: 'locked', lockReason: 'admin_action' });
    const unlocked = await api(`/accounts/${officerId}/unlock`, adminToken, { method: 'POST' });
    expect(unlocked.body.account.status).toBe('active');
    expect(unlocked.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const reset = await api(`/accounts/${officerId}/reset-password`, adminToken, {
      method: 'POST',
    });
    expect(reset.body.temporaryPassword).not.toBe(unlocked.body.temporaryPassword);
  });

  it('lets the officer read and lock their own account; others get 403', async () => {
    const res = await api(`/accounts/${officerId}`, adminToken);
    await h.identity.idp.setPassword(res.body.subject, PERMANENT, false);
    const token = await passwordGrant(h.username('officer'), PERMANENT);
    const me = await api('/accounts/me', token);
    expect(me.body).toMatchObject({ id: officerId, roles: ['analyst', 'officer'] });
    const list = await api('/accounts', token);
    expect(list.status).toBe(403);
    expect(list.body.error.message).toMatch(/system_admin, unit_admin or auditor/);
    const audit = await api('/audit-entries', token);
    expect(audit.status).toBe(403);

    const reported = await api('/accounts/me/report-compromised', token, { method: 'POST' });
    expect(reported.body).toMatchObject({ status: 'locked', lockReason: 'password_compromised' });
  });

  it('shows auditors the entries of their subtree, filtered, with before and after', async () => {
    const auditorName = await h.createStaff('paud', PROVINCE, ['auditor']);
    const auditor = await h.bearer(auditorName);
    const all = await api(`/audit-entries?subject=${officerId}`, auditor);
    expect(all.status).toBe(200);
    const actions = all.body.entries.map((e: Json) => e.action);
    expect(actions).toEqual([
      'account.password_compromised',
      'account.password_reset',
      'account.unlock',
      'account.lock',
      'account.roles',
      'account.create',
    ]);
    const roles = all.body.entries.find((e: Json) => e.action === 'account.roles');
    expect(roles).toMatchObject({ subjectUnitCode: OWN_COMMUNE, subjectType: 'account' });
    expect(roles.before.roles).toEqual(['officer']);
    expect(roles.after.roles).toEqual(['analyst', 'officer']);
    const locks = await api(`/audit-entries?action=account.lock&from=2025-07-01`, auditor);
    expect(locks.body.entries.map((e: Json) => e.subjectId)).toEqual([officerId]);
    const future = await api(`/audit-entries?from=2099-01-01T00:00:00Z`, auditor);
    expect(future.body.entries).toEqual([]);
    const reversed = await api(`/audit-entries?from=2025-08-02&to=2025-08-01`, auditor);
    expect(reversed.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'to' });
    // A commune auditor elsewhere sees none of it.
    const other = await h.bearer(await h.createStaff('caud', OTHER_COMMUNE, ['auditor']));
    const none = await api(`/audit-entries?subject=${officerId}`, other);
    expect(none.body.entries).toEqual([]);

    // Actors with an account are named by username (the officer's own report); the realm
    // users of this test have none.
    const named = all.body.entries.find((e: Json) => e.action === 'account.password_compromised');
    expect(named.actorUsername).toBe(h.username('officer'));
    expect(all.body.entries.find((e: Json) => e.action === 'account.create').actorUsername).toBe(
      '',
    );

    // The subject unit filter: the unit's subtree, inside the caller's jurisdiction only.
    const inCommune = await api(`/audit-entries?subject=${officerId}&unit=${OWN_COMMUNE}`, auditor);
    expect(inCommune.body.entries.map((e: Json) => e.id)).toEqual(
      all.body.entries.map((e: Json) => e.id),
    );
    const elsewhere = await api(
      `/audit-entries?subject=${officerId}&unit=${OTHER_COMMUNE}`,
      auditor,
    );
    expect(elsewhere.body.entries).toEqual([]);
    const outside = await api(`/audit-entries?unit=${OWN_COMMUNE}`, other);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toMatch(
      /subject_unit_code 00004 is outside the jurisdiction of unit 00008/,
    );
    const malformed = await api('/audit-entries?unit=0x', auditor);
    expect(malformed.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'unit' });

    const cookie = cookieHeader(await signIn(h.baseUrl, auditorName, PASSWORD));
    const page = await fetch(`${h.baseUrl}/audit?unit=${OWN_COMMUNE}&subject=${officerId}`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain(`>${h.username('officer')}</a`);
    expect(pageHtml).toMatch(/name="unit"\s+type="text"\s+value="00004"/);
  });
});

describe('account pages', () => {
  it('creates an account through the form (CSRF) and shows its temporary password once', async () => {
    const cookie = cookieHeader(await signIn(h.baseUrl, provinceAdmin, PASSWORD));
    const list = await fetch(`${h.baseUrl}/accounts`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(h.username('officer'));
    const form = await fetch(`${h.baseUrl}/accounts/new`, { headers: { cookie } });
    const formHtml = await form.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(formHtml)?.[1] as string;
    expect(formHtml).toContain('<option value="00004"');
    expect(formHtml).toContain('value="approver"');
    expect(formHtml).not.toContain('value="system_admin"');

    const post = (fields: Record<string, string>) =>
      fetch(`${h.baseUrl}/accounts/new`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const fields = {
      username: h.username('form'),
      display_name: 'Lê Thị Hoa',
      unit_code: OWN_COMMUNE,
      roles: 'officer',
    };
    expect((await post(fields)).status).toBe(403); // no CSRF token
    const invalid = await post({ ...fields, username: 'Bad Name!', _csrf: csrf });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toMatch(/id="username-error"[^>]*>\s*Tên đăng nhập: giá trị chưa hợp lệ/);
    expect(invalidHtml).toContain('value="Lê Thị Hoa"');

    const created = await post({ ...fields, _csrf: csrf });
    expect(created.status).toBe(303);
    const location = created.headers.get('location') as string;
    expect(location).toMatch(/^\/accounts\/[0-9a-f-]{36}$/);
    h.provisioned.push((await api(location, adminToken)).body.subject);
    const page = await (await fetch(`${h.baseUrl}${location}`, { headers: { cookie } })).text();
    expect(page).toContain(`Đã tạo tài khoản ${h.username('form')}.`);
    const password = /data-testid="temporary-password"\s*>\s*([A-Za-z0-9]{16})\s*</.exec(page)?.[1];
    expect(password).toBeDefined();
    const again = await (await fetch(`${h.baseUrl}${location}`, { headers: { cookie } })).text();
    expect(again).not.toContain('temporary-password');
    // The roles form of a commune account offers what identity says the caller may grant.
    expect(again).toContain('value="approver"');
    expect(again).not.toContain('value="system_admin"');
  });

  it('answers 403 with a page naming the roles when the role does not open the page', async () => {
    const officer = await h.createStaff('officer2', OWN_COMMUNE, ['officer']);
    const cookie = cookieHeader(await signIn(h.baseUrl, officer, PASSWORD));
    const home = await (await fetch(`${h.baseUrl}/`, { headers: { cookie } })).text();
    expect(home).not.toContain('href="/accounts"');
    expect(home).not.toContain('href="/audit"');
    expect(home).toContain('href="/account/compromised"');
    for (const path of ['/accounts', '/accounts/new', '/audit']) {
      const refused = await fetch(`${h.baseUrl}${path}`, { headers: { cookie } });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('Trang này dành cho:');
    }
  });
});
