import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  DuplicateRule,
  IdentityQualityServiceClient,
  MembersMerged,
  MergeStatus,
  Sex,
  type CreateHouseholdRequest,
  type DuplicatePair,
  type Household,
  type IdentityQualityServiceService,
  type MemberInput,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import { COMMUNE, head, request } from './registry-fixtures';

/**
 * Identity quality through gRPC against real PostgreSQL and Keycloak: candidates (by citizen ID
 * across provinces without leaking the other record, by name + birth date in a commune), the
 * two-person merge workflow, rejection, dismissal and history after a merge.
 */
const HCM_COMMUNE = '25747'; // Phường Thủ Dầu Một, Thành phố Hồ Chí Minh (79)

let h: Harness;
let quality: GrpcClient<IdentityQualityServiceService>;
let officer: Record<string, string>;
let officerApprover: Record<string, string>;
let approver: Record<string, string>;
let provinceApprover: Record<string, string>;
let hcmOfficer: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('quality', { today: () => '2026-11-23' });
  quality = createGrpcClient(IdentityQualityServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  officerApprover = await h.signIn('both', COMMUNE, ['officer', 'approver']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  provinceApprover = await h.signIn('province', '01', ['approver']);
  hcmOfficer = await h.signIn('hcm', HCM_COMMUNE, ['officer']);
});

afterAll(async () => {
  quality?.close();
  await h?.close();
});

const person = (over: Partial<MemberInput>): MemberInput => ({ ...head, ...over });

async function create(
  metadata: Record<string, string>,
  over: Partial<CreateHouseholdRequest>,
): Promise<Household> {
  const res = await h.households.call('createHousehold', request(over), { metadata });
  return res.household!;
}

async function pairsOf(unitCode: string, metadata: Record<string, string>) {
  const res = await quality.call(
    'listDuplicateCandidates',
    { unitCode, page: { pageSize: 200, pageToken: '' } },
    { metadata },
  );
  return res.pairs;
}

/** The pair holding `memberId` (and `otherId` when given: other tests add look-alikes). */
function pairWith(
  pairs: DuplicatePair[],
  memberId: string,
  otherId?: string,
): DuplicatePair | undefined {
  const holds = (p: DuplicatePair, id: string) =>
    p.first?.memberId === id || p.second?.memberId === id;
  return pairs.find((p) => holds(p, memberId) && (otherId === undefined || holds(p, otherId)));
}

describe('duplicate candidates', () => {
  it('finds the same citizen ID in another province without revealing that record', async () => {
    const id = '001085000111';
    const hanoi = await create(officer, { members: [person({ citizenId: id })] });
    const hcm = await create(hcmOfficer, {
      communeCode: HCM_COMMUNE,
      members: [person({ fullName: 'Lê Văn Hùng', citizenId: id })],
    });
    const check = await quality.call(
      'checkMemberCandidates',
      {
        communeCode: HCM_COMMUNE,
        citizenId: id,
        fullName: 'Lê Văn Hùng',
        dateOfBirth: head.dateOfBirth,
        excludeMemberId: hcm.headMemberId,
      },
      { metadata: hcmOfficer },
    );
    expect(check.candidates).toHaveLength(1);
    expect(check.candidates[0]!.rules).toEqual([DuplicateRule.DUPLICATE_RULE_CITIZEN_ID]);
    expect(check.candidates[0]!.record).toMatchObject({
      visible: false,
      provinceCode: '01',
      memberId: '',
      householdId: '',
      fullName: '',
      communeCode: '',
    });

    const pair = pairWith(await pairsOf(HCM_COMMUNE, hcmOfficer), hcm.headMemberId)!;
    expect(pair.sameCommune).toBe(false);
    expect(pair.first).toMatchObject({ visible: true, memberId: hcm.headMemberId });
    expect(pair.second).toMatchObject({ visible: false, provinceCode: '01', memberId: '' });
    const leaked = JSON.stringify(pair);
    for (const secret of [hanoi.id, hanoi.code, hanoi.headMemberId, 'Nguyễn', COMMUNE]) {
      expect(leaked).not.toContain(secret);
    }

    // The Hà Nội side sees its own record first and only the province of the other.
    const fromHanoi = pairWith(await pairsOf('01', provinceApprover), hanoi.headMemberId)!;
    expect(fromHanoi.id).toBe(pair.id);
    expect(fromHanoi.second).toMatchObject({ visible: false, provinceCode: '79' });

    // Such a pair is not merged by a commune: resolving it is a move.
    const err = await rejectionOf(
      quality.call(
        'proposeMerge',
        { keptMemberId: hanoi.headMemberId, mergedMemberId: hcm.headMemberId, reason: 'trùng' },
        { metadata: officer },
      ),
    );
    expect(err.code).toBe(status.PERMISSION_DENIED);
  });

  it('finds the same name and date of birth within the commune only', async () => {
    const lan = {
      fullName: 'Trần Thị Lan',
      dateOfBirth: { year: 1990, month: 5, day: 6 },
      sex: Sex.SEX_FEMALE,
      citizenId: '',
    };
    const hh = await create(officer, { members: [person(lan)] });
    const ask = (communeCode: string) =>
      quality.call(
        'checkMemberCandidates',
        {
          communeCode,
          citizenId: '',
          fullName: 'TRAN THI LAN',
          dateOfBirth: lan.dateOfBirth,
          excludeMemberId: '',
        },
        { metadata: provinceApprover },
      );
    const here = await ask(COMMUNE);
    expect(here.candidates.map((c) => c.record?.memberId)).toEqual([hh.headMemberId]);
    expect(here.candidates[0]!.rules).toEqual([DuplicateRule.DUPLICATE_RULE_NAME_BIRTH_COMMUNE]);
    expect(here.candidates[0]!.record).toMatchObject({ visible: true, fullName: 'Trần Thị Lan' });
    expect((await ask('00008')).candidates).toEqual([]);
    const bad = await rejectionOf(
      quality.call(
        'checkMemberCandidates',
        { communeCode: COMMUNE, citizenId: '12', fullName: '', excludeMemberId: '' },
        { metadata: officer },
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.message).toContain('citizen_id');
  });
});

/** Two households of the commune holding the same person: X (kept) and Y (absorbed). */
async function duplicatePair(citizenId: string) {
  const kept = await create(officer, { members: [person({ citizenId })] });
  const other = await create(officer, {
    members: [
      person({ fullName: 'Phạm Văn Nam', citizenId: '' }),
      person({ fullName: 'Nguyen Van Duc', relation: 'other', citizenId }),
    ],
  });
  return { kept, other, x: kept.headMemberId, y: other.members[1]!.id };
}

describe('merge workflow', () => {
  it('is proposed and confirmed by two accounts, keeping history and the event', async () => {
    const { kept, other, x, y } = await duplicatePair('001085000222');
    const listed = pairWith(await pairsOf(COMMUNE, officer), y, x)!;
    expect(listed.sameCommune).toBe(true);
    expect([...listed.rules].sort()).toEqual([
      DuplicateRule.DUPLICATE_RULE_CITIZEN_ID,
      DuplicateRule.DUPLICATE_RULE_NAME_BIRTH_COMMUNE,
    ]);

    const { proposal } = await quality.call(
      'proposeMerge',
      { keptMemberId: x, mergedMemberId: y, reason: 'cùng một người, đăng ký hai lần' },
      { metadata: officerApprover },
    );
    expect(proposal!.status).toBe(MergeStatus.MERGE_STATUS_PROPOSED);
    expect(proposal!.differences.map((d) => d.field)).toEqual(['full_name', 'relation']);
    expect(pairWith(await pairsOf(COMMUNE, officer), y, x)!.openMergeId).toBe(proposal!.id);

    const same = await rejectionOf(
      quality.call(
        'confirmMerge',
        { mergeId: proposal!.id, reason: 'đồng ý' },
        { metadata: officerApprover },
      ),
    );
    expect(same.code).toBe(status.PERMISSION_DENIED);
    const notApprover = await rejectionOf(
      quality.call(
        'confirmMerge',
        { mergeId: proposal!.id, reason: 'đồng ý' },
        { metadata: officer },
      ),
    );
    expect(notApprover.code).toBe(status.PERMISSION_DENIED);

    const beforeMerge = new Date();
    const done = await quality.call(
      'confirmMerge',
      { mergeId: proposal!.id, reason: 'đã xác minh' },
      { metadata: approver },
    );
    expect(done.proposal).toMatchObject({
      status: MergeStatus.MERGE_STATUS_CONFIRMED,
      decidedBy: expect.any(String),
    });

    const row = await h.app.pool.query('SELECT merged_into_member_id FROM member WHERE id = $1', [
      y,
    ]);
    expect(row.rows[0].merged_into_member_id).toBe(x);
    expect(pairWith(await pairsOf(COMMUNE, officer), y)).toBeUndefined();

    // History: the past state still shows Y as it was; both logs hold the merge.
    const past = await h.households.call(
      'getHousehold',
      { id: other.id, asOf: beforeMerge },
      { metadata: officer },
    );
    expect(past.household!.members.find((m) => m.id === y)!.fullName).toBe('Nguyen Van Duc');
    expect(past.household!.members.find((m) => m.id === y)!.mergedIntoMemberId).toBe('');
    const now = await h.households.call('getHousehold', { id: other.id }, { metadata: officer });
    expect(now.household!.version).toBe(other.version + 1);
    expect(now.household!.members.find((m) => m.id === y)!.mergedIntoMemberId).toBe(x);
    // The replay of the log at this moment gives the same merged record.
    const replayed = await h.households.call(
      'getHousehold',
      { id: other.id, asOf: new Date() },
      { metadata: officer },
    );
    expect(replayed.household!.members.find((m) => m.id === y)!.mergedIntoMemberId).toBe(x);
    // The absorbed record can no longer be changed.
    const dead = await rejectionOf(
      h.households.call(
        'markMemberDeceased',
        {
          householdId: other.id,
          expectedVersion: now.household!.version,
          memberId: y,
          deceasedOn: { year: 2026, month: 1, day: 2 },
          reason: 'báo tử',
        },
        { metadata: officer },
      ),
    );
    expect(dead.code).toBe(status.FAILED_PRECONDITION);
    expect(dead.message).toContain('member_id');
    const yLog = await h.households.call(
      'getHouseholdHistory',
      { id: other.id },
      { metadata: officer },
    );
    const yRow = yLog.changes.find((c) => c.kind === 'member_merged')!;
    expect(JSON.parse(yRow.beforeJson)).toMatchObject({
      id: y,
      fullName: 'Nguyen Van Duc',
      relation: 'other',
    });
    expect(JSON.parse(yRow.afterJson)).toMatchObject({ mergedInto: x });
    const xLog = await h.households.call(
      'getHouseholdHistory',
      { id: kept.id },
      { metadata: officer },
    );
    const xRow = xLog.changes.find((c) => c.kind === 'member_merged')!;
    expect(JSON.parse(xRow.afterJson).differences).toEqual([
      { field: 'full_name', keptValue: 'Nguyễn Văn Đức', mergedValue: 'Nguyen Van Duc' },
      { field: 'relation', keptValue: 'head', mergedValue: 'other' },
    ]);

    const events = await h.app.pool.query<{ event_type: string; payload: Buffer }>(
      `SELECT event_type, payload FROM posa_outbox WHERE aggregate_id = $1 AND event_type LIKE '%members-merged%'`,
      [other.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(MembersMerged.decode(events.rows[0]!.payload)).toMatchObject({
      mergeId: proposal!.id,
      keptMemberId: x,
      keptHouseholdId: kept.id,
      mergedMemberId: y,
      mergedHouseholdId: other.id,
      communeCode: COMMUNE,
      mergedHouseholdVersion: other.version + 1,
    });
    expect(events.rows[0]!.payload.toString('utf8')).not.toContain('Nguy');

    const again = await rejectionOf(
      quality.call(
        'confirmMerge',
        { mergeId: proposal!.id, reason: 'lần hai' },
        { metadata: provinceApprover },
      ),
    );
    expect(again.code).toBe(status.FAILED_PRECONDITION);
  });

  it('is rejected by an approver above the commune, leaving the pair listed', async () => {
    const { x, y } = await duplicatePair('001085000333');
    const { proposal } = await quality.call(
      'proposeMerge',
      { keptMemberId: x, mergedMemberId: y, reason: 'có thể trùng' },
      { metadata: officer },
    );
    const dup = await rejectionOf(
      quality.call(
        'proposeMerge',
        { keptMemberId: y, mergedMemberId: x, reason: 'lại' },
        { metadata: officer },
      ),
    );
    expect(dup.code).toBe(status.ALREADY_EXISTS);
    const res = await quality.call(
      'rejectMerge',
      { mergeId: proposal!.id, reason: 'chưa đủ căn cứ' },
      { metadata: provinceApprover },
    );
    expect(res.proposal).toMatchObject({
      status: MergeStatus.MERGE_STATUS_REJECTED,
      decisionReason: 'chưa đủ căn cứ',
    });
    const listed = pairWith(await pairsOf(COMMUNE, officer), y, x)!;
    expect(listed.openMergeId).toBe('');
    const merged = await h.app.pool.query(
      'SELECT merged_into_member_id FROM member WHERE id = $1',
      [y],
    );
    expect(merged.rows[0].merged_into_member_id).toBeNull();
    const listedProposals = await quality.call(
      'listMergeProposals',
      { unitCode: COMMUNE, status: MergeStatus.MERGE_STATUS_REJECTED, limit: 10 },
      { metadata: approver },
    );
    expect(listedProposals.proposals.map((p) => p.id)).toContain(proposal!.id);
  });

  it('dismisses a pair as two different people with a reason', async () => {
    const twin = {
      fullName: 'Hoàng Văn Minh',
      citizenId: '',
      dateOfBirth: { year: 2001, month: 1, day: 2 },
    };
    const a = await create(officer, { members: [person(twin)] });
    const b = await create(officer, { members: [person(twin)] });
    expect(pairWith(await pairsOf(COMMUNE, officer), b.headMemberId)).toBeDefined();
    const noReason = await rejectionOf(
      quality.call(
        'dismissCandidate',
        { firstMemberId: a.headMemberId, secondMemberId: b.headMemberId, reason: ' ' },
        { metadata: officer },
      ),
    );
    expect(noReason.code).toBe(status.INVALID_ARGUMENT);
    expect(noReason.message).toContain('reason');
    const foreign = await rejectionOf(
      quality.call(
        'dismissCandidate',
        { firstMemberId: a.headMemberId, secondMemberId: b.headMemberId, reason: 'khác người' },
        { metadata: hcmOfficer },
      ),
    );
    expect(foreign.code).toBe(status.PERMISSION_DENIED);
    await quality.call(
      'dismissCandidate',
      {
        firstMemberId: b.headMemberId,
        secondMemberId: a.headMemberId,
        reason: 'hai người khác nhau',
      },
      { metadata: officer },
    );
    expect(pairWith(await pairsOf(COMMUNE, officer), b.headMemberId)).toBeUndefined();
    const row = await h.app.pool.query('SELECT reason FROM member_pair_dismissal');
    expect(row.rows.map((r) => r.reason)).toContain('hai người khác nhau');
  });

  it('pages the candidate list by an opaque key', async () => {
    const first = await quality.call(
      'listDuplicateCandidates',
      { unitCode: COMMUNE, page: { pageSize: 1, pageToken: '' } },
      { metadata: officer },
    );
    expect(first.pairs).toHaveLength(1);
    expect(first.page!.nextPageToken).toMatch(/^[0-9a-f]{32}$/);
    const second = await quality.call(
      'listDuplicateCandidates',
      { unitCode: COMMUNE, page: { pageSize: 200, pageToken: first.page!.nextPageToken } },
      { metadata: officer },
    );
    expect(second.pairs.map((p) => p.id)).not.toContain(first.pairs[0]!.id);
    expect(second.pairs.every((p) => p.id > first.pairs[0]!.id)).toBe(true);
    const outside = await rejectionOf(
      quality.call('listDuplicateCandidates', { unitCode: HCM_COMMUNE }, { metadata: officer }),
    );
    expect(outside.code).toBe(status.PERMISSION_DENIED);
  });
});
