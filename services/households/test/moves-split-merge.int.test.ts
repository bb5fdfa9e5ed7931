import { status } from '@grpc/grpc-js';
import {
  Area,
  HouseholdChanged,
  HouseholdCreated,
  HouseholdsMerged,
  type CreateHouseholdRequest,
  type Household,
  type SplitHouseholdRequest,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { child, COMMUNE, head, OTHER_COMMUNE, request } from './registry-fixtures';

/** SplitHousehold (tách hộ) and MergeHouseholds (nhập hộ) through the gRPC API. */
let h: Harness;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('splitmerge', { today: () => '2026-11-23' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  analyst = await h.signIn('analyst', '01', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

const spouse = { ...child, fullName: 'Trần Thị Hoa', relation: 'spouse' };
const son = { ...child, fullName: 'Nguyễn Văn Nam', relation: 'child', sex: 1 };
const family = [
  head,
  spouse,
  son,
  { ...child, fullName: 'Trần Thị Thu', relation: 'child_in_law' },
];

async function create(over: Partial<CreateHouseholdRequest> = {}): Promise<Household> {
  const res = await h.households.call('createHousehold', request(over), { metadata: officer });
  return res.household!;
}

async function get(id: string, asOf?: Date): Promise<Household> {
  const res = await h.households.call('getHousehold', { id, asOf }, { metadata: analyst });
  return res.household!;
}

async function kinds(id: string): Promise<string[]> {
  const res = await h.households.call('getHouseholdHistory', { id }, { metadata: analyst });
  return res.changes.map((c) => c.kind);
}

async function events(id: string): Promise<Array<{ type: string; payload: Buffer }>> {
  const res = await h.app.pool.query<{ event_type: string; payload: Buffer }>(
    'SELECT event_type, payload FROM posa_outbox WHERE aggregate_id = $1 ORDER BY seq',
    [id],
  );
  return res.rows.map((r) => ({ type: r.event_type, payload: r.payload }));
}

function split(a: Household, over: Partial<SplitHouseholdRequest> = {}): SplitHouseholdRequest {
  return {
    householdId: a.id,
    expectedVersion: a.version,
    members: [
      { memberId: a.members[2]!.id, relation: 'head' },
      { memberId: a.members[3]!.id, relation: 'spouse' },
    ],
    villageCode: 'TDP-03',
    streetAddress: '7 Ngõ Giảng Võ',
    area: Area.AREA_URBAN,
    remainingHeadMemberId: '',
    formerHeadRelation: '',
    reason: 'con trai lập gia đình riêng',
    ...over,
  };
}

describe('SplitHousehold', () => {
  it('forms a new household with a new code, split_from and both histories', async () => {
    const a = await create({ members: family });
    const res = await h.households.call('splitHousehold', split(a), { metadata: officer });
    const kept = res.household!;
    const created = res.newHousehold!;
    expect(kept.version).toBe(2);
    expect(kept.members.map((m) => m.id)).toEqual([a.members[0]!.id, a.members[1]!.id]);
    expect(created.code).toMatch(/^00004-\d{4}-\d{6}$/);
    expect(created.code).not.toBe(a.code);
    expect(created).toMatchObject({
      communeCode: COMMUNE,
      streetAddress: '7 Ngõ Giảng Võ',
      villageCode: 'TDP-03',
      headMemberId: a.members[2]!.id,
      version: 1,
      status: 1,
    });
    expect(created.members.map((m) => [m.fullName, m.relation])).toEqual([
      ['Nguyễn Văn Nam', 'head'],
      ['Trần Thị Thu', 'spouse'],
    ]);
    const row = await h.app.pool.query('SELECT split_from FROM household WHERE id = $1', [
      created.id,
    ]);
    expect(row.rows[0].split_from).toBe(a.id);
    expect(await kinds(created.id)).toEqual([
      'household_created',
      'member_moved_in',
      'member_moved_in',
    ]);
    expect(await kinds(a.id)).toEqual([
      'household_created',
      ...family.map(() => 'member_added'),
      'member_moved_out',
      'member_moved_out',
      'household_updated',
    ]);
    expect((await get(a.id, new Date(a.updatedAt!))).members).toEqual(a.members);
    expect((await get(created.id, created.createdAt)).members).toEqual(created.members);
    const before = await rejectionOf(get(created.id, new Date(a.updatedAt!)));
    expect(before.message).toContain('as_of');

    const [createdEvent] = await events(created.id);
    expect(HouseholdCreated.decode(createdEvent!.payload)).toMatchObject({
      householdId: created.id,
      splitFromHouseholdId: a.id,
      memberCount: 2,
    });
    const changed = (await events(a.id)).at(-1)!;
    expect(HouseholdChanged.decode(changed.payload)).toMatchObject({
      householdId: a.id,
      changeKind: 'household_split',
      version: 2,
    });
  });

  it('needs a head for each household and renames the remaining head only when asked', async () => {
    const a = await create({ members: family });
    const noHead = await rejectionOf(
      h.households.call(
        'splitHousehold',
        split(a, { members: [{ memberId: a.members[2]!.id, relation: 'child' }] }),
        { metadata: officer },
      ),
    );
    expect(noHead.message).toContain('members');
    const headLeaves = split(a, {
      members: [
        { memberId: a.members[0]!.id, relation: 'head' },
        { memberId: a.members[1]!.id, relation: 'spouse' },
      ],
    });
    const missing = await rejectionOf(
      h.households.call('splitHousehold', headLeaves, { metadata: officer }),
    );
    expect(missing.code).toBe(status.INVALID_ARGUMENT);
    expect(missing.message).toContain('remaining_head_member_id');
    const everyone = await rejectionOf(
      h.households.call(
        'splitHousehold',
        split(a, {
          members: a.members.map((m, i) => ({
            memberId: m.id,
            relation: i === 0 ? 'head' : 'other',
          })),
        }),
        { metadata: officer },
      ),
    );
    expect(everyone.message).toContain('members');
    const noRelation = await rejectionOf(
      h.households.call('splitHousehold', split(a, { remainingHeadMemberId: a.members[1]!.id }), {
        metadata: officer,
      }),
    );
    expect(noRelation.message).toContain('former_head_relation');
    const renamed = await h.households.call(
      'splitHousehold',
      split(a, { remainingHeadMemberId: a.members[1]!.id, formerHeadRelation: 'spouse' }),
      { metadata: officer },
    );
    expect(renamed.household!.headMemberId).toBe(a.members[1]!.id);
    expect(renamed.household!.members.map((m) => m.relation)).toEqual(['spouse', 'head']);
  });
});

describe('MergeHouseholds', () => {
  it('moves every living member, dissolves the absorbed household and keeps both histories', async () => {
    const a = await create();
    const b = await create({ members: [{ ...head, fullName: 'Lê Văn Hùng', citizenId: '' }, son] });
    const merge = {
      survivingHouseholdId: a.id,
      survivingExpectedVersion: 1,
      absorbedHouseholdId: b.id,
      absorbedExpectedVersion: 1,
      members: [{ memberId: b.members[0]!.id, relation: 'sibling' }],
      reason: 'hai hộ về ở chung',
    };
    const partial = await rejectionOf(
      h.households.call('mergeHouseholds', merge, { metadata: officer }),
    );
    expect(partial.message).toContain('members');
    const foreign = await rejectionOf(
      h.households.call('mergeHouseholds', merge, { metadata: otherOfficer }),
    );
    expect(foreign.code).toBe(status.PERMISSION_DENIED);
    const full = {
      ...merge,
      members: [...merge.members, { memberId: b.members[1]!.id, relation: 'grandchild' }],
    };
    const res = await h.households.call('mergeHouseholds', full, { metadata: officer });
    expect(res.survivingHousehold!.members).toHaveLength(4);
    expect(res.absorbedHousehold).toMatchObject({ status: 2, members: [], headMemberId: '' });
    const row = await h.app.pool.query('SELECT status, merged_into FROM household WHERE id = $1', [
      b.id,
    ]);
    expect(row.rows[0]).toEqual({ status: 'dissolved', merged_into: a.id });
    expect((await get(b.id, new Date(b.updatedAt!))).members).toEqual(b.members);
    expect((await get(a.id, new Date(a.updatedAt!))).members).toEqual(a.members);
    expect(await kinds(b.id)).toEqual([
      'household_created',
      'member_added',
      'member_added',
      'member_moved_out',
      'member_moved_out',
      'household_updated',
    ]);
    const history = await h.households.call(
      'getHouseholdHistory',
      { id: b.id },
      { metadata: analyst },
    );
    expect(JSON.parse(history.changes.at(-1)!.afterJson)).toMatchObject({
      status: 'dissolved',
      mergedInto: a.id,
    });
    const merged = (await events(a.id)).at(-1)!;
    expect(merged.type).toBe('com.posa.households.households-merged.v1');
    expect(HouseholdsMerged.decode(merged.payload)).toMatchObject({
      survivingHouseholdId: a.id,
      absorbedHouseholdId: b.id,
      survivingVersion: 2,
      absorbedVersion: 2,
    });
    expect((await events(b.id)).at(-1)!.type).toBe('com.posa.households.household-changed.v1');

    const intoDissolved = await rejectionOf(
      h.households.call(
        'moveMember',
        {
          fromHouseholdId: a.id,
          fromExpectedVersion: 2,
          memberId: a.members[1]!.id,
          toHouseholdId: b.id,
          toExpectedVersion: 2,
          relation: 'child',
          newHeadMemberId: '',
          reason: 'thử',
        },
        { metadata: officer },
      ),
    );
    expect(intoDissolved.code).toBe(status.FAILED_PRECONDITION);
  });

  it('refuses a stale version and merging a household into itself', async () => {
    const a = await create();
    const b = await create();
    const base = {
      survivingHouseholdId: a.id,
      survivingExpectedVersion: 1,
      absorbedHouseholdId: b.id,
      absorbedExpectedVersion: 2,
      members: b.members.map((m) => ({ memberId: m.id, relation: 'other' })),
      reason: 'nhập hộ',
    };
    const stale = await rejectionOf(
      h.households.call('mergeHouseholds', base, { metadata: officer }),
    );
    expect(stale.code).toBe(status.FAILED_PRECONDITION);
    const self = await rejectionOf(
      h.households.call(
        'mergeHouseholds',
        { ...base, absorbedHouseholdId: a.id, absorbedExpectedVersion: 1 },
        { metadata: officer },
      ),
    );
    expect(self.message).toContain('absorbed_household_id');
    expect((await get(b.id)).version).toBe(1);
  });
});
