/**
 * Household events reach the cases service through real Kafka (both services with
 * EVENTS_TRANSPORT=kafka): a member marked deceased in the households service flags the
 * member's running case for review, once, and the allowance stays as it was until a decision.
 * A commune officer resolves the flag. Moves out of the commune flag too; moves within do not.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { withTransaction } from '@posa/db';
import { HouseholdsEvents } from '@posa/events';
import { Area, MemberMoved, Sex } from '@posa/proto';
import { getKafkaBrokers } from '@posa/testing';
import { householdEventHandler } from '../src/events/household-events-consumer';
import { startHarness, rejectionOf, type Harness } from './harness';
import { writeCase } from './month-entitlement-fixtures';

const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội
const CITIZEN_ID = '001140000031';
let h: Harness;

beforeAll(async () => {
  const brokers = (await getKafkaBrokers()).join(',');
  const env = { EVENTS_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers };
  h = await startHarness('hh_events', { today: () => '2026-06-20', env, householdsEnv: env });
});

afterAll(async () => {
  await h?.close();
});

/** Polls until `check` holds; the test's own timeout bounds the wait. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still waiting for ${what}`);
}

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

it('flags the case of a member who died, without touching the allowance', async () => {
  const officer = await h.signIn('officer', COMMUNE, ['officer']);
  const approver = await h.signIn('approver', COMMUNE, ['approver']);
  const created = await h.households.call(
    'createHousehold',
    {
      communeCode: COMMUNE,
      villageCode: 'TDP-02',
      streetAddress: '3 Phố Kim Mã',
      area: Area.AREA_URBAN,
      members: [
        {
          fullName: 'Lê Văn Hùng',
          dateOfBirth: { year: 1970, month: 1, day: 9 },
          sex: Sex.SEX_MALE,
          ethnicGroupCode: '01',
          citizenId: '001070000032',
          relation: 'head',
        },
        {
          fullName: 'Phạm Thị Hoa',
          dateOfBirth: { year: 1940, month: 5, day: 3 },
          sex: Sex.SEX_FEMALE,
          ethnicGroupCode: '01',
          citizenId: CITIZEN_ID,
          relation: 'parent',
        },
      ],
      reason: 'đăng ký hộ',
    },
    { metadata: officer },
  );
  const household = created.household!;
  const mother = household.members.find((m) => m.citizenId === CITIZEN_ID)!;
  const { caseId } = await writeCase(h.app.pool, {
    code: 'TC-00004-2026-920001',
    communeCode: COMMUNE,
    provinceCode: '01',
    citizenId: CITIZEN_ID,
    birthYear: 1940,
    birthMonth: 5,
    birthDay: 3,
    periods: [{ from: '2026-01', to: null, categoryCodes: ['nd20-5c'] }],
  });
  await h.app.pool.query('UPDATE social_case SET member_id = $2, household_id = $3 WHERE id = $1', [
    caseId,
    mother.id,
    household.id,
  ]);
  const before = (await h.cases.call('getCase', { caseId }, { metadata: officer })).case!;

  await h.households.call(
    'markMemberDeceased',
    {
      householdId: household.id,
      memberId: mother.id,
      expectedVersion: household.version,
      deceasedOn: { year: 2026, month: 6, day: 2 },
      reason: 'giấy báo tử',
    },
    { metadata: officer },
  );
  await until('the review flag', async () => {
    const res = await h.app.pool.query('SELECT 1 FROM review_flag WHERE case_id = $1', [caseId]);
    return res.rowCount === 1;
  });

  const after = (await h.cases.call('getCase', { caseId }, { metadata: officer })).case!;
  expect(after.flags).toHaveLength(1);
  expect(after.flags[0]).toMatchObject({ reason: 'member_deceased', resolution: '' });
  expect(after.steps.at(-1)?.step).toBe('flagged');
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  expect(after.periods).toEqual(before.periods);
  const listed = await h.cases.call(
    'listCases',
    { unitCode: COMMUNE, status: 0, overdueOnly: false, flaggedOnly: true },
    { metadata: officer },
  );
  expect(listed.cases.map((c) => c.caseId)).toEqual([caseId]);
  const outbox = await h.app.pool.query('SELECT 1 FROM posa_outbox WHERE aggregate_id = $1', [
    caseId,
  ]);
  expect(outbox.rowCount).toBe(0);

  const flagId = after.flags[0]!.flagId;
  const resolve = (metadata: Record<string, string>) =>
    h.variations.call(
      'resolveReviewFlag',
      { caseId, flagId, resolution: 'Đề nghị thôi hưởng từ tháng 7/2026' },
      { metadata },
    );
  expect((await rejectionOf(resolve(approver))).code).toBe(status.PERMISSION_DENIED);
  const resolved = await resolve(officer);
  expect(resolved.case!.flags[0]).toMatchObject({
    resolution: 'Đề nghị thôi hưởng từ tháng 7/2026',
  });
  expect(resolved.case!.steps.at(-1)?.step).toBe('flag_resolved');
  expect((await rejectionOf(resolve(officer))).code).toBe(status.FAILED_PRECONDITION);
});

it('flags once per event, for moves out of the commune only', async () => {
  const memberId = randomUUID();
  const { caseId } = await writeCase(h.app.pool, {
    code: 'TC-00004-2026-920002',
    communeCode: COMMUNE,
    provinceCode: '01',
    citizenId: '001140000033',
    birthYear: 1940,
    birthMonth: null,
    birthDay: null,
    periods: [{ from: '2026-01', to: null, categoryCodes: ['nd20-5c'] }],
  });
  await h.app.pool.query('UPDATE social_case SET member_id = $2 WHERE id = $1', [caseId, memberId]);
  const handler = householdEventHandler(silent);
  const moved = (id: string, kind: string) => ({
    id,
    type: HouseholdsEvents.memberMoved,
    source: '/services/households',
    subject: randomUUID(),
    time: new Date().toISOString(),
    topic: 'posa.households.events.v1',
    partition: 0,
    offset: '0',
    data: MemberMoved.encode({
      memberId,
      fromHouseholdId: randomUUID(),
      toHouseholdId: '',
      destinationUnitCode: '79',
      kind,
      communeCode: COMMUNE,
      provinceCode: '01',
      fromVersion: 2,
    }).finish(),
  });
  const within = moved(randomUUID(), 'within_commune');
  const out = moved(randomUUID(), 'out_of_commune');
  for (const event of [within, out, out]) {
    await withTransaction(h.app.pool, (client) => handler(event, client));
  }
  const flags = await h.app.pool.query<{ reason: string; source_event_id: string }>(
    'SELECT reason, source_event_id FROM review_flag WHERE case_id = $1',
    [caseId],
  );
  expect(flags.rows).toEqual([{ reason: 'member_moved_out', source_event_id: out.id }]);
});
