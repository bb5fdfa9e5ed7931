/**
 * Household moves through the edge (API and pages) against the households service in
 * process (real PostgreSQL) and real Keycloak tokens: a member moves to another household,
 * a split (tách hộ) and a merge (nhập hộ) with their links on the detail page, a move out of
 * the commune, and the refusals (field named, stale version, another commune, read-only roles).
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

let s: HouseholdsEdge;
let officer: string;
let stranger: string;
let officerCookie: string;
let analystCookie: string;

beforeAll(async () => {
  s = await startHouseholdsEdge('moves');
  const officerName = await s.edge.createStaff('officer', COMMUNE, ['officer']);
  officer = await s.edge.bearer(officerName);
  stranger = await s.edge.bearer(await s.edge.createStaff('other', '00008', ['officer']));
  officerCookie = await signedIn(s, officerName);
  analystCookie = await signedIn(s, await s.edge.createStaff('analyst', '01', ['analyst']));
});

afterAll(async () => {
  await s?.close();
});

const family = () =>
  createHousehold(s, officer, COMMUNE, [
    { fullName: 'Nguyễn Văn Đức', dateOfBirth: '1970-05-12', sex: 'male', relation: 'head' },
    { fullName: 'Trần Thị Hoa', dateOfBirth: '1972', sex: 'female', relation: 'spouse' },
    { fullName: 'Nguyễn Văn Minh', dateOfBirth: '1995', sex: 'male', relation: 'child' },
    { fullName: 'Nguyễn Thị Lan', dateOfBirth: '1998', sex: 'female', relation: 'child' },
  ]);
const single = (name: string) =>
  createHousehold(s, officer, COMMUNE, [
    { fullName: name, dateOfBirth: '1960', sex: 'male', relation: 'head' },
  ]);

describe('moves API', () => {
  it('moves a member to another household of the commune, and refuses a stale version and another commune', async () => {
    const a = await family();
    const b = await single('Lê Văn Bình');
    const lan = memberNamed(a, 'Nguyễn Thị Lan');
    const body = {
      expectedVersion: a.version,
      toHouseholdId: b.id,
      toExpectedVersion: b.version,
      relation: 'other_relative',
      reason: 'Chuyển về ở cùng bác',
    };
    const byStranger = await api(
      s.edge.baseUrl,
      `/households/${a.id}/members/${lan.id}/move`,
      stranger,
      {
        method: 'POST',
        body,
      },
    );
    expect(byStranger.status).toBe(403);
    const missing = await api(
      s.edge.baseUrl,
      `/households/${a.id}/members/${lan.id}/move`,
      officer,
      {
        method: 'POST',
        body: { ...body, toHouseholdId: undefined },
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('to_household_id');

    const moved = await api(s.edge.baseUrl, `/households/${a.id}/members/${lan.id}/move`, officer, {
      method: 'POST',
      body,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.fromHousehold.members.map((m: Json) => m.fullName)).not.toContain(
      'Nguyễn Thị Lan',
    );
    const joined = memberNamed(moved.body.toHousehold, 'Nguyễn Thị Lan');
    expect(joined.relation).toBe('other_relative');
    expect(moved.body.toHousehold.version).toBe(b.version + 1);

    const stale = await api(s.edge.baseUrl, `/households/${a.id}/members/${lan.id}/move`, officer, {
      method: 'POST',
      body,
    });
    expect(stale.status).toBe(409);
  });

  it('splits a household and merges another into it, with the links in the JSON', async () => {
    const a = await family();
    const minh = memberNamed(a, 'Nguyễn Văn Minh');
    const split = await api(s.edge.baseUrl, `/households/${a.id}/split`, officer, {
      method: 'POST',
      body: {
        expectedVersion: a.version,
        members: [{ memberId: minh.id, relation: 'head' }],
        streetAddress: 'Số 7 Phố Kim Mã',
        area: 'urban',
        reason: 'Lập gia đình riêng',
      },
    });
    expect(split.status).toBe(201);
    expect(split.body.newHousehold.splitFromHouseholdId).toBe(a.id);
    expect(split.body.newHousehold.code).toMatch(/^00004-\d{4}-\d{6}$/);
    expect(split.body.newHousehold.members.map((m: Json) => [m.fullName, m.relation])).toEqual([
      ['Nguyễn Văn Minh', 'head'],
    ]);

    const b = await single('Phạm Văn Cường');
    const cuong = memberNamed(b, 'Phạm Văn Cường');
    const wrong = await api(s.edge.baseUrl, `/households/${a.id}/merge`, officer, {
      method: 'POST',
      body: {
        expectedVersion: split.body.household.version,
        absorbedHouseholdId: b.id,
        absorbedExpectedVersion: b.version,
        members: [{ memberId: cuong.id, relation: 'head' }],
        reason: 'Nhập hộ',
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('members[0].relation');
    const merged = await api(s.edge.baseUrl, `/households/${a.id}/merge`, officer, {
      method: 'POST',
      body: {
        expectedVersion: split.body.household.version,
        absorbedHouseholdId: b.id,
        absorbedExpectedVersion: b.version,
        members: [{ memberId: cuong.id, relation: 'sibling' }],
        reason: 'Nhập hộ về ở chung',
      },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.absorbedHousehold).toMatchObject({
      status: 'dissolved',
      mergedIntoHouseholdId: a.id,
    });
    expect(memberNamed(merged.body.survivingHousehold, 'Phạm Văn Cường').relation).toBe('sibling');
  });

  it('records a member moving out of the commune, the destination checked by the service', async () => {
    const a = await family();
    const hoa = memberNamed(a, 'Trần Thị Hoa');
    const path = `/households/${a.id}/members/${hoa.id}/move-out`;
    const self = await api(s.edge.baseUrl, path, officer, {
      method: 'POST',
      body: { expectedVersion: a.version, destinationUnitCode: COMMUNE, reason: 'Chuyển đi' },
    });
    expect(self.status).toBe(400);
    expect(self.body.error.field).toBe('destination_unit_code');
    const out = await api(s.edge.baseUrl, path, officer, {
      method: 'POST',
      body: { expectedVersion: a.version, destinationUnitCode: '79', reason: 'Chuyển vào TP HCM' },
    });
    expect(out.status).toBe(200);
    expect(out.body.members.map((m: Json) => m.fullName)).not.toContain('Trần Thị Hoa');
  });
});

describe('moves pages', () => {
  it('lets the commune officer pick a household by code, split and merge through the forms', async () => {
    const a = await family();
    const b = await single('Đỗ Văn Khánh');
    const detail = await page(s, `/households/${a.id}`, officerCookie);
    expect(detail.html).toContain(`href="/households/${a.id}/moves"`);
    expect(detail.html).toContain('data-testid="verify-link"');

    const moves = await page(s, `/households/${a.id}/moves?target=${b.code}`, officerCookie);
    expect(moves.status).toBe(200);
    expect(moves.html).toContain('data-testid="target-chosen"');
    expect(moves.html).toContain('data-testid="merge-form"');

    // A move out to the commune itself: refused next to the field.
    const hoa = memberNamed(a, 'Trần Thị Hoa');
    const refused = await post(s, `/households/${a.id}/moves/out`, officerCookie, {
      _csrf: csrfOf(moves.html),
      expected_version: String(a.version),
      member_id: hoa.id,
      destination_unit_code: COMMUNE,
      new_head_member_id: '',
      reason: 'Chuyển đi',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="destination_unit_code-error"');

    const minh = memberNamed(a, 'Nguyễn Văn Minh');
    const split = await post(s, `/households/${a.id}/moves/split`, officerCookie, {
      _csrf: csrfOf(moves.html),
      expected_version: String(a.version),
      [`split.${minh.id}`]: 'on',
      [`relation.${minh.id}`]: 'head',
      village_code: '',
      street_address: 'Số 9 Phố Kim Mã',
      area: 'urban',
      remaining_head_member_id: '',
      former_head_relation: '',
      reason: 'Tách hộ riêng',
    });
    expect(split.status).toBe(303);
    expect(split.location).toBe(`/households/${a.id}`);
    const after = await api(s.edge.baseUrl, `/households/${a.id}`, officer);
    expect(after.body.version).toBe(a.version + 1);
    const flashPage = await page(s, `/households/${a.id}`, officerCookie);
    expect(flashPage.html).toContain('Đã tách thành hộ mới 00004-');
    const newCode = /Đã tách thành hộ mới (00004-\d{4}-\d{6})/.exec(flashPage.html)![1]!;
    const found = await api(s.edge.baseUrl, `/households/search?householdCode=${newCode}`, officer);
    const newId = found.body.households[0].householdId ?? found.body.households[0].id;
    const newDetail = await page(s, `/households/${newId}`, officerCookie);
    expect(newDetail.html).toContain('data-testid="split-from"');
    expect(newDetail.html).toContain(`href="/households/${a.id}"`);

    const khanh = memberNamed(b, 'Đỗ Văn Khánh');
    const form = await page(s, `/households/${a.id}/moves?target=${b.code}`, officerCookie);
    const merge = await post(s, `/households/${a.id}/moves/merge`, officerCookie, {
      _csrf: csrfOf(form.html),
      expected_version: String(after.body.version),
      absorbed_household_id: b.id,
      absorbed_expected_version: String(b.version),
      target_code: b.code,
      [`relation.${khanh.id}`]: 'other_relative',
      reason: 'Nhập hộ',
    });
    expect(merge.status).toBe(303);
    const absorbed = await page(s, `/households/${b.id}`, officerCookie);
    expect(absorbed.html).toContain('data-testid="merged-into"');
    expect(absorbed.html).not.toContain('data-testid="moves-link"');
  });

  it('offers the moves page to officers only', async () => {
    const a = await single('Vũ Văn Long');
    const byAnalyst = await page(s, `/households/${a.id}/moves`, analystCookie);
    expect(byAnalyst.status).toBe(403);
    const detail = await page(s, `/households/${a.id}`, analystCookie);
    expect(detail.status).toBe(200);
    expect(detail.html).not.toContain('data-testid="moves-link"');
  });
});
