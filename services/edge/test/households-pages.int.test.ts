/**
 * The household pages of the console, signed in through the real Keycloak form, against the
 * households service in process: list, create form (refusal next to the field, then success),
 * detail now and as of a day, member form, history, search, standards, and who sees what.
 */
import { PASSWORD } from './harness';
import { startHouseholdsEdge, type HouseholdsEdge } from './households-harness';
import { cookieHeader, signIn } from './sign-in';

const OWN_COMMUNE = '00004'; // Phường Ba Đình

let s: HouseholdsEdge;
let officerCookie: string;
let analystCookie: string;
let adminCookie: string;

beforeAll(async () => {
  s = await startHouseholdsEdge('ui');
  const h = s.edge;
  const login = async (name: string, unit: string, roles: string[]) =>
    cookieHeader(await signIn(h.baseUrl, await h.createStaff(name, unit, roles), PASSWORD));
  officerCookie = await login('officer', OWN_COMMUNE, ['officer']);
  analystCookie = await login('analyst', '01', ['analyst']);
  adminCookie = await login('admin', OWN_COMMUNE, ['unit_admin']);
});

afterAll(async () => {
  await s?.close();
});

async function page(
  path: string,
  cookie: string,
): Promise<{ status: number; html: string; location: string | null }> {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

async function post(path: string, cookie: string, form: Record<string, string>) {
  const r = await fetch(`${s.edge.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

const member = (i: number, m: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`members[${i}].${k}`, v]));

it('lets a commune officer create a household through the form, then read it, its past and its history', async () => {
  const list = await page('/households', officerCookie);
  expect(list.status).toBe(200);
  expect(list.html).toContain('data-testid="no-households"');
  expect(list.html).toContain('href="/households/new"');

  const form = await page('/households/new', officerCookie);
  expect(form.status).toBe(200);
  const fields = {
    _csrf: csrfOf(form.html),
    rows: '3',
    street_address: 'Số 1 Phố Đội Cấn',
    area: 'urban',
    reason: 'Khai báo mới',
    ...member(0, {
      full_name: 'Nguyễn Văn Đức',
      date_of_birth: '1980-05-12',
      sex: 'male',
      ethnic_group_code: '01',
      citizen_id: '',
      relation: 'head',
    }),
    ...member(1, {
      full_name: '',
      date_of_birth: '',
      sex: '',
      ethnic_group_code: '01',
      citizen_id: '',
      relation: '',
    }),
    ...member(2, {
      full_name: 'Trần Thị Hoa',
      date_of_birth: '1982',
      sex: 'female',
      ethnic_group_code: '01',
      citizen_id: '12345',
      relation: 'spouse',
    }),
  };
  // The blank row is dropped, so the refused citizen ID is member 2's, shown next to it.
  const refused = await post('/households/new', officerCookie, fields);
  expect(refused.status).toBe(400);
  expect(refused.html).toContain('id="members[1].citizen_id-error"');
  expect(refused.html).toContain('Số CCCD (thành viên 2)');
  expect(refused.html).toContain('value="Trần Thị Hoa"');

  const created = await post('/households/new', officerCookie, {
    ...fields,
    _csrf: csrfOf(refused.html),
    'members[2].citizen_id': '001182012345',
  });
  expect(created.status).toBe(303);
  const detailPath = created.location!;
  expect(detailPath).toMatch(/^\/households\/[0-9a-f-]{36}$/);
  const detail = await page(detailPath, officerCookie);
  expect(detail.html).toMatch(/Đã khai báo hộ 00004-\d{4}-\d{6}/);
  expect(detail.html).toContain('Nguyễn Văn Đức');
  expect(detail.html).toContain('Vợ/chồng');
  expect(detail.html).toContain('data-testid="add-member-form"');

  const added = await post(`${detailPath}/members`, officerCookie, {
    _csrf: csrfOf(detail.html),
    expected_version: /name="expected_version" value="(\d+)"/.exec(detail.html)![1]!,
    'member.full_name': 'Nguyễn Minh Anh',
    'member.date_of_birth': '2015',
    'member.sex': 'female',
    'member.ethnic_group_code': '01',
    'member.citizen_id': '',
    'member.relation': 'child',
    reason: 'Sinh con',
  });
  expect(added).toMatchObject({ status: 303, location: detailPath });
  expect((await page(detailPath, officerCookie)).html).toContain(
    'Đã thêm thành viên Nguyễn Minh Anh.',
  );

  const past = await page(`${detailPath}?asOf=2020-01-01`, officerCookie);
  expect(past.status).toBe(400);
  expect(past.html).toContain('Ngày áp dụng');

  const history = await page(`${detailPath}/history`, analystCookie);
  expect(history.status).toBe(200);
  expect(history.html).toContain('Khai báo hộ');
  expect(history.html).toContain('Thêm thành viên');
  expect(history.html).toContain('Sinh con');
  expect(history.html).toContain(`(${OWN_COMMUNE})`);

  const search = await page('/households/search?kind=name&q=tran%20thi%20hoa', analystCookie);
  expect(search.status).toBe(200);
  expect(search.html).toContain('Trần Thị Hoa');
  expect(search.html).toContain('********2345');
  expect(search.html).not.toContain('001182012345');
});

it('shows the province analyst the households read only, and refuses roles without household access', async () => {
  const list = await page('/households', analystCookie);
  expect(list.status).toBe(200);
  expect(list.html).toContain('data-testid="households"');
  expect(list.html).not.toContain('href="/households/new"');
  const detailLink = /href="(\/households\/[0-9a-f-]{36})"/.exec(list.html)![1]!;
  const detail = await page(detailLink, analystCookie);
  expect(detail.status).toBe(200);
  expect(detail.html).not.toContain('add-member-form');
  expect((await page('/households/new', analystCookie)).status).toBe(403);
  const admin = await page('/households', adminCookie);
  expect(admin.status).toBe(403);
  expect((await page('/', adminCookie)).html).not.toContain('href="/households"');
  expect((await page('/', analystCookie)).html).toContain('href="/households"');
});

it('shows the poverty standards with their certainty, in Vietnamese or English', async () => {
  const vi = await page('/poverty-standards', adminCookie);
  expect(vi.status).toBe(200);
  expect(vi.html).toContain('Chuẩn nghèo 2022-2025');
  expect(vi.html).toContain('1.500.000 đ');
  expect(vi.html).toContain('data-testid="confidence-unverified"');
  const en = await page('/poverty-standards', `${adminCookie}; posa_lang=en`);
  expect(en.html).toContain('Poverty standard 2022-2025');
  expect(en.html).toContain('Unconfirmed');
});
