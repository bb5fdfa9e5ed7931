/**
 * Identity quality through the edge (API and pages) against the households service in
 * process (real PostgreSQL, the population-database simulator over real HTTP) and real
 * Keycloak tokens: duplicate pairs (one record outside the officer's commune shown only by
 * its province), a merge proposed by an officer, rejected, proposed again on the page and
 * confirmed by an approver (never by the proposer), a pair dismissed, a verification stored.
 */
import { api, startHouseholdsEdge, type HouseholdsEdge, type Json } from './households-harness';
import {
  createHousehold,
  csrfOf,
  memberNamed,
  page,
  post,
  signedIn,
} from './registry-quality-support';

const COMMUNE = '00004';
const SHARED_ID = '001090054321';

let s: HouseholdsEdge;
let officer: string;
let officerApprover: string;
let approver: string;
let officerCookie: string;
let approverCookie: string;
let nam1: Json;
let nam2: Json;
let spouse: Json;
let household1: Json;

beforeAll(async () => {
  s = await startHouseholdsEdge('quality');
  const officerName = await s.edge.createStaff('officer', COMMUNE, ['officer']);
  const approverName = await s.edge.createStaff('approver', '01', ['approver']);
  officer = await s.edge.bearer(officerName);
  approver = await s.edge.bearer(approverName);
  officerApprover = await s.edge.bearer(
    await s.edge.createStaff('both', COMMUNE, ['officer', 'approver']),
  );
  const other = await s.edge.bearer(await s.edge.createStaff('other', '00008', ['officer']));
  officerCookie = await signedIn(s, officerName);
  approverCookie = await signedIn(s, approverName);

  household1 = await createHousehold(s, officer, COMMUNE, [
    { fullName: 'Hoàng Văn Nam', dateOfBirth: '1990-03-04', sex: 'male', relation: 'head' },
    {
      fullName: 'Trần Thị Hoa',
      dateOfBirth: '1982',
      sex: 'female',
      relation: 'spouse',
      citizenId: '001182012345',
    },
  ]);
  const household2 = await createHousehold(s, officer, COMMUNE, [
    { fullName: 'Hoàng Văn Nam', dateOfBirth: '1990-03-04', sex: 'male', relation: 'head' },
    {
      fullName: 'Đặng Văn Tú',
      dateOfBirth: '1990',
      sex: 'male',
      relation: 'sibling',
      citizenId: SHARED_ID,
    },
  ]);
  await createHousehold(s, other, '00008', [
    {
      fullName: 'Bùi Văn Tú',
      dateOfBirth: '1990',
      sex: 'male',
      relation: 'head',
      citizenId: SHARED_ID,
    },
  ]);
  nam1 = memberNamed(household1, 'Hoàng Văn Nam');
  nam2 = memberNamed(household2, 'Hoàng Văn Nam');
  spouse = memberNamed(household1, 'Trần Thị Hoa');
});

afterAll(async () => {
  await s?.close();
});

const pairs = async (token: string, unit = ''): Promise<Json[]> => {
  const res = await api(
    s.edge.baseUrl,
    `/duplicate-candidates${unit ? `?unitCode=${unit}` : ''}`,
    token,
  );
  expect(res.status).toBe(200);
  return res.body.pairs;
};

describe('identity quality API', () => {
  it('lists both pairs for the officer, the other commune’s record only as its province', async () => {
    const listed = await pairs(officer);
    const byName = listed.find((p) => p.rules.includes('name_birth_commune'));
    expect(byName).toMatchObject({ sameCommune: true, openMergeId: null });
    expect([byName.first.memberId, byName.second.memberId].sort()).toEqual(
      [nam1.id, nam2.id].sort(),
    );
    const byId = listed.find((p) => p.rules.includes('citizen_id'));
    expect(byId.sameCommune).toBe(false);
    expect(byId.first).toMatchObject({ visible: true, fullName: 'Đặng Văn Tú' });
    expect(byId.second).toEqual({
      visible: false,
      provinceCode: '01',
      communeCode: null,
      memberId: null,
      householdId: null,
      householdCode: null,
      fullName: null,
      dateOfBirth: null,
      citizenId: null,
    });
    const shown = await page(s, '/duplicates', officerCookie);
    expect(shown.html).toMatch(/data-testid="hidden-record"\s*>\s*một hồ sơ ở tỉnh 01\s*</);
    expect(shown.html).not.toContain('Bùi Văn Tú');
  });

  it('lets the officer propose, refuses the proposer as approver, and lets an approver reject', async () => {
    const proposed = await api(s.edge.baseUrl, '/merge-proposals', officerApprover, {
      method: 'POST',
      body: {
        keptMemberId: nam1.id,
        mergedMemberId: nam2.id,
        reason: 'Cùng một người khai hai lần',
      },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', keptMemberId: nam1.id });
    const again = await api(s.edge.baseUrl, '/merge-proposals', officer, {
      method: 'POST',
      body: { keptMemberId: nam1.id, mergedMemberId: nam2.id, reason: 'Lần nữa' },
    });
    expect(again.status).toBe(409);
    const own = await api(
      s.edge.baseUrl,
      `/merge-proposals/${proposed.body.id}/confirm`,
      officerApprover,
      {
        method: 'POST',
        body: { reason: 'Tự duyệt' },
      },
    );
    expect(own.status).toBe(403);
    const byOfficer = await api(
      s.edge.baseUrl,
      `/merge-proposals/${proposed.body.id}/confirm`,
      officer,
      {
        method: 'POST',
        body: { reason: 'Không có quyền' },
      },
    );
    expect(byOfficer.status).toBe(403);
    const rejected = await api(
      s.edge.baseUrl,
      `/merge-proposals/${proposed.body.id}/reject`,
      approver,
      {
        method: 'POST',
        body: { reason: 'Cần kiểm tra thêm' },
      },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Cần kiểm tra thêm',
    });
    const listed = await api(
      s.edge.baseUrl,
      `/merge-proposals?unitCode=${COMMUNE}&status=rejected`,
      approver,
    );
    expect(listed.body.proposals.map((p: Json) => p.id)).toEqual([proposed.body.id]);
    const badStatus = await api(s.edge.baseUrl, '/merge-proposals?status=maybe', approver);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.field).toBe('status');
  });

  it('refuses the officer a dismissal of the cross-commune pair and lets the province approver dismiss it', async () => {
    const other = (await pairs(approver, '01')).find((p) => p.rules.includes('citizen_id'));
    expect(other.first.visible && other.second.visible).toBe(true);
    const body = {
      firstMemberId: other.first.memberId,
      secondMemberId: other.second.memberId,
      reason: 'Hai người khác nhau, đã kiểm tra',
    };
    const byOfficer = await api(s.edge.baseUrl, '/duplicate-candidates/dismiss', officer, {
      method: 'POST',
      body,
    });
    expect(byOfficer.status).toBe(403);
    const dismissed = await api(s.edge.baseUrl, '/duplicate-candidates/dismiss', approver, {
      method: 'POST',
      body,
    });
    expect(dismissed).toEqual({ status: 200, body: { dismissed: true } });
    expect((await pairs(approver, '01')).some((p) => p.rules.includes('citizen_id'))).toBe(false);
  });

  it('verifies a member against the population database and stores the outcome', async () => {
    const verified = await api(s.edge.baseUrl, `/household-members/${spouse.id}/verify`, officer, {
      method: 'POST',
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ outcome: 'match', mismatchedFields: [] });
    const byApprover = await api(
      s.edge.baseUrl,
      `/household-members/${spouse.id}/verify`,
      approver,
      {
        method: 'POST',
      },
    );
    expect(byApprover.status).toBe(403);
    const shown = await page(
      s,
      `/households/${household1.id}/members/${spouse.id}/verification`,
      officerCookie,
    );
    expect(shown.status).toBe(200);
    expect(shown.html).toMatch(/data-testid="verification-outcome"\s*>\s*Khớp\s*</);
    expect(shown.html).toContain('data-testid="verify-form"');
    const noId = await page(
      s,
      `/households/${household1.id}/members/${nam1.id}/verification`,
      officerCookie,
    );
    expect(noId.html).toContain('data-testid="verification-none"');
    expect(noId.html).not.toContain('data-testid="verify-form"');
  });
});

describe('identity quality pages', () => {
  it('lets the officer propose on the page and an approver confirm it; the absorbed record is marked', async () => {
    const list = await page(s, '/duplicates', officerCookie);
    expect(list.status).toBe(200);
    expect(list.html).toContain('data-testid="propose-form"');
    const pairId = /name="pair_id" value="([^"]+)"/.exec(list.html)![1]!;
    const noReason = await post(s, '/duplicates/propose', officerCookie, {
      _csrf: csrfOf(list.html),
      first_member_id: nam1.id,
      second_member_id: nam2.id,
      kept_member_id: nam1.id,
      pair_id: pairId,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain('id="reason-error"');
    const proposed = await post(s, '/duplicates/propose', officerCookie, {
      _csrf: csrfOf(list.html),
      first_member_id: nam1.id,
      second_member_id: nam2.id,
      kept_member_id: nam1.id,
      pair_id: pairId,
      reason: 'Trùng hồ sơ, giữ hồ sơ đầu',
    });
    expect(proposed.status).toBe(303);
    expect(proposed.location).toBe('/duplicates/proposals');

    const mine = await page(s, '/duplicates/proposals?status=proposed', officerCookie);
    expect(mine.html).toContain('Đã gửi đề xuất gộp hồ sơ.');
    expect(mine.html).not.toContain('data-testid="decide-form"');

    const theirs = await page(
      s,
      `/duplicates/proposals?unit=${COMMUNE}&status=proposed`,
      approverCookie,
    );
    expect(theirs.html).toContain('data-testid="decide-form"');
    const mergeId = /action="\/duplicates\/proposals\/([0-9a-f-]{36})\/confirm"/.exec(
      theirs.html,
    )![1]!;
    const confirmed = await post(s, `/duplicates/proposals/${mergeId}/confirm`, approverCookie, {
      _csrf: csrfOf(theirs.html),
      reason: 'Đã đối chiếu, đồng ý gộp',
    });
    expect(confirmed.status).toBe(303);
    const done = await api(
      s.edge.baseUrl,
      `/merge-proposals?unitCode=${COMMUNE}&status=confirmed`,
      approver,
    );
    expect(done.body.proposals.map((p: Json) => p.id)).toEqual([mergeId]);

    const pairsNow = await pairs(officer);
    expect(pairsNow.some((p) => p.rules.includes('name_birth_commune'))).toBe(false);
  });

  it('shows the merged record on its household page', async () => {
    const searched = await api(s.edge.baseUrl, `/households/search?name=hoang van nam`, officer);
    const ids: string[] = searched.body.households.map((h: Json) => h.householdId);
    const pages = await Promise.all(ids.map((id) => page(s, `/households/${id}`, officerCookie)));
    expect(pages.some((p) => p.html.includes('data-testid="merged-into-member"'))).toBe(true);
  });
});
