/**
 * A 2026 periodic review round (rà soát) through the edge against the households service in
 * process with its own calendar: the commune officer records a form 01 request, opens the
 * round, adds a household with a reason, assesses (a refusal shown next to the field),
 * computes the change list, records the village meeting (a refused vote first) and the
 * posting; the commune approver recognises the round, which is then locked. The API gives
 * the same round; an analyst reads only.
 */
import { PASSWORD } from './harness';
import { api, type HouseholdsEdge, type Json, startHouseholdsEdge } from './households-harness';
import { COMMUNE, registerHouseholds } from './imports-reviews-harness';
import { cookieHeader, signIn } from './sign-in';

let today = '2026-09-14'; // a Monday inside the periodic window
let s: HouseholdsEdge;
let officerToken: string;
let analystToken: string;
let officer: string;
let approver: string;
const hh: Json[] = [];

beforeAll(async () => {
  s = await startHouseholdsEdge('rv', { today: () => today });
  const h = s.edge;
  const login = async (name: string, unit: string, roles: string[]) =>
    cookieHeader(await signIn(h.baseUrl, await h.createStaff(name, unit, roles), PASSWORD));
  officerToken = await h.bearer(await h.createStaff('officer', COMMUNE, ['officer']));
  analystToken = await h.bearer(await h.createStaff('analyst', '01', ['analyst']));
  officer = await login('pageofficer', COMMUNE, ['officer']);
  approver = await login('approver', COMMUNE, ['approver']);
  hh.push(...(await registerHouseholds(h.baseUrl, officerToken, ['001182012345', '001182012346'])));
});

afterAll(async () => {
  await s?.close();
});

async function page(path: string, cookie: string) {
  const r = await fetch(`${s.edge.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text() };
}

async function post(path: string, cookie: string, form: Record<string, string | string[]>) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(
    (await page('/review-rounds', cookie)).html,
  )![1]!;
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  const r = await fetch(`${s.edge.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return { status: r.status, html: await r.text(), location: r.headers.get('location') };
}

it('runs a 2026 round from the request to the recognition, each step offered to the right role', async () => {
  const request = await post('/review-requests', officer, {
    household_id: hh[0].code,
    form: 'form_01',
    note: 'hộ tự đề nghị',
  });
  expect(request).toMatchObject({ status: 303, location: '/review-rounds' });
  expect((await page('/review-rounds', officer)).html).toContain('đợt rà soát năm 2026');

  const opened = await post('/review-rounds', officer, { commune_code: COMMUNE, kind: 'periodic' });
  expect(opened.status).toBe(303);
  const roundPath = opened.location!;
  const roundId = roundPath.split('/').pop()!;
  let detail = await page(roundPath, officer);
  expect(detail.html).toContain('data-status="open"');
  expect(detail.html.match(/data-testid="round-household"/g)).toHaveLength(1);
  expect(detail.html).toContain('data-testid="step-add"');
  expect(detail.html).not.toContain('data-testid="step-recognize"');

  const added = await post(`${roundPath}/households`, officer, {
    household_id: hh[1].code,
    reason: 'hộ có người ốm nặng',
  });
  expect(added.status).toBe(303);
  detail = await page(roundPath, officer);
  expect(detail.html).toContain('hộ có người ốm nặng');
  expect(detail.html).toContain('value="nutrition"'); // indicators of the standard in force

  const refused = await post(`${roundPath}/assessments`, officer, {
    household_id: hh[0].id,
    income_per_person: '-5',
  });
  expect(refused.status).toBe(400);
  expect(refused.html).toContain('id="income_per_person-error"');
  const deprived = ['nutrition', 'housing_area', 'telecom_use'];
  expect(
    (
      await post(`${roundPath}/assessments`, officer, {
        household_id: hh[0].id,
        income_per_person: '1.000.000',
        deprived_indicator_codes: deprived,
      })
    ).status,
  ).toBe(303);
  const viaApi = await api(s.edge.baseUrl, `/review-rounds/${roundId}/assessments`, officerToken, {
    method: 'POST',
    body: { householdId: hh[1].id, incomePerPerson: 1_900_000, deprivedIndicatorCodes: [] },
  });
  expect(viaApi.status).toBe(200);
  expect(viaApi.body.assessment).toMatchObject({
    classification: 'near_poor',
    incomePerPerson: '1900000',
  });

  const results = await page(`${roundPath}?results=1`, officer);
  expect(results.html).toContain('data-kind="newly_poor"');
  expect(results.html).toContain('data-kind="new_near_poor"');
  expect(results.html).toContain('data-testid="step-meeting"');

  today = '2026-09-15';
  const vote = { village_code: 'TDP-01', held_on: today, attendees: '10', agreed_count: '4' };
  const lost = await post(`${roundPath}/meetings`, officer, vote);
  expect(lost.status).toBe(409);
  expect(lost.html).toContain('role="alert"');
  expect(
    (await post(`${roundPath}/meetings`, officer, { ...vote, agreed_count: '5' })).status,
  ).toBe(303);
  detail = await page(roundPath, officer);
  expect(detail.html).toContain('data-testid="step-posting"');
  today = '2026-09-16';
  expect(
    (
      await post(`${roundPath}/posting`, officer, {
        posted_from: '2026-09-16',
        posted_to: '2026-09-18',
      })
    ).status,
  ).toBe(303);

  detail = await page(roundPath, officer);
  expect(detail.html).toContain('data-status="posted"');
  expect(detail.html).toContain('data-testid="no-steps"');
  const forApprover = await page(roundPath, approver);
  expect(forApprover.html).toContain('data-testid="step-recognize"');
  expect(forApprover.html).not.toContain('data-testid="step-assess"');

  today = '2026-09-21';
  const recognised = await post(`${roundPath}/recognition`, approver, {
    decision_number: '17/QĐ-UBND',
    decided_on: today,
    signer: 'Chủ tịch UBND phường',
  });
  expect(recognised.status).toBe(303);
  detail = await page(roundPath, approver);
  expect(detail.html).toContain('data-testid="locked"');
  expect(detail.html).toContain('17/QĐ-UBND, 2026-09-21, Chủ tịch UBND phường');
  expect(detail.html).toContain('2 hộ được phân loại');
  expect(detail.html).toContain('data-testid="no-steps"');

  const listed = await api(s.edge.baseUrl, `/review-rounds?unitCode=01&year=2026`, analystToken);
  expect(listed.body.rounds).toEqual([
    expect.objectContaining({
      id: roundId,
      status: 'recognized',
      householdCount: 2,
      assessedCount: 2,
    }),
  ]);
  const locked = await api(s.edge.baseUrl, `/review-rounds/${roundId}/assessments`, officerToken, {
    method: 'POST',
    body: { householdId: hh[1].id, incomePerPerson: '100', deprivedIndicatorCodes: [] },
  });
  expect(locked.status).toBe(409);
  const read = await api(s.edge.baseUrl, `/review-rounds/${roundId}`, analystToken);
  expect(read.body.round.decision).toEqual({
    decisionNumber: '17/QĐ-UBND',
    decidedOn: '2026-09-21',
    signer: 'Chủ tịch UBND phường',
  });
});

it('refuses through the API with the field or the reason', async () => {
  const monthly = await api(s.edge.baseUrl, '/review-rounds', officerToken, {
    method: 'POST',
    body: { communeCode: COMMUNE, kind: 'monthly' },
  });
  expect(monthly.status).toBe(409);
  const kind = await api(s.edge.baseUrl, '/review-rounds', officerToken, {
    method: 'POST',
    body: { communeCode: COMMUNE, kind: 'weekly' },
  });
  expect(kind).toMatchObject({ status: 400, body: { error: { field: 'kind' } } });
  const analyst = await api(s.edge.baseUrl, '/review-rounds', analystToken, {
    method: 'POST',
    body: { communeCode: COMMUNE, kind: 'periodic' },
  });
  expect(analyst.status).toBe(403);
  const form = await api(s.edge.baseUrl, '/review-requests', officerToken, {
    method: 'POST',
    body: { householdId: hh[0].id, form: 'form_09' },
  });
  expect(form).toMatchObject({ status: 400, body: { error: { field: 'form' } } });
  const year = await api(s.edge.baseUrl, '/review-rounds?year=20x6', officerToken);
  expect(year).toMatchObject({ status: 400, body: { error: { field: 'year' } } });
});
