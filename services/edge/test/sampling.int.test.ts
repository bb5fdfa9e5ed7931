/**
 * Acceptance sampling through the edge (API and pages) against the households service in
 * process (real PostgreSQL) and real Keycloak tokens: a province approver draws a sample of
 * a commune, records the field checks and decides (rejected with the reason, then accepted on
 * the pages); the commune officer reads its samples and is refused every write.
 */
import { api, startHouseholdsEdge, type HouseholdsEdge, type Json } from './households-harness';
import { createHousehold, csrfOf, page, post, signedIn } from './registry-quality-support';

const COMMUNE = '00004';

let s: HouseholdsEdge;
let officer: string;
let approver: string;
let officerCookie: string;
let approverCookie: string;

beforeAll(async () => {
  s = await startHouseholdsEdge('sampling');
  const officerName = await s.edge.createStaff('officer', COMMUNE, ['officer']);
  const approverName = await s.edge.createStaff('approver', '01', ['approver']);
  officer = await s.edge.bearer(officerName);
  approver = await s.edge.bearer(approverName);
  officerCookie = await signedIn(s, officerName);
  approverCookie = await signedIn(s, approverName);
  for (const name of ['Ngô Văn An', 'Lý Thị Bích', 'Mai Văn Chung', 'Tạ Thị Dung']) {
    await createHousehold(s, officer, COMMUNE, [
      { fullName: name, dateOfBirth: '1975', sex: 'male', relation: 'head' },
    ]);
  }
});

afterAll(async () => {
  await s?.close();
});

/** Identity checks of the head and the household, one of them wrong when `wrong`. */
function checks(h: Json, wrong: boolean): Json[] {
  const head = h.headMemberId;
  return [
    { field: 'full_name', memberId: head, error: wrong },
    { field: 'date_of_birth', memberId: head, error: false },
    { field: 'sex', memberId: head, error: false },
    { field: 'household_code', error: false },
    { field: 'address', error: false },
    { field: 'ethnic_group', memberId: head, error: false },
    { field: 'housing_quality', error: false },
  ];
}

describe('sampling API', () => {
  it('lets the province approver draw, check and decide; the commune officer only reads', async () => {
    const byOfficer = await api(s.edge.baseUrl, '/samples', officer, {
      method: 'POST',
      body: { communeCode: COMMUNE, purpose: 'Tự kiểm tra', sampleSize: 2 },
    });
    expect(byOfficer.status).toBe(403);
    const both = await api(s.edge.baseUrl, '/samples', approver, {
      method: 'POST',
      body: { communeCode: COMMUNE, purpose: 'Nghiệm thu', sampleSize: 2, rateBasisPoints: 100 },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.field).toBe('size');

    const drawn = await api(s.edge.baseUrl, '/samples', approver, {
      method: 'POST',
      body: { communeCode: COMMUNE, purpose: 'Nghiệm thu 2026 đợt 1', sampleSize: 2 },
    });
    expect(drawn.status).toBe(201);
    const sample = drawn.body;
    expect(sample).toMatchObject({
      status: 'open',
      populationSize: 4,
      sampleSize: 2,
      result: null,
    });
    expect(sample.items).toHaveLength(2);

    const early = await api(s.edge.baseUrl, `/samples/${sample.id}/result`, approver, {
      method: 'POST',
    });
    expect(early.status).toBe(409);

    const read = await api(s.edge.baseUrl, `/samples/${sample.id}`, officer);
    expect(read.status).toBe(200);
    const item0 = sample.items[0];
    const household0 = (await api(s.edge.baseUrl, `/households/${item0.householdId}`, approver))
      .body;
    const refused = await api(
      s.edge.baseUrl,
      `/samples/${sample.id}/households/${item0.householdId}/check`,
      officer,
      { method: 'POST', body: { checks: checks(household0, false) } },
    );
    expect(refused.status).toBe(403);
    const badCheck = await api(
      s.edge.baseUrl,
      `/samples/${sample.id}/households/${item0.householdId}/check`,
      approver,
      { method: 'POST', body: { checks: [{ field: 'full_name', error: 'no' }] } },
    );
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.error.field).toBe('checks[0].error');

    for (const [i, item] of sample.items.entries()) {
      const h = (await api(s.edge.baseUrl, `/households/${item.householdId}`, approver)).body;
      const recorded = await api(
        s.edge.baseUrl,
        `/samples/${sample.id}/households/${item.householdId}/check`,
        approver,
        { method: 'POST', body: { checks: checks(h, i === 0), note: 'Kiểm tra tại nhà' } },
      );
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({
        checked: true,
        identityFieldsChecked: 5,
        otherFieldsChecked: 2,
      });
    }
    const decided = await api(s.edge.baseUrl, `/samples/${sample.id}/result`, approver, {
      method: 'POST',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('rejected');
    expect(decided.body.result.identity).toMatchObject({
      errors: 1,
      checked: 10,
      ratePercent: '10',
      limitPercent: '0.5',
      withinLimit: false,
    });
    expect(decided.body.result.other).toMatchObject({ errors: 0, checked: 4, withinLimit: true });
    expect(decided.body.result.reasons).toHaveLength(1);

    const listed = await api(s.edge.baseUrl, `/samples?unitCode=${COMMUNE}`, officer);
    expect(listed.body.samples.map((x: Json) => [x.id, x.status])).toEqual([
      [sample.id, 'rejected'],
    ]);
  });
});

describe('sampling pages', () => {
  it('lets the approver draw by rate, check on the form and decide; the officer reads', async () => {
    const list = await page(s, '/samples', approverCookie);
    expect(list.html).toContain('data-testid="draw-form"');
    const refused = await post(s, '/samples', approverCookie, {
      _csrf: csrfOf(list.html),
      commune_code: COMMUNE,
      purpose: 'Nghiệm thu đợt 2',
      sample_size: '',
      rate_percent: '200',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="rate_percent-error"');
    const drawn = await post(s, '/samples', approverCookie, {
      _csrf: csrfOf(list.html),
      commune_code: COMMUNE,
      purpose: 'Nghiệm thu đợt 2',
      sample_size: '',
      rate_percent: '50',
    });
    expect(drawn.status).toBe(303);
    const samplePath = drawn.location!;
    const shown = await page(s, samplePath, approverCookie);
    expect(shown.html).toContain('Đã chọn mẫu 2 hộ.');
    const links = [
      ...shown.html.matchAll(/href="(\/samples\/[0-9a-f-]{36}\/households\/[0-9a-f-]{36})"/g),
    ].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) {
      const form = await page(s, link, approverCookie);
      expect(form.status).toBe(200);
      expect(form.html).toContain('data-testid="check-member"');
      const saved = await post(s, link, approverCookie, {
        _csrf: csrfOf(form.html),
        'c.household_code': 'ok',
        'c.address': 'ok',
        'c.head_name': 'ok',
        'c.area': 'ok',
        'c.sanitation': '',
        note: 'Đúng thực tế',
      });
      expect(saved.status).toBe(303);
    }
    const before = await page(s, samplePath, approverCookie);
    const decided = await post(s, `${samplePath}/result`, approverCookie, {
      _csrf: csrfOf(before.html),
    });
    expect(decided.status).toBe(303);
    const result = await page(s, samplePath, approverCookie);
    expect(result.html).toContain('data-testid="sample-result"');
    expect(result.html).toContain('0/6 trường sai = 0 % (ngưỡng 0.5 %)');
    expect(result.html).toContain('0/2 trường sai = 0 % (ngưỡng 2 %)');
    expect(result.html).toContain('Đạt');
    expect(result.html).not.toContain('data-testid="compute-form"');

    const byOfficer = await page(s, '/samples', officerCookie);
    expect(byOfficer.html).toContain('data-testid="samples-read-only"');
    expect(byOfficer.html).toContain('Nghiệm thu đợt 2');
    const officerView = await page(s, samplePath, officerCookie);
    expect(officerView.status).toBe(200);
    expect(officerView.html).not.toContain('data-testid="check-link"');
    const officerForm = await page(s, `${links[0]}`, officerCookie);
    expect(officerForm.status).toBe(200); // the role passes; the service refuses the write
    const officerPost = await post(s, links[0]!, officerCookie, {
      _csrf: csrfOf(officerForm.html),
      'c.address': 'ok',
    });
    expect(officerPost.status).toBe(403);
  });
});
