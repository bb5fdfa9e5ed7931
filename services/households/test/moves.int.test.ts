import { status } from '@grpc/grpc-js';
import { MemberMoved, type CreateHouseholdRequest, type Household } from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { child, COMMUNE, head, OTHER_COMMUNE, request } from './registry-fixtures';

/** MoveMember and MoveMemberOut (biến động nhân khẩu, chuyển đi) through the gRPC API. */
let h: Harness;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('moves', { today: () => '2026-11-23' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  analyst = await h.signIn('analyst', '01', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

async function create(
  over: Partial<CreateHouseholdRequest> = {},
  as = officer,
): Promise<Household> {
  const res = await h.households.call('createHousehold', request(over), { metadata: as });
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

const move = (a: Household, b: Household, memberId: string, over = {}) => ({
  fromHouseholdId: a.id,
  fromExpectedVersion: a.version,
  memberId,
  toHouseholdId: b.id,
  toExpectedVersion: b.version,
  relation: 'grandchild',
  newHeadMemberId: '',
  reason: 'chuyển về ở với ông bà',
  ...over,
});

describe('MoveMember', () => {
  it('moves a member, records both sides and keeps each past state', async () => {
    const a = await create();
    const b = await create({ members: [{ ...head, fullName: 'Phạm Văn Bình', citizenId: '' }] });
    const mover = a.members[1]!.id;
    const res = await h.households.call('moveMember', move(a, b, mover), { metadata: officer });
    expect(res.fromHousehold).toMatchObject({ version: 2, headMemberId: a.headMemberId });
    expect(res.fromHousehold!.members.map((m) => m.id)).toEqual([a.headMemberId]);
    expect(res.toHousehold!.version).toBe(2);
    expect(res.toHousehold!.members.find((m) => m.id === mover)).toMatchObject({
      relation: 'grandchild',
      fullName: 'Nguyễn Thị Mai',
    });

    expect(await kinds(a.id)).toEqual([
      'household_created',
      'member_added',
      'member_added',
      'member_moved_out',
      'household_updated',
    ]);
    expect(await kinds(b.id)).toEqual([
      'household_created',
      'member_added',
      'member_moved_in',
      'household_updated',
    ]);
    // Past states: each household as it was before the move, and as it is now.
    expect((await get(a.id, new Date(a.updatedAt!))).members).toEqual(a.members);
    expect((await get(b.id, new Date(b.updatedAt!))).members).toEqual(b.members);
    const aNow = await get(a.id, res.fromHousehold!.updatedAt);
    expect(aNow.members.map((m) => m.id)).toEqual([a.headMemberId]);
    const bNow = await get(b.id, res.toHousehold!.updatedAt);
    expect(bNow.members.map((m) => m.id)).toEqual([b.headMemberId, mover]);

    const fromEvents = await events(a.id);
    expect(fromEvents.map((e) => e.type)).toEqual([
      'com.posa.households.household-created.v1',
      'com.posa.households.member-moved.v1',
    ]);
    const moved = MemberMoved.decode(fromEvents[1]!.payload);
    expect(moved).toMatchObject({
      memberId: mover,
      fromHouseholdId: a.id,
      toHouseholdId: b.id,
      kind: 'within_commune',
      fromVersion: 2,
      communeCode: COMMUNE,
    });
    expect(fromEvents[1]!.payload.toString('utf8')).not.toContain('Nguyễn');
    expect((await events(b.id)).map((e) => e.type)).toEqual([
      'com.posa.households.household-created.v1',
      'com.posa.households.household-changed.v1',
    ]);
  });

  it('refuses a stale version of either household and changes nothing', async () => {
    const a = await create();
    const b = await create();
    const stale = await rejectionOf(
      h.households.call('moveMember', move(a, b, a.members[1]!.id, { toExpectedVersion: 7 }), {
        metadata: officer,
      }),
    );
    expect(stale.code).toBe(status.FAILED_PRECONDITION);
    expect(stale.message).toContain('to_expected_version');
    expect((await get(a.id)).version).toBe(1);
    expect((await get(b.id)).members).toHaveLength(2);
  });

  it('is for officers of the households’ commune only', async () => {
    const a = await create();
    const b = await create();
    const foreign = await rejectionOf(
      h.households.call('moveMember', move(a, b, a.members[1]!.id), { metadata: otherOfficer }),
    );
    expect(foreign.code).toBe(status.PERMISSION_DENIED);
    const elsewhere = await create({ communeCode: OTHER_COMMUNE }, otherOfficer);
    const across = await rejectionOf(
      h.households.call('moveMember', move(a, elsewhere, a.members[1]!.id), { metadata: officer }),
    );
    expect(across.code).toBe(status.PERMISSION_DENIED);
    const reader = await rejectionOf(
      h.households.call('moveMember', move(a, b, a.members[1]!.id), { metadata: analyst }),
    );
    expect(reader.code).toBe(status.PERMISSION_DENIED);
  });

  it('moves a head only with a new head named, and dissolves an emptied household', async () => {
    const a = await create();
    const b = await create({ members: [{ ...head, citizenId: '' }] });
    const headId = a.headMemberId;
    const childId = a.members[1]!.id;
    const noHead = await rejectionOf(
      h.households.call('moveMember', move(a, b, headId, { relation: 'parent' }), {
        metadata: officer,
      }),
    );
    expect(noHead.code).toBe(status.INVALID_ARGUMENT);
    expect(noHead.message).toContain('new_head_member_id');
    const asHead = await rejectionOf(
      h.households.call('moveMember', move(a, b, childId, { relation: 'head' }), {
        metadata: officer,
      }),
    );
    expect(asHead.message).toContain('relation');
    const needless = await rejectionOf(
      h.households.call('moveMember', move(a, b, childId, { newHeadMemberId: childId }), {
        metadata: officer,
      }),
    );
    expect(needless.message).toContain('new_head_member_id');

    const twin = await create();
    const clash = await rejectionOf(
      h.households.call(
        'moveMember',
        move(a, twin, headId, { relation: 'parent', newHeadMemberId: childId }),
        { metadata: officer },
      ),
    );
    expect(clash.code).toBe(status.INVALID_ARGUMENT);
    expect(clash.message).toContain('citizen ID already held');
    const res = await h.households.call(
      'moveMember',
      move(a, b, headId, { relation: 'parent', newHeadMemberId: childId }),
      { metadata: officer },
    );
    expect(res.fromHousehold).toMatchObject({ headMemberId: childId, status: 1 });
    expect(res.fromHousehold!.members).toEqual([
      expect.objectContaining({ id: childId, relation: 'head' }),
    ]);
    const last = await h.households.call(
      'moveMember',
      move(res.fromHousehold!, res.toHousehold!, childId),
      { metadata: officer },
    );
    expect(last.fromHousehold).toMatchObject({ status: 2, headMemberId: '', members: [] });
    expect(last.toHousehold!.members).toHaveLength(3);
  });

  it('leaves nothing half written when the change log refuses a row', async () => {
    const a = await create();
    const b = await create();
    await h.app.pool.query(
      "ALTER TABLE household_change ADD CONSTRAINT test_refuses_in CHECK (kind <> 'member_moved_in') NOT VALID",
    );
    try {
      const failed = await rejectionOf(
        h.households.call('moveMember', move(a, b, a.members[1]!.id), { metadata: officer }),
      );
      expect(failed.code).toBe(status.INTERNAL);
    } finally {
      await h.app.pool.query('ALTER TABLE household_change DROP CONSTRAINT test_refuses_in');
    }
    expect(await get(a.id)).toEqual(await get(a.id, new Date()));
    expect((await get(a.id)).version).toBe(1);
    expect(await kinds(a.id)).not.toContain('member_moved_out');
    expect(await events(a.id)).toHaveLength(1);
  });
});

describe('MoveMemberOut', () => {
  it('marks the member moved out, keeps them in history and sends MemberMoved', async () => {
    const a = await create({ members: [head, child, { ...child, fullName: 'Nguyễn Văn An' }] });
    const leaver = a.members[2]!.id;
    const bad = await rejectionOf(
      h.households.call(
        'moveMemberOut',
        {
          householdId: a.id,
          expectedVersion: 1,
          memberId: leaver,
          destinationUnitCode: '99999',
          newHeadMemberId: '',
          reason: 'đi làm xa',
        },
        { metadata: officer },
      ),
    );
    expect(bad.message).toContain('destination_unit_code');
    const res = await h.households.call(
      'moveMemberOut',
      {
        householdId: a.id,
        expectedVersion: 1,
        memberId: leaver,
        destinationUnitCode: '79',
        newHeadMemberId: '',
        reason: 'chuyển vào Thành phố Hồ Chí Minh',
      },
      { metadata: officer },
    );
    expect(res.household!.members.map((m) => m.id)).not.toContain(leaver);
    const row = await h.app.pool.query(
      `SELECT household_id, status, moved_out_from, moved_out_to_unit_code FROM member
       WHERE id = $1`,
      [leaver],
    );
    expect(row.rows[0]).toEqual({
      household_id: null,
      status: 'moved_out',
      moved_out_from: a.id,
      moved_out_to_unit_code: '79',
    });
    expect((await get(a.id, new Date(a.updatedAt!))).members.map((m) => m.id)).toContain(leaver);
    const history = await h.households.call(
      'getHouseholdHistory',
      { id: a.id },
      { metadata: analyst },
    );
    const out = history.changes.find((c) => c.kind === 'member_moved_out')!;
    expect(out.memberId).toBe(leaver);
    expect(JSON.parse(out.beforeJson)).toMatchObject({ fullName: 'Nguyễn Văn An' });
    const ev = (await events(a.id)).find((e) => e.type.endsWith('member-moved.v1'))!;
    expect(MemberMoved.decode(ev.payload)).toMatchObject({
      memberId: leaver,
      toHouseholdId: '',
      destinationUnitCode: '79',
      kind: 'out_of_commune',
    });
    const again = await rejectionOf(
      h.households.call(
        'moveMemberOut',
        {
          householdId: a.id,
          expectedVersion: 2,
          memberId: leaver,
          destinationUnitCode: '',
          newHeadMemberId: '',
          reason: 'lặp lại',
        },
        { metadata: officer },
      ),
    );
    expect(again.message).toContain('member_id');
  });
});
