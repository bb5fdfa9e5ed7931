/**
 * Households through the edge's REST API, against the households service in process (real
 * PostgreSQL) and real Keycloak tokens: create, list, read now and as of an instant, history,
 * members, death, search, standards, and the refusals mapped to the JSON error shape.
 */
import {
  api,
  startHouseholdsEdge,
  twoMembers,
  type HouseholdsEdge,
  type Json,
} from './households-harness';

const OWN_COMMUNE = '00004'; // Phường Ba Đình
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà

let s: HouseholdsEdge;
let officer: string;
let analyst: string;
let stranger: string;
let base: string;

beforeAll(async () => {
  s = await startHouseholdsEdge('api');
  base = s.edge.baseUrl;
  officer = await s.edge.bearer(await s.edge.createStaff('officer', OWN_COMMUNE, ['officer']));
  analyst = await s.edge.bearer(await s.edge.createStaff('analyst', '01', ['analyst']));
  stranger = await s.edge.bearer(await s.edge.createStaff('other', OTHER_COMMUNE, ['officer']));
});

afterAll(async () => {
  await s?.close();
});

const newHousehold = (members: Json[] = twoMembers()) => ({
  communeCode: OWN_COMMUNE,
  streetAddress: 'Số 1 Phố Đội Cấn',
  area: 'urban',
  members,
  reason: 'Khai báo mới',
});

describe('households API', () => {
  let household: Json;
  let secondId: string;

  it('lets a commune officer create a household with two members (201)', async () => {
    const created = await api(base, '/households', officer, {
      method: 'POST',
      body: newHousehold(),
    });
    expect(created.status).toBe(201);
    household = created.body;
    expect(household.code).toMatch(/^00004-\d{4}-\d{6}$/);
    expect(household).toMatchObject({ communeCode: OWN_COMMUNE, area: 'urban', status: 'active' });
    expect(household.members.map((m: Json) => [m.fullName, m.dateOfBirth, m.relation])).toEqual([
      ['Nguyễn Văn Đức', '1980-05-12', 'head'],
      ['Trần Thị Hoa', '1982', 'spouse'],
    ]);
    expect(household.headMemberId).toBe(household.members[0].id);
  });

  it('lists it for the officer and for the province analyst, with status filter and paging', async () => {
    const second = await api(base, '/households', officer, {
      method: 'POST',
      body: newHousehold(),
    });
    expect(second.status).toBe(201);
    secondId = second.body.id;
    const firstPage = await api(base, '/households?pageSize=1', officer);
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.households.map((h: Json) => h.code)).toEqual([household.code]);
    const token = encodeURIComponent(firstPage.body.nextPageToken);
    const secondPage = await api(base, `/households?pageSize=1&pageToken=${token}`, officer);
    expect(secondPage.body.households.map((h: Json) => h.code)).toEqual([second.body.code]);
    const byAnalyst = await api(base, `/households?unitCode=${OWN_COMMUNE}&status=active`, analyst);
    expect(byAnalyst.body.households.map((h: Json) => h.code)).toEqual([
      household.code,
      second.body.code,
    ]);
    expect((await api(base, '/households?status=dissolved', analyst)).body.households).toEqual([]);
    const bad = await api(base, '/households?status=gone', analyst);
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_ARGUMENT', field: 'status' } },
    });
  });

  it('adds, changes and records the death of a member; history and past state follow', async () => {
    const added = await api(base, `/households/${household.id}/members`, officer, {
      method: 'POST',
      body: {
        expectedVersion: household.version,
        member: {
          fullName: 'Nguyễn Minh Anh',
          dateOfBirth: '2015-09',
          sex: 'female',
          ethnicGroupCode: '01',
          relation: 'child',
        },
        reason: 'Sinh con',
      },
    });
    expect(added.status).toBe(201);
    expect(added.body.household.members).toHaveLength(3);
    const changed = await api(
      base,
      `/households/${household.id}/members/${added.body.memberId}`,
      officer,
      {
        method: 'POST',
        body: {
          expectedVersion: added.body.household.version,
          member: {
            fullName: 'Nguyễn Minh Ánh',
            dateOfBirth: '2015-09-02',
            sex: 'female',
            ethnicGroupCode: '01',
            relation: 'child',
          },
          reason: 'Sửa tên theo giấy khai sinh',
        },
      },
    );
    expect(changed.status).toBe(200);
    const head = household.members[0].id;
    const died = await api(base, `/households/${household.id}/members/${head}/deceased`, officer, {
      method: 'POST',
      body: {
        expectedVersion: changed.body.version,
        deceasedOn: '2026-01-15',
        reason: 'Giấy báo tử',
      },
    });
    expect(died.status).toBe(200);
    expect(died.body.members.find((m: Json) => m.id === head).deceasedOn).toBe('2026-01-15');

    const history = await api(base, `/households/${household.id}/history`, analyst);
    expect(history.status).toBe(200);
    const kinds = history.body.changes.map((c: Json) => c.kind);
    expect(kinds[0]).toBe('household_created');
    expect(kinds).toEqual(
      expect.arrayContaining(['member_added', 'member_updated', 'member_deceased']),
    );
    const created = history.body.changes.filter((c: Json) => c.reason === 'Khai báo mới');
    expect(created[0]).toMatchObject({ actorUnitCode: OWN_COMMUNE, reason: 'Khai báo mới' });
    expect(created[0].actorId).toMatch(/^[0-9a-f-]{36}$/);

    // As of the last change of the creation: two members, nobody deceased.
    const asOf = encodeURIComponent(created[created.length - 1].at);
    const past = await api(base, `/households/${household.id}?asOf=${asOf}`, analyst);
    expect(past.status).toBe(200);
    expect(past.body.members.map((m: Json) => m.fullName)).toEqual([
      'Nguyễn Văn Đức',
      'Trần Thị Hoa',
    ]);
    expect(past.body.members.every((m: Json) => m.deceasedOn === null)).toBe(true);
    const now = await api(base, `/households/${household.id}`, analyst);
    expect(now.body.members.map((m: Json) => m.fullName)).toContain('Nguyễn Minh Ánh');
    const before = await api(base, `/households/${household.id}?asOf=2020-01-01`, analyst);
    expect(before).toMatchObject({ status: 400, body: { error: { field: 'as_of' } } });
  });

  it('finds members by a name typed without diacritics and households by code', async () => {
    // The first household's head has died: left out unless includeDeceased.
    const alive = await api(base, '/household-members/search?name=nguyen%20van%20du', officer);
    expect(alive.status).toBe(200);
    expect(alive.body.members.map((m: Json) => m.householdId)).toEqual([secondId]);
    const all = await api(
      base,
      '/household-members/search?name=nguyen%20van%20du&includeDeceased=true',
      officer,
    );
    expect(all.body.members.map((m: Json) => m.householdId).sort()).toEqual(
      [household.id, secondId].sort(),
    );
    const byCode = await api(base, `/households/search?householdCode=${household.code}`, analyst);
    expect(byCode.body.households.map((h: Json) => h.householdId)).toEqual([household.id]);
    const hoa = await api(base, '/household-members/search?citizenId=001182012345', officer);
    expect(hoa.body.members[0].maskedCitizenId).toBe('********2345');
    const none = await api(base, '/household-members/search', officer);
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('INVALID_ARGUMENT');
  });

  it('maps refusals to the JSON error shape with the field', async () => {
    const badId = await api(base, '/households', officer, {
      method: 'POST',
      body: newHousehold(twoMembers('12345')),
    });
    expect(badId).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_ARGUMENT', field: 'members[1].citizen_id' } },
    });
    const badSex = twoMembers();
    badSex[0].sex = 'x';
    const edgeRefusal = await api(base, '/households', officer, {
      method: 'POST',
      body: newHousehold(badSex),
    });
    expect(edgeRefusal).toMatchObject({
      status: 400,
      body: { error: { field: 'members[0].sex' } },
    });
    const byAnalyst = await api(base, '/households', analyst, {
      method: 'POST',
      body: newHousehold(),
    });
    expect(byAnalyst).toMatchObject({
      status: 403,
      body: { error: { code: 'PERMISSION_DENIED' } },
    });
    const outside = await api(base, `/households/${household.id}`, stranger);
    expect(outside).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const stale = await api(base, `/households/${household.id}`, officer, {
      method: 'POST',
      body: { expectedVersion: 1, streetAddress: 'Số 2', area: 'urban', reason: 'Chuyển số nhà' },
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'FAILED_PRECONDITION' } } });
    const notUuid = await api(base, '/households/abc', officer);
    expect(notUuid).toMatchObject({ status: 400, body: { error: { field: 'id' } } });
    const noToken = await fetch(`${base}/api/v1/households`);
    expect(noToken.status).toBe(401);
  });

  it('serves the poverty standards with their certainty tags and documents the routes', async () => {
    const standards = await api(base, '/poverty-standards', analyst);
    expect(standards.status).toBe(200);
    const s2022 = standards.body.standards.find((x: Json) => x.code === '2022-2025');
    expect(s2022.rules.find((r: Json) => r.area === 'rural')).toMatchObject({
      povertyLine: '1500000',
      averageLivingLine: '2250000',
      averageLivingConfidence: 'unverified',
    });
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/households',
        '/households/{id}',
        '/households/{id}/history',
        '/households/{id}/members',
        '/households/search',
        '/poverty-standards',
      ]),
    );
  });
});
