import { status } from '@grpc/grpc-js';
import { Area, HouseholdCreated, type CreateHouseholdRequest, type Household } from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { child, COMMUNE, head, request } from './registry-fixtures';

let h: Harness;
let officer: Record<string, string>;
let provinceAnalyst: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('registry', { today: () => '2026-11-23' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  provinceAnalyst = await h.signIn('analyst', '01', ['analyst']);
});

afterAll(async () => {
  await h?.close();
});

async function create(over: Partial<CreateHouseholdRequest> = {}): Promise<Household> {
  const res = await h.households.call('createHousehold', request(over), { metadata: officer });
  return res.household!;
}

async function counts(): Promise<number[]> {
  const res = await h.app.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM household UNION ALL SELECT count(*) FROM member
     UNION ALL SELECT count(*) FROM household_change UNION ALL SELECT count(*) FROM posa_outbox`,
  );
  return res.rows.map((r) => Number(r.n));
}

describe('HouseholdService', () => {
  it('creates a household with members and a name-free HouseholdCreated event', async () => {
    const hh = await create();
    expect(hh.code).toMatch(/^00004-\d{4}-\d{6}$/);
    expect(hh.provinceCode).toBe('01');
    expect(hh.version).toBe(1);
    expect(hh.members.map((m) => m.fullName)).toEqual(['Nguyễn Văn Đức', 'Nguyễn Thị Mai']);
    expect(hh.headMemberId).toBe(hh.members[0]!.id);
    const rows = await h.app.pool.query<{ event_type: string; payload: Buffer }>(
      'SELECT event_type, payload FROM posa_outbox WHERE aggregate_id = $1',
      [hh.id],
    );
    expect(rows.rows.map((r) => r.event_type)).toEqual([
      'com.posa.households.household-created.v1',
    ]);
    const payload = rows.rows[0]!.payload;
    const event = HouseholdCreated.decode(payload);
    expect(event).toMatchObject({ householdId: hh.id, communeCode: COMMUNE, memberCount: 2 });
    expect(payload.toString('utf8')).not.toContain('Nguyễn');
    expect(payload.toString('utf8')).not.toContain('001085012345');
    const search = await h.app.pool.query('SELECT name_search FROM member WHERE id = $1', [
      hh.headMemberId,
    ]);
    expect(search.rows[0].name_search).toBe('nguyen van duc');
  });

  it('updates with a reason, keeps the past state and lists the history', async () => {
    const hh = await create();
    const updated = await h.households.call(
      'updateHousehold',
      {
        id: hh.id,
        expectedVersion: 1,
        villageCode: 'TDP-02',
        streetAddress: '5 Phố Kim Mã',
        area: Area.AREA_URBAN,
        reason: 'chuyển chỗ ở',
      },
      { metadata: officer },
    );
    expect(updated.household).toMatchObject({ version: 2, streetAddress: '5 Phố Kim Mã' });
    const past = await h.households.call(
      'getHousehold',
      { id: hh.id, asOf: hh.createdAt },
      { metadata: provinceAnalyst },
    );
    expect(past.household).toMatchObject({ version: 1, streetAddress: '12 Phố Đội Cấn' });
    expect(past.household!.members).toEqual(hh.members);
    const now = await h.households.call('getHousehold', { id: hh.id }, { metadata: officer });
    expect(now.household).toEqual(updated.household);
    const { changes } = await h.households.call(
      'getHouseholdHistory',
      { id: hh.id },
      { metadata: officer },
    );
    expect(changes.map((c) => c.kind)).toEqual([
      'household_created',
      'member_added',
      'member_added',
      'household_updated',
    ]);
    expect(changes[3]!.stamp).toMatchObject({ reason: 'chuyển chỗ ở', actorUnitCode: COMMUNE });
    expect(changes[3]!.stamp!.sourceAddress).not.toBe('');
    expect(JSON.parse(changes[3]!.beforeJson)).toMatchObject({ streetAddress: '12 Phố Đội Cấn' });
  });

  it('adds a member and records a death, each with its event', async () => {
    const hh = await create();
    const added = await h.households.call(
      'addMember',
      {
        householdId: hh.id,
        expectedVersion: 1,
        member: {
          ...child,
          fullName: 'Trần Thị Lan',
          relation: 'spouse',
          dateOfBirth: { year: 1987, month: 0, day: 0 },
        },
        reason: 'kết hôn',
      },
      { metadata: officer },
    );
    expect(added.household!.members).toHaveLength(3);
    const dead = await h.households.call(
      'markMemberDeceased',
      {
        householdId: hh.id,
        memberId: added.memberId,
        expectedVersion: 2,
        deceasedOn: { year: 2026, month: 10, day: 1 },
        reason: 'giấy báo tử',
      },
      { metadata: officer },
    );
    expect(dead.household!.version).toBe(3);
    expect(dead.household!.members[2]!.deceasedOn).toEqual({ year: 2026, month: 10, day: 1 });
    const types = await h.app.pool.query<{ event_type: string }>(
      'SELECT event_type FROM posa_outbox WHERE aggregate_id = $1 ORDER BY seq',
      [hh.id],
    );
    expect(types.rows.map((r) => r.event_type)).toEqual([
      'com.posa.households.household-created.v1',
      'com.posa.households.household-changed.v1',
      'com.posa.households.member-deceased.v1',
    ]);
  });

  it('names the field of a bad citizen ID and refuses a stale version', async () => {
    const bad = await rejectionOf(
      h.households.call(
        'createHousehold',
        request({ members: [{ ...head, citizenId: '001185012345' }] }),
        {
          metadata: officer,
        },
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.message).toContain('members[0].citizen_id');
    const hh = await create();
    const change = {
      id: hh.id,
      expectedVersion: 1,
      streetAddress: 'a',
      area: Area.AREA_RURAL,
      villageCode: '',
      reason: 'r',
    };
    await h.households.call('updateHousehold', change, { metadata: officer });
    const stale = await rejectionOf(
      h.households.call('updateHousehold', change, { metadata: officer }),
    );
    expect(stale.code).toBe(status.FAILED_PRECONDITION);
    const noReason = await rejectionOf(
      h.households.call(
        'updateHousehold',
        { ...change, expectedVersion: 2, reason: ' ' },
        { metadata: officer },
      ),
    );
    expect(noReason.code).toBe(status.INVALID_ARGUMENT);
    expect(noReason.message).toContain('reason');
  });

  it('leaves nothing half written when a write fails in the database', async () => {
    await h.app.pool.query(
      "ALTER TABLE member ADD CONSTRAINT test_refuses_name CHECK (full_name <> 'Lê Văn Lỗi')",
    );
    try {
      const before = await counts();
      const failed = await rejectionOf(
        create({ members: [head, { ...child, fullName: 'Lê Văn Lỗi' }] }),
      );
      expect(failed.code).not.toBe(status.OK);
      expect(await counts()).toEqual(before);
    } finally {
      await h.app.pool.query('ALTER TABLE member DROP CONSTRAINT test_refuses_name');
    }
  });
});
