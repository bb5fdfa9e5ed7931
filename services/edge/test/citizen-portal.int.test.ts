/**
 * The citizen online service through the edge, against the real households and cases
 * services: public pages with the signed CSRF cookie, a submission with a PDF, the receipt
 * and the tracking page; refusals (no token, a file that is not a PDF, a file too large);
 * the officer's inbox, attachment download, accept into a case and decline; complaints from
 * the public form to the staff answer and back to the citizen; the public API; rate limits.
 */
import { startCitizenEdge, tinyPdf, Visitor, type CitizenEdge } from './citizen-harness';
import { PASSWORD } from './harness';
import { api, type Json } from './households-harness';
import { cookieHeader, signIn } from './sign-in';

jest.setTimeout(120_000);

const COMMUNE = '00004'; // Phường Ba Đình
let s: CitizenEdge;
let base: string;
let officer: string;
let analyst: string;
let officerCookie: string;
let analystCookie: string;

beforeAll(async () => {
  s = await startCitizenEdge('portal', { CITIZEN_POST_RATE_LIMIT_PER_MINUTE: '6' });
  base = s.edge.baseUrl;
  officer = await s.edge.bearer(await s.edge.createStaff('officer', COMMUNE, ['officer']));
  analyst = await s.edge.bearer(await s.edge.createStaff('analyst', '01', ['analyst']));
  const login = async (name: string, unit: string, roles: string[]) =>
    cookieHeader(await signIn(base, await s.edge.createStaff(name, unit, roles), PASSWORD));
  officerCookie = await login('officer-ui', COMMUNE, ['officer']);
  analystCookie = await login('analyst-ui', '01', ['analyst']);
});

afterAll(async () => {
  await s?.close();
});

/** A woman born in 1940 in Hà Nội: digits 001, 1 (female, 1900s), 40. */
const applicant = (serial: string): Record<string, string> => ({
  kind: 'monthly_allowance',
  full_name: 'Lê Thị Mai',
  date_of_birth: '1940-03-08',
  sex: 'female',
  citizen_id: `001140${serial}`,
  phone: '0912345678',
  email: '',
  commune_code: COMMUNE,
  street_address: 'Số 3 ngõ 5 phố Đội Cấn',
  filed_by: 'other',
  filed_by_name: 'Lê Văn An',
  filed_by_relation: 'con trai',
  circumstances: 'Sống một mình, không có lương hưu.',
  suggested_category_code: 'nd20-5c',
  payment_channel: 'cash_at_commune',
});

function multipart(fields: Record<string, string>, files: [string, Buffer, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, content, type] of files)
    form.append('attachments', new Blob([content], { type }), name);
  return form;
}

async function submitOnPage(
  visitor: Visitor,
  serial: string,
  files = [['giay-xac-nhan.pdf', tinyPdf(), 'application/pdf']] as [string, Buffer, string][],
) {
  const form = await visitor.page('/dich-vu-cong/nop-ho-so?thu_tuc=monthly_allowance');
  return visitor.fetch('/dich-vu-cong/nop-ho-so', {
    method: 'POST',
    body: multipart({ _csrf: form.csrf, ...applicant(serial) }, files),
  });
}

function codeOf(location: string | null): string {
  const code = new URL(location ?? '', base).searchParams.get('ma');
  if (!code) throw new Error(`no tracking code in ${location}`);
  return code;
}

describe('public pages of the online service', () => {
  it('show the procedures in Vietnamese with a strict CSP and set the CSRF cookie on the form', async () => {
    const visitor = new Visitor(base, '198.51.100.1');
    const landing = await visitor.fetch('/dich-vu-cong');
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await landing.text();
    expect(text).toContain('Trợ cấp xã hội hàng tháng');
    expect(text).toContain('Hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng');
    expect(landing.headers.get('set-cookie')).toContain('posa_pcsrf=');
    const form = await visitor.page('/dich-vu-cong/nop-ho-so?thu_tuc=monthly_allowance');
    expect(form.csrf).toMatch(/^[0-9a-f]{32}\./);
    // The situations offered come from the catalogue in force.
    expect(form.html).toContain('value="nd20-5c"');
    // Anonymous visitors get no session: nothing for the session store to keep.
    expect(landing.headers.getSetCookie().some((c) => c.startsWith('posa.sid='))).toBe(false);
  });

  it('take an application with a PDF, give a code, and track it with the citizen ID', async () => {
    const visitor = new Visitor(base, '198.51.100.2');
    const sent = await submitOnPage(visitor, '000101');
    expect(sent.status).toBe(303);
    const code = codeOf(sent.headers.get('location'));
    const receipt = await visitor.page(`/dich-vu-cong/bien-nhan?ma=${code}`);
    expect(receipt.html).toContain(code);

    const tracking = await visitor.page('/dich-vu-cong/tra-cuu');
    const found = await visitor.post('/dich-vu-cong/tra-cuu', {
      _csrf: tracking.csrf,
      tracking_code: code,
      citizen_id: '001140000101',
    });
    expect(found.status).toBe(200);
    const page = await found.text();
    expect(page).toContain('data-status="received"');
    expect(page).not.toMatch(/VND|đồng/);

    const wrong = await visitor.post('/dich-vu-cong/tra-cuu', {
      _csrf: tracking.csrf,
      tracking_code: code,
      citizen_id: '001140000999',
    });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('Không tìm thấy hồ sơ');
  });

  it('refuse a post without the CSRF token, a file that is not a PDF, and a file too large', async () => {
    const visitor = new Visitor(base, '198.51.100.3');
    await visitor.page('/dich-vu-cong/nop-ho-so');
    const noToken = await visitor.fetch('/dich-vu-cong/nop-ho-so', {
      method: 'POST',
      body: multipart(applicant('000102'), [['a.pdf', tinyPdf(), 'application/pdf']]),
    });
    expect(noToken.status).toBe(403);

    const html = await submitOnPage(visitor, '000103', [
      ['trick.pdf', Buffer.from('<html><script>alert(1)</script>'), 'application/pdf'],
    ]);
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('Giấy tờ kèm theo: chưa hợp lệ.');

    const big = Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await submitOnPage(visitor, '000104', [['big.pdf', big, 'application/pdf']]);
    expect(tooLarge.status).toBe(413);
  });

  it('answer 429 once an address passes the limit of submissions', async () => {
    const visitor = new Visitor(base, '198.51.100.9');
    const form = await visitor.page('/dich-vu-cong/tra-cuu');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await visitor.post('/dich-vu-cong/tra-cuu', {
        _csrf: form.csrf,
        tracking_code: 'ABCDEFGHJK',
        citizen_id: '001140000999',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 6).every((st) => st === 404)).toBe(true);
    expect(statuses[6]).toBe(429);
  });
});

describe('public API', () => {
  it('takes an application as multipart and a complaint as JSON, without a session or token', async () => {
    const visitor = new Visitor(base, '198.51.100.10');
    const sent = await visitor.fetch('/api/v1/public/online-applications', {
      method: 'POST',
      body: multipart(applicant('000501'), [['don.pdf', tinyPdf(), 'application/pdf']]),
    });
    expect(sent.status).toBe(201);
    const receipt = (await sent.json()) as Json;
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{10}$/);

    const noFile = await visitor.fetch('/api/v1/public/online-applications', {
      method: 'POST',
      body: multipart(applicant('000502'), []),
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Json).error.field).toBe('attachments');

    const complaint = await visitor.fetch('/api/v1/public/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subjectKind: 'other',
        managingUnitCode: COMMUNE,
        complainantName: 'Trần Văn Hải',
        complainantCitizenId: '001050000502',
        complainantPhone: '0912000502',
        content: 'Chưa nhận được trả lời.',
      }),
    });
    expect(complaint.status).toBe(201);
    const filed = (await complaint.json()) as Json;
    const tracked = await visitor.fetch('/api/v1/public/complaints/track', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trackingCode: filed.trackingCode, citizenId: '001050000502' }),
    });
    expect(tracked.status).toBe(200);
    expect(((await tracked.json()) as Json).status).toBe('open');
  });
});

describe('staff pages and API of online applications', () => {
  let code: string;
  let applicationId: string;

  it('shows a new application in the commune inbox, its PDF downloadable', async () => {
    const visitor = new Visitor(base, '198.51.100.4');
    code = codeOf((await submitOnPage(visitor, '000201')).headers.get('location'));
    const list = await api(base, '/online-applications?status=received', officer);
    expect(list.status).toBe(200);
    const mine = list.body.applications.find((a: Json) => a.trackingCode === code);
    expect(mine).toMatchObject({ status: 'received', kind: 'monthly_allowance' });
    applicationId = mine.applicationId;
    const attachment = mine.attachments[0];
    expect(attachment).toMatchObject({ mediaType: 'application/pdf', scanStatus: 'clean' });
    const file = await fetch(
      `${base}/api/v1/online-applications/${applicationId}/attachments/${attachment.attachmentId}`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(tinyPdf())).toBe(true);
  });

  it('accepts it into a case for the registered member; the citizen then sees it processed', async () => {
    const household = await api(base, '/households', officer, {
      method: 'POST',
      body: {
        communeCode: COMMUNE,
        streetAddress: 'Số 3 ngõ 5 phố Đội Cấn',
        area: 'urban',
        members: [
          {
            fullName: 'Lê Thị Mai',
            dateOfBirth: '1940-03-08',
            sex: 'female',
            ethnicGroupCode: '01',
            citizenId: '001140000201',
            relation: 'head',
          },
        ],
        reason: 'Khai báo mới',
      },
    });
    expect(household.status).toBe(201);
    const member = household.body.members[0];
    const refused = await api(base, `/online-applications/${applicationId}/accept`, analyst, {
      method: 'POST',
      body: {
        householdId: household.body.id,
        memberId: member.id,
        eligibility: { categoryCodes: ['nd20-5c'] },
      },
    });
    expect(refused.status).toBe(403);
    const accepted = await api(base, `/online-applications/${applicationId}/accept`, officer, {
      method: 'POST',
      body: {
        householdId: household.body.id,
        memberId: member.id,
        eligibility: { categoryCodes: ['nd20-5c'] },
      },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.application.status).toBe('accepted');
    const caseCode: string = accepted.body.case.code;
    expect(caseCode).not.toBe('');

    const tracked = await fetch(`${base}/api/v1/public/online-applications/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.5' },
      body: JSON.stringify({ trackingCode: code, citizenId: '001140000201' }),
    });
    expect(tracked.status).toBe(200);
    const body = (await tracked.json()) as Json;
    expect(body).toMatchObject({ status: 'processing', caseCode });
    expect(JSON.stringify(body)).not.toMatch(/amount|Vnd/i);
  });

  it('declines another with a reason, shown to the citizen', async () => {
    const visitor = new Visitor(base, '198.51.100.6');
    const other = codeOf((await submitOnPage(visitor, '000202')).headers.get('location'));
    const list = await api(base, '/online-applications', officer);
    const id = list.body.applications.find((a: Json) => a.trackingCode === other).applicationId;
    const empty = await api(base, `/online-applications/${id}/decline`, officer, {
      method: 'POST',
      body: { reason: '' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('reason');
    const declined = await api(base, `/online-applications/${id}/decline`, officer, {
      method: 'POST',
      body: { reason: 'Người đề nghị không cư trú tại xã.' },
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'Người đề nghị không cư trú tại xã.',
    });
    const tracking = await visitor.page('/dich-vu-cong/tra-cuu');
    const seen = await visitor.post('/dich-vu-cong/tra-cuu', {
      _csrf: tracking.csrf,
      tracking_code: other,
      citizen_id: '001140000202',
    });
    const page = await seen.text();
    expect(page).toContain('data-status="declined"');
    expect(page).toContain('Người đề nghị không cư trú tại xã.');
  });
});

describe('complaints', () => {
  it('go from the public form to the staff answer and back to the citizen', async () => {
    const visitor = new Visitor(base, '198.51.100.7');
    const form = await visitor.page('/dich-vu-cong/phan-anh');
    const sent = await visitor.post('/dich-vu-cong/phan-anh', {
      _csrf: form.csrf,
      subject_kind: 'household',
      managing_unit_code: COMMUNE,
      complainant_name: 'Phạm Văn Bình',
      complainant_citizen_id: '001050000301',
      complainant_phone: '0912000301',
      content: 'Năm sinh của tôi trong sổ hộ bị ghi sai.',
    });
    expect(sent.status).toBe(303);
    const code = codeOf(sent.headers.get('location'));

    const list = await api(base, '/complaints?status=open', officer);
    expect(list.status).toBe(200);
    const complaint = list.body.complaints.find((c: Json) => c.trackingCode === code);
    expect(complaint).toMatchObject({
      source: 'citizen',
      managingUnitCode: COMMUNE,
      overdue: false,
    });
    const stale = await api(base, `/complaints/${complaint.complaintId}/answer`, officer, {
      method: 'POST',
      body: { expectedVersion: complaint.version + 5, answer: 'Đã sửa.' },
    });
    expect(stale.status).toBe(409);
    const answered = await api(base, `/complaints/${complaint.complaintId}/answer`, officer, {
      method: 'POST',
      body: { expectedVersion: complaint.version, answer: 'Đã sửa năm sinh theo CCCD.' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');

    const tracking = await visitor.page('/dich-vu-cong/phan-anh/tra-cuu');
    const seen = await visitor.post('/dich-vu-cong/phan-anh/tra-cuu', {
      _csrf: tracking.csrf,
      tracking_code: code,
      citizen_id: '001050000301',
    });
    expect(seen.status).toBe(200);
    expect(await seen.text()).toContain('Đã sửa năm sinh theo CCCD.');

    const closed = await api(base, `/complaints/${complaint.complaintId}/close`, officer, {
      method: 'POST',
      body: { expectedVersion: answered.body.version, note: 'Đã trả lời' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('are recorded by staff for a caller; an analyst may not answer', async () => {
    const body = {
      subjectKind: 'other',
      managingUnitCode: COMMUNE,
      complainantName: 'Đỗ Thị Hạnh',
      complainantPhone: '0912000302',
      content: 'Hỏi về thời hạn giải quyết hồ sơ.',
    };
    const filed = await api(base, '/complaints', officer, { method: 'POST', body });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ source: 'staff', status: 'open' });
    const byAnalyst = await api(base, '/complaints', analyst, { method: 'POST', body });
    expect(byAnalyst.status).toBe(201);
    const refused = await api(base, `/complaints/${filed.body.complaintId}/answer`, analyst, {
      method: 'POST',
      body: { expectedVersion: filed.body.version, answer: 'Không có quyền.' },
    });
    expect(refused.status).toBe(403);
  });
});

describe('staff pages', () => {
  async function page(path: string, cookie: string) {
    const r = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
    return { status: r.status, html: await r.text(), location: r.headers.get('location') };
  }
  async function post(path: string, cookie: string, form: Record<string, string>) {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
    return { status: r.status, html: await r.text(), location: r.headers.get('location') };
  }
  const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('let the commune officer find the applicant in the registry and accept; the analyst only reads', async () => {
    const visitor = new Visitor(base, '198.51.100.8');
    const code = codeOf((await submitOnPage(visitor, '000401')).headers.get('location'));
    const household = await api(base, '/households', officer, {
      method: 'POST',
      body: {
        communeCode: COMMUNE,
        streetAddress: 'Số 9 phố Đội Cấn',
        area: 'urban',
        members: [
          {
            fullName: 'Lê Thị Mai',
            dateOfBirth: '1940-03-08',
            sex: 'female',
            ethnicGroupCode: '01',
            citizenId: '001140000401',
            relation: 'head',
          },
        ],
        reason: 'Khai báo mới',
      },
    });
    expect(household.status).toBe(201);

    const inbox = await page('/online-applications', officerCookie);
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain('href="/online-applications"');
    const id = new RegExp(`href="/online-applications/([0-9a-f-]{36})">${code}<`).exec(
      inbox.html,
    )?.[1];
    expect(id).toBeDefined();

    const detail = await page(`/online-applications/${id}`, officerCookie);
    expect(detail.html).toContain('data-testid="accept-form"');
    const choice = /name="member"\s+value="([^"]+)"/.exec(detail.html)?.[1];
    expect(choice).toBe(`${household.body.id}/${household.body.members[0].id}`);
    const accepted = await post(`/online-applications/${id}/accept`, officerCookie, {
      _csrf: csrfOf(detail.html),
      member: choice ?? '',
      category_codes: 'nd20-5c',
      disability_level: 'none',
    });
    expect(accepted.status).toBe(303);
    const after = await page(`/online-applications/${id}`, officerCookie);
    expect(after.html).toMatch(/Đã tiếp nhận thành hồ sơ TC-00004-/);
    expect(after.html).toContain('data-testid="case-link"');
    expect(after.html).not.toContain('data-testid="accept-form"');

    const read = await page(`/online-applications/${id}`, analystCookie);
    expect(read.status).toBe(200);
    expect(read.html).not.toContain('data-testid="accept-form"');
  });

  it('show complaints with the answer form to the officer only, and answer through it', async () => {
    const filed = await api(base, '/complaints', officer, {
      method: 'POST',
      body: {
        subjectKind: 'household',
        managingUnitCode: COMMUNE,
        complainantName: 'Vũ Văn Tâm',
        complainantPhone: '0912000501',
        content: 'Thiếu thành viên trong hộ.',
      },
    });
    expect(filed.status).toBe(201);
    const list = await page('/complaints?status=open', officerCookie);
    expect(list.html).toContain(filed.body.trackingCode);
    const detail = await page(`/complaints/${filed.body.complaintId}`, officerCookie);
    expect(detail.html).toContain('data-testid="answer-form"');
    const empty = await post(`/complaints/${filed.body.complaintId}/answer`, officerCookie, {
      _csrf: csrfOf(detail.html),
      expected_version: String(filed.body.version),
      answer: '',
    });
    expect(empty.status).toBe(400);
    const answered = await post(`/complaints/${filed.body.complaintId}/answer`, officerCookie, {
      _csrf: csrfOf(detail.html),
      expected_version: String(filed.body.version),
      answer: 'Đã bổ sung thành viên.',
    });
    expect(answered.status).toBe(303);
    const after = await page(`/complaints/${filed.body.complaintId}`, officerCookie);
    expect(after.html).toContain('Đã trả lời phản ánh.');
    expect(after.html).toContain('data-testid="close-form"');
    const byAnalyst = await page(`/complaints/${filed.body.complaintId}`, analystCookie);
    expect(byAnalyst.status).toBe(200);
    expect(byAnalyst.html).not.toContain('data-testid="close-form"');
  });
});
