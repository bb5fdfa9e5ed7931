/**
 * The case pages of the console, signed in through the real Keycloak form, against the
 * households and cases services in process: filing from the household page (a refusal next to
 * its field, then success), each step form shown only to the role that takes it, the decision,
 * the entitlement table, a suspension with the recovery it yields, the list filters and the
 * policy catalogue with its source tags.
 */
import { PASSWORD } from './harness';
import { api } from './households-harness';
import { startCasesEdge, type CasesEdge } from './cases-harness';
import { cookieHeader, signIn } from './sign-in';

const COMMUNE = '00004'; // Phường Ba Đình

let s: CasesEdge;
let officerCookie: string;
let approverCookie: string;
let nationalCookie: string;
let adminCookie: string;
let householdId: string;
let memberId: string;

beforeAll(async () => {
  s = await startCasesEdge('ui', () => '2026-06-15');
  const h = s.edge;
  const login = async (name: string, unit: string, roles: string[]) => {
    const username = await h.createStaff(name, unit, roles);
    return { username, cookie: cookieHeader(await signIn(h.baseUrl, username, PASSWORD)) };
  };
  const officer = await login('officer', COMMUNE, ['officer']);
  officerCookie = officer.cookie;
  approverCookie = (await login('approver', COMMUNE, ['approver'])).cookie;
  nationalCookie = (await login('national', 'VN', ['officer'])).cookie;
  adminCookie = (await login('admin', COMMUNE, ['unit_admin'])).cookie;
  const created = await api(h.baseUrl, '/households', await h.bearer(officer.username), {
    method: 'POST',
    body: {
      communeCode: COMMUNE,
      streetAddress: '5 Phố Liễu Giai',
      area: 'urban',
      reason: 'Khai báo mới',
      members: [
        {
          fullName: 'Lê Thị Tư',
          dateOfBirth: '1940-03-14',
          sex: 'female',
          ethnicGroupCode: '01',
          citizenId: '001140012345',
          relation: 'head',
        },
      ],
    },
  });
  householdId = created.body.id;
  memberId = created.body.members[0].id;
});

afterAll(async () => {
  await s?.close();
});

async function page(path: string, cookie: string) {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

async function post(path: string, cookie: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form))
    for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const r = await fetch(`${s.edge.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const versionOf = (html: string): string => /name="expected_version" value="(\d+)"/.exec(html)![1]!;

it('files an application from the household page, refusing a bank transfer without an account', async () => {
  const householdPage = await page(`/households/${householdId}`, officerCookie);
  expect(householdPage.html).toContain(
    `href="/cases/new?household=${householdId}&amp;member=${memberId}"`,
  );
  const form = await page(`/cases/new?household=${householdId}&member=${memberId}`, officerCookie);
  expect(form.status).toBe(200);
  expect(form.html).toContain('value="nd20-5c"');
  const fields = {
    _csrf: csrfOf(form.html),
    household_id: householdId,
    member_id: memberId,
    request_id: 'page-1',
    kind: 'monthly_allowance',
    'eligibility.category_codes': ['nd20-5c'],
    'payment.channel': 'bank_transfer',
    'payment.bank_code': 'VBSP',
    'payment.account_number': '',
    application_date: '2026-01-05',
    documents: 'Tờ khai Mẫu số 1a\nBản sao CCCD',
  };
  const refused = await post('/cases/new', officerCookie, fields);
  expect(refused.status).toBe(400);
  expect(refused.html).toContain('id="payment.account_number-error"');
  expect(refused.html).toContain('value="VBSP"');
  const filed = await post('/cases/new', officerCookie, {
    ...fields,
    'payment.account_number': '0123456789',
  });
  expect(filed.status).toBe(303);
  expect(filed.location).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  const casePage = await page(filed.location!, officerCookie);
  expect(casePage.html).toContain('data-testid="flash"');
  expect(casePage.html).toContain('data-testid="form-completeness"');
  expect(casePage.html).not.toContain('data-testid="form-approve"');
  expect((await page(filed.location!, adminCookie)).status).toBe(403);
});

it('takes the case to a decision through the step forms, each offered to its role', async () => {
  const list = await page('/cases?status=submitted', officerCookie);
  const path = /href="(\/cases\/[0-9a-f-]{36})"/.exec(list.html)![1]!;
  let html = (await page(path, officerCookie)).html;
  const incomplete = await post(`${path}/completeness`, officerCookie, {
    _csrf: csrfOf(html),
    expected_version: versionOf(html),
    complete: 'false',
    missing_items: '',
  });
  expect(incomplete.status).toBe(400);
  expect(incomplete.html).toContain('id="missing_items-error"');
  const step = async (
    action: string,
    cookie: string,
    extra: Record<string, string | string[]> = {},
  ) => {
    html = (await page(path, cookie)).html;
    expect(html).toContain(`data-testid="form-${action}"`);
    return post(`${path}/${action}`, cookie, {
      _csrf: csrfOf(html),
      expected_version: versionOf(html),
      ...extra,
    });
  };
  expect((await step('completeness', officerCookie, { complete: 'true' })).status).toBe(303);
  expect(
    (
      await step('appraise', officerCookie, {
        'eligibility.category_codes': 'nd20-5c',
        proposed_month: '2026-01',
        opinion: 'Đủ điều kiện',
      })
    ).status,
  ).toBe(303);
  expect((await step('verify', officerCookie)).status).toBe(303);
  expect((await page(path, officerCookie)).html).not.toContain('data-testid="form-approve"');
  const decision = {
    decision_number: '05/QĐ-UBND',
    signed_on: '2026-13-01',
    signer: 'Chủ tịch UBND',
    effective_month: '',
  };
  const badDay = await step('approve', approverCookie, decision);
  expect(badDay.status).toBe(400);
  expect(badDay.html).toContain('id="signed_on-error"');
  expect(
    (await step('approve', approverCookie, { ...decision, signed_on: '2026-01-20' })).status,
  ).toBe(303);
  const decided = await page(`${path}?from=2026-01&to=2026-03`, approverCookie);
  expect(decided.html).toContain('05/QĐ-UBND');
  expect(decided.html).toContain('Đang hưởng');
  expect(decided.html).toMatch(/data-testid="entitlement-total">1\.500\.000 đ</);
  expect(decided.html).toContain('data-testid="form-suspend"');

  const suspended = await step('suspend', approverCookie, {
    'decision.number': '30/QĐ-UBND',
    'decision.signed_on': '2026-06-10',
    'decision.signer': 'Chủ tịch UBND',
    'decision.effective_month': '2026-04',
    'decision.reason': 'Đi khỏi địa phương',
  });
  expect(suspended.status).toBe(303);
  const after = await page(path, approverCookie);
  expect(after.html).toContain('data-testid="arrears"');
  expect(after.html).toContain('Thu hồi');
  expect(after.html).toMatch(/data-testid="arrears-total">−1\.000\.000 đ</);
  // Shown once.
  expect((await page(path, approverCookie)).html).not.toContain('data-testid="arrears"');
  const listed = await page('/cases?status=suspended', approverCookie);
  expect(listed.html).toContain(path);
  expect((await page('/cases?unit=0004', approverCookie)).status).toBe(400);
});

it('shows the policy catalogue with source tags, and record forms to national officers only', async () => {
  const byOfficer = await page('/policy-catalogue?asOf=2026-06-15', officerCookie);
  expect(byOfficer.status).toBe(200);
  expect(byOfficer.html).toContain('500.000 đ');
  expect(byOfficer.html).toContain('đã xác minh');
  expect(byOfficer.html).not.toContain('data-testid="record-forms"');
  const byNational = await page('/policy-catalogue', nationalCookie);
  expect(byNational.html).toContain('data-testid="record-category"');
  const refused = await post('/policy-catalogue/care-support', nationalCookie, {
    _csrf: csrfOf(byNational.html),
    code: 'cs-test',
    name_vi: 'Hỗ trợ thử',
    coefficient: '1,555',
    valid_from: '2027-01-01',
    legal_source: 'Thử',
    tag: 'M',
    reason: 'thử',
  });
  expect(refused.status).toBe(400);
  expect(refused.html).toContain('id="coefficient-error"');
});
