/**
 * Households' review requests through the edge, against the households service in process:
 * an officer records two form 04 requests; the commune approver reads them on the requests
 * page, is shown the reasons field when a refusal lacks them, then refuses one in writing;
 * the API lists the refused request with its letter and refuses the same step to an officer.
 */
import { PASSWORD } from './harness';
import { api, type HouseholdsEdge, type Json, startHouseholdsEdge } from './households-harness';
import { COMMUNE, registerHouseholds } from './imports-reviews-harness';
import { cookieHeader, signIn } from './sign-in';

let s: HouseholdsEdge;
let officerToken: string;
let approverToken: string;
let approver: string;
let analyst: string;
const requests: string[] = [];

beforeAll(async () => {
  s = await startHouseholdsEdge('rq', { today: () => '2026-10-05' });
  const h = s.edge;
  officerToken = await h.bearer(await h.createStaff('officer', COMMUNE, ['officer']));
  approverToken = await h.bearer(await h.createStaff('apiapprover', COMMUNE, ['approver']));
  approver = cookieHeader(
    await signIn(h.baseUrl, await h.createStaff('approver', COMMUNE, ['approver']), PASSWORD),
  );
  analyst = cookieHeader(
    await signIn(h.baseUrl, await h.createStaff('analyst', '01', ['analyst']), PASSWORD),
  );
  const households = await registerHouseholds(h.baseUrl, officerToken, [
    '001182012345',
    '001182012346',
  ]);
  for (const household of households) {
    const request = await api(h.baseUrl, '/review-requests', officerToken, {
      method: 'POST',
      body: { householdId: household.id, form: 'form_04', note: 'hộ đề nghị' },
    });
    expect(request.status).toBe(201);
    requests.push((request.body as Json).requestId as string);
  }
});

afterAll(async () => {
  await s?.close();
});

async function page(path: string, cookie: string) {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text() };
}

async function post(path: string, cookie: string, form: Record<string, string>) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(
    (await page('/review-requests', cookie)).html,
  )![1]!;
  const r = await fetch(`${s.edge.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, ...form }),
    redirect: 'manual',
  });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

it('lets the commune approver refuse a pending request in writing, with its reasons', async () => {
  const list = await page('/review-requests', approver);
  expect(list.status).toBe(200);
  expect(list.html.match(/data-testid="request"/g)).toHaveLength(2);
  expect(list.html.match(/data-testid="refusal-form"/g)).toHaveLength(2);
  // a unit above reads the list but is offered no refusal
  const above = await page(`/review-requests?unit=${COMMUNE}`, analyst);
  expect(above.html.match(/data-testid="request"/g)).toHaveLength(2);
  expect(above.html).not.toContain('data-testid="refusal-form"');

  const letter = {
    document_number: '15/UBND',
    refused_on: '2026-10-05',
    signer: 'Chủ tịch UBND phường',
  };
  const missing = await post(`/review-requests/${requests[0]}/refusal`, approver, {
    ...letter,
    reason: '',
  });
  expect(missing.status).toBe(400);
  expect(missing.html).toMatch(/id="refuse-[^"]+\.reason"[^>]*aria-invalid="true"/);
  expect(missing.html).toContain('<details open');

  const done = await post(`/review-requests/${requests[0]}/refusal`, approver, {
    ...letter,
    reason: 'Hộ đã được rà soát trong tháng 9.',
  });
  expect([done.status, done.location]).toEqual([303, '/review-requests?status=refused']);
  const refused = await page('/review-requests?status=refused', approver);
  expect(refused.html).toContain('data-testid="refusal"');
  expect(refused.html).toContain('15/UBND');
  expect(refused.html).toContain('Hộ đã được rà soát trong tháng 9.');
});

it('lists the requests through the API and refuses the refusal to an officer', async () => {
  const listed = await api(
    s.edge.baseUrl,
    `/review-requests?unitCode=${COMMUNE}&status=refused`,
    officerToken,
  );
  expect(listed.status).toBe(200);
  const [one] = (listed.body as Json).requests as Json[];
  expect(one).toMatchObject({
    id: requests[0],
    status: 'refused',
    form: 'form_04',
    roundId: null,
    refusal: { documentNumber: '15/UBND', refusedOn: '2026-10-05' },
  });
  const byOfficer = await api(
    s.edge.baseUrl,
    `/review-requests/${requests[1]}/refusal`,
    officerToken,
    {
      method: 'POST',
      body: { documentNumber: '16/UBND', reason: 'không đủ điều kiện', signer: 'Chủ tịch' },
    },
  );
  expect(byOfficer.status).toBe(403);
  const byApprover = await api(
    s.edge.baseUrl,
    `/review-requests/${requests[1]}/refusal`,
    approverToken,
    {
      method: 'POST',
      body: { documentNumber: '16/UBND', reason: 'không đủ điều kiện', signer: 'Chủ tịch' },
    },
  );
  expect(byApprover.status).toBe(201);
  expect((byApprover.body as Json).status).toBe('refused');
  const badStatus = await api(s.edge.baseUrl, '/review-requests?status=lost', officerToken);
  expect(badStatus).toMatchObject({ status: 400, body: { error: { field: 'status' } } });
});
