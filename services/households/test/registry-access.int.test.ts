import { status } from '@grpc/grpc-js';
import { Area, type CreateHouseholdRequest, type Household } from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { COMMUNE, OTHER_COMMUNE, request } from './registry-fixtures';

let h: Harness;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;
let provinceAnalyst: Record<string, string>;
let foreignAnalyst: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('access', { today: () => '2026-11-23' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  provinceAnalyst = await h.signIn('analyst', '01', ['analyst']);
  foreignAnalyst = await h.signIn('foreign', '79', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

async function create(over: Partial<CreateHouseholdRequest> = {}): Promise<Household> {
  const res = await h.households.call('createHousehold', request(over), { metadata: officer });
  return res.household!;
}

describe('HouseholdService jurisdiction and paging', () => {
  it('hides households from other units and lets only the commune officer write', async () => {
    const hh = await create();
    const read = await rejectionOf(
      h.households.call('getHousehold', { id: hh.id }, { metadata: otherOfficer }),
    );
    expect(read.code).toBe(status.NOT_FOUND);
    const far = await rejectionOf(
      h.households.call('getHousehold', { id: hh.id }, { metadata: foreignAnalyst }),
    );
    expect(far.code).toBe(status.NOT_FOUND);
    const change = {
      id: hh.id,
      expectedVersion: 1,
      streetAddress: 'x',
      area: Area.AREA_URBAN,
      villageCode: '',
      reason: 'r',
    };
    const write = await rejectionOf(
      h.households.call('updateHousehold', change, { metadata: otherOfficer }),
    );
    expect(write.code).toBe(status.PERMISSION_DENIED);
    const other = await rejectionOf(
      h.households.call('createHousehold', request(), { metadata: otherOfficer }),
    );
    expect(other.code).toBe(status.PERMISSION_DENIED);
    const analystWrite = await rejectionOf(
      h.households.call('updateHousehold', change, { metadata: provinceAnalyst }),
    );
    expect(analystWrite.code).toBe(status.PERMISSION_DENIED);
    const seen = await h.households.call(
      'getHousehold',
      { id: hh.id },
      { metadata: provinceAnalyst },
    );
    expect(seen.household!.code).toBe(hh.code);
    const listed = await h.households.call(
      'listHouseholds',
      { unitCode: '01', villageCode: '', status: 0 },
      { metadata: provinceAnalyst },
    );
    expect(listed.households.map((x) => x.id)).toContain(hh.id);
    const denied = await rejectionOf(
      h.households.call(
        'listHouseholds',
        { unitCode: COMMUNE, villageCode: '', status: 0 },
        { metadata: foreignAnalyst },
      ),
    );
    expect(denied.code).toBe(status.PERMISSION_DENIED);
  });

  it('pages through a commune by code', async () => {
    for (let i = 0; i < 3; i += 1) await create();
    const page1 = await h.households.call(
      'listHouseholds',
      { unitCode: COMMUNE, villageCode: '', status: 0, page: { pageSize: 2, pageToken: '' } },
      { metadata: officer },
    );
    expect(page1.households).toHaveLength(2);
    const page2 = await h.households.call(
      'listHouseholds',
      {
        unitCode: COMMUNE,
        villageCode: '',
        status: 0,
        page: { pageSize: 100, pageToken: page1.page!.nextPageToken },
      },
      { metadata: officer },
    );
    const codes = [...page1.households, ...page2.households].map((x) => x.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(page2.page!.nextPageToken).toBe('');
  });
});
