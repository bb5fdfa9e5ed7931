/**
 * The payment pages of the console, signed in through the real Keycloak form, against the
 * households, cases and payments services in process: the officer generates a payroll with the
 * form (a refusal next to its field first), the approver sees only the approve and close forms,
 * the payroll page shows totals by channel and the line's items with Vietnamese grouping, the
 * officer records a result on the closed payroll and uploads the agent's result file (CSRF
 * checked), the reconciliation page, and a unit admin gets 403 and no menu entry.
 */
import { PASSWORD } from './harness';
import { activeCase, startPaymentsEdge, type PaymentsEdge } from './payments-harness';
import { cookieHeader, signIn } from './sign-in';

const COMMUNE = '00004'; // Phường Ba Đình

let s: PaymentsEdge;
let officerCookie: string;
let approverCookie: string;
let adminCookie: string;

beforeAll(async () => {
  s = await startPaymentsEdge('ui', () => '2026-03-16');
  const h = s.edge;
  const login = async (name: string, unit: string, roles: string[]) => {
    const username = await h.createStaff(name, unit, roles);
    return { username, cookie: cookieHeader(await signIn(h.baseUrl, username, PASSWORD)) };
  };
  const officer = await login('officer', COMMUNE, ['officer']);
  const approver = await login('approver', COMMUNE, ['approver']);
  officerCookie = officer.cookie;
  approverCookie = approver.cookie;
  adminCookie = (await login('admin', COMMUNE, ['unit_admin'])).cookie;
  await activeCase(
    h.baseUrl,
    { officer: await h.bearer(officer.username), approver: await h.bearer(approver.username) },
    COMMUNE,
    {
      fullName: 'Trần Văn Năm',
      citizenId: '001040012345',
      dateOfBirth: '1940-05-01',
      sex: 'male',
    },
    { fromMonth: '2026-03', signedOn: '2026-03-10', number: '07/QĐ-UBND' },
  );
});

afterAll(async () => {
  await s?.close();
});

async function page(path: string, cookie: string) {
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
const versionOf = (html: string): string =>
  /name="expected_version" value="([0-9]+)"/.exec(html)![1]!;

describe('payment pages', () => {
  let payrollPath: string;

  it('shows the generate form to the officer and the refusal next to its field', async () => {
    const list = await page('/payrolls', officerCookie);
    expect(list.status).toBe(200);
    expect(list.html).toContain('Danh sách chi trả');
    expect(list.html).toContain('data-testid="generate-form"');
    const noToken = await post('/payrolls', officerCookie, {
      commune_code: COMMUNE,
      month: '2026-03',
    });
    expect(noToken.status).toBe(403);
    const bad = await post('/payrolls', officerCookie, {
      _csrf: csrfOf(list.html),
      commune_code: COMMUNE,
      month: '2026-3',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="month-error"');
    expect(bad.html).toContain('value="2026-3"');
  });

  it('generates the payroll and shows totals and the line’s items in Vietnamese', async () => {
    const list = await page('/payrolls', officerCookie);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const done = await post('/payrolls', officerCookie, {
        _csrf: csrfOf(list.html),
        commune_code: COMMUNE,
        month: '2026-03',
      });
      expect(done.status).toBe(303);
      payrollPath = done.location!;
      const shown = await page(payrollPath, officerCookie);
      if (shown.html.includes('data-testid="line-row"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const shown = await page(payrollPath, officerCookie);
    expect(shown.html).toContain('Danh sách chi trả xã 00004 tháng 2026-03');
    expect(shown.html).toContain('Tiền mặt tại xã');
    expect(shown.html).toContain('Kỳ này 2026-03: 500.000 đ');
    expect(shown.html).toContain('data-testid="form-regenerate"');
    expect(shown.html).not.toContain('data-testid="form-approve"');
    expect(shown.html).toContain('href="/payrolls"');
  });

  it('lets the approver approve and close, then offers the files', async () => {
    const draft = await page(payrollPath, approverCookie);
    expect(draft.html).toContain('data-testid="form-approve"');
    expect(draft.html).not.toContain('data-testid="form-regenerate"');
    const approved = await post(`${payrollPath}/approve`, approverCookie, {
      _csrf: csrfOf(draft.html),
      expected_version: versionOf(draft.html),
    });
    expect(approved.status).toBe(303);
    const afterApprove = await page(payrollPath, approverCookie);
    expect(afterApprove.html).toContain('Đã duyệt danh sách chi trả.');
    expect(afterApprove.html).toContain('data-testid="payment-files"');
    const stale = await post(`${payrollPath}/close`, approverCookie, {
      _csrf: csrfOf(afterApprove.html),
      expected_version: '99',
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('data-testid="form-close"');
    const closed = await post(`${payrollPath}/close`, approverCookie, {
      _csrf: csrfOf(afterApprove.html),
      expected_version: versionOf(afterApprove.html),
    });
    expect(closed.status).toBe(303);
    const file = /href="(\/payrolls\/[^"]+\/files\/[^"]+\.csv)"/.exec(
      (await page(payrollPath, approverCookie)).html,
    )![1]!;
    const csv = await fetch(`${s.edge.baseUrl}${file}`, { headers: { cookie: approverCookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
  });

  it('lets the officer record a result and refuses a missing reason next to its field', async () => {
    const closed = await page(payrollPath, officerCookie);
    expect(closed.html).toContain('data-testid="form-record_result"');
    expect(closed.html).toContain('data-testid="form-upload_results"');
    const action = /action="(\/payrolls\/[^"]+\/lines\/[^"]+\/result)"/.exec(closed.html)![1]!;
    const refused = await post(action, officerCookie, {
      _csrf: csrfOf(closed.html),
      outcome: 'returned',
      reason: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="reason-error"');
    const done = await post(action, officerCookie, {
      _csrf: csrfOf(closed.html),
      outcome: 'paid',
      paid_on: '2026-03-10',
    });
    expect(done.status).toBe(303);
    const after = await page(payrollPath, officerCookie);
    expect(after.html).toContain('Đã ghi kết quả chi trả');
    expect(after.html).toMatch(/data-testid="line-outcome">Đã chi</);
  });

  it('checks the CSRF token of a result-file upload before passing the file on', async () => {
    const form = new FormData();
    form.append('_csrf', 'forged');
    form.append('mode', 'all_or_nothing');
    form.append('file', new Blob(['a,b\n']), 'ket-qua.csv');
    const r = await fetch(`${s.edge.baseUrl}${payrollPath}/results`, {
      method: 'POST',
      headers: { cookie: officerCookie },
      body: form,
      redirect: 'manual',
    });
    expect(r.status).toBe(403);
  });

  it('shows the reconciliation of the commune, in English on request', async () => {
    const vi = await page('/reconciliation?unit=00004&month=2026-03', officerCookie);
    expect(vi.status).toBe(200);
    expect(vi.html).toContain('Đối soát chi trả');
    expect(vi.html).toMatch(/data-testid="paid">500\.000 đ/);
    const en = await page(
      '/reconciliation?unit=00004&month=2026-03',
      `${officerCookie}; posa_lang=en`,
    );
    expect(en.html).toMatch(/data-testid="paid">500,000 VND/);
  });

  it('refuses a unit admin with 403 and no menu entry', async () => {
    const refused = await page('/payrolls', adminCookie);
    expect(refused.status).toBe(403);
    expect((await page('/', adminCookie)).html).not.toContain('href="/payrolls"');
    expect((await page('/', officerCookie)).html).toContain('href="/payrolls"');
  });
});
