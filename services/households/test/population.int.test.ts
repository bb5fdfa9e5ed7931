import { Writable } from 'node:stream';
import { status } from '@grpc/grpc-js';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import {
  IdentityQualityServiceClient,
  VerificationOutcome,
  type Household,
  type IdentityQualityServiceService,
  type MemberInput,
} from '@posa/proto';
import { HttpPopulationRegistry, PopulationSimulator } from '@posa/population';
import { rejectionOf, startHarness, type Harness } from './harness';
import { COMMUNE, head, request } from './registry-fixtures';

/**
 * VerifyMember through gRPC against real PostgreSQL and the population-database simulator over
 * real HTTP (the same client as production): match, mismatch, not found, unavailable.
 */
const simulator = new PopulationSimulator();
let h: Harness;
let quality: GrpcClient<IdentityQualityServiceService>;
let officer: Record<string, string>;

beforeAll(async () => {
  await simulator.start();
  h = await startHarness('population', {
    today: () => '2026-11-23',
    populationSimulator: simulator,
  });
  quality = createGrpcClient(IdentityQualityServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
});

afterAll(async () => {
  quality?.close();
  await h?.close();
  await simulator.stop();
});

beforeEach(() => {
  simulator.unavailable = false;
});

async function householdWith(over: Partial<MemberInput>): Promise<Household> {
  const res = await h.households.call(
    'createHousehold',
    request({ members: [{ ...head, ...over }] }),
    {
      metadata: officer,
    },
  );
  return res.household!;
}

async function stored(memberId: string) {
  const res = await h.app.pool.query(
    `SELECT population_outcome AS outcome, population_mismatched_fields AS fields,
       population_verified_at AS at FROM member WHERE id = $1`,
    [memberId],
  );
  return res.rows[0] as { outcome: string | null; fields: string[] | null; at: Date | null };
}

describe('VerifyMember', () => {
  it('stores a match with a change-log row and a new household version', async () => {
    const hh = await householdWith({ citizenId: '001085000451' });
    simulator.hold('001085000451', {
      fullName: 'NGUYEN VAN DUC',
      dateOfBirth: '1985-03-14',
      sex: 'male',
    });
    const res = await quality.call(
      'verifyMember',
      { memberId: hh.headMemberId },
      { metadata: officer },
    );
    expect(res).toMatchObject({
      outcome: VerificationOutcome.VERIFICATION_OUTCOME_MATCH,
      mismatchedFields: [],
      householdVersion: 2,
    });
    expect(await stored(hh.headMemberId)).toMatchObject({ outcome: 'match', fields: [] });
    const log = await h.households.call(
      'getHouseholdHistory',
      { id: hh.id },
      { metadata: officer },
    );
    const row = log.changes.find((c) => c.kind === 'member_verified')!;
    expect(JSON.parse(row.afterJson).populationCheck).toMatchObject({ outcome: 'match' });
    expect(row.stamp!.reason).toContain('CSDL');

    // The member carries the check until a checked field changes.
    const now = await h.households.call('getHousehold', { id: hh.id }, { metadata: officer });
    const member = now.household!.members[0]!;
    expect(member.populationCheck).toMatchObject({ outcome: 'match', mismatchedFields: [] });
    const kept = await h.households.call(
      'updateMember',
      {
        householdId: hh.id,
        expectedVersion: now.household!.version,
        memberId: member.id,
        member: { ...head, citizenId: '001085000451', ethnicGroupCode: '02' },
        reason: 'sửa dân tộc',
      },
      { metadata: officer },
    );
    expect(kept.household!.members[0]!.populationCheck?.outcome).toBe('match');
    const renamed = await h.households.call(
      'updateMember',
      {
        householdId: hh.id,
        expectedVersion: kept.household!.version,
        memberId: member.id,
        member: { ...head, citizenId: '001085000451', fullName: 'Nguyễn Văn Đạt' },
        reason: 'sửa họ tên',
      },
      { metadata: officer },
    );
    expect(renamed.household!.members[0]!.populationCheck).toBeUndefined();
    expect(await stored(hh.headMemberId)).toMatchObject({ outcome: null, fields: null });
    // The past state still shows the check as it was.
    const past = await h.households.call(
      'getHousehold',
      { id: hh.id, asOf: kept.household!.updatedAt },
      { metadata: officer },
    );
    expect(past.household!.members[0]!.populationCheck?.outcome).toBe('match');
  });

  it('stores a mismatch naming the fields that differ', async () => {
    const hh = await householdWith({ citizenId: '001085000452' });
    simulator.hold('001085000452', {
      fullName: 'Nguyễn Văn Đạt',
      dateOfBirth: '1985-03-15',
      sex: 'male',
    });
    const res = await quality.call(
      'verifyMember',
      { memberId: hh.headMemberId },
      { metadata: officer },
    );
    expect(res.outcome).toBe(VerificationOutcome.VERIFICATION_OUTCOME_MISMATCH);
    expect(res.mismatchedFields).toEqual(['full_name', 'date_of_birth']);
    expect(await stored(hh.headMemberId)).toMatchObject({
      outcome: 'mismatch',
      fields: ['full_name', 'date_of_birth'],
    });
  });

  it('stores not_found for an ID the database does not know (last digit 0)', async () => {
    const hh = await householdWith({ citizenId: '001085000460' });
    const res = await quality.call(
      'verifyMember',
      { memberId: hh.headMemberId },
      { metadata: officer },
    );
    expect(res.outcome).toBe(VerificationOutcome.VERIFICATION_OUTCOME_NOT_FOUND);
    expect(await stored(hh.headMemberId)).toMatchObject({ outcome: 'not_found' });
  });

  it('gives UNAVAILABLE after bounded retries and stores nothing', async () => {
    const hh = await householdWith({ citizenId: '001085000471' });
    simulator.unavailable = true;
    const before = simulator.requestCount;
    const err = await rejectionOf(
      quality.call('verifyMember', { memberId: hh.headMemberId }, { metadata: officer }),
    );
    expect(err.code).toBe(status.UNAVAILABLE);
    expect(simulator.requestCount - before).toBe(3); // one attempt and POPULATION_REGISTRY_RETRIES=2
    expect(await stored(hh.headMemberId)).toEqual({ outcome: null, fields: null, at: null });
    const now = await h.households.call('getHousehold', { id: hh.id }, { metadata: officer });
    expect(now.household!.version).toBe(1);
  });

  it('refuses members outside the officer commune and members without a citizen ID', async () => {
    const hh = await householdWith({ citizenId: '' });
    const none = await rejectionOf(
      quality.call('verifyMember', { memberId: hh.headMemberId }, { metadata: officer }),
    );
    expect(none.code).toBe(status.FAILED_PRECONDITION);
    const other = await h.signIn('other', '00008', ['officer']);
    const foreign = await rejectionOf(
      quality.call('verifyMember', { memberId: hh.headMemberId }, { metadata: other }),
    );
    expect(foreign.code).toBe(status.PERMISSION_DENIED);
    const bad = await rejectionOf(
      quality.call('verifyMember', { memberId: 'x' }, { metadata: officer }),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('HttpPopulationRegistry', () => {
  it('never logs the citizen ID or the name', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ service: 'households', level: 'debug', destination: sink });
    const client = new HttpPopulationRegistry({
      baseUrl: simulator.url,
      timeoutMs: 2000,
      retries: 1,
      retryDelayMs: 1,
      logger,
    });
    const query = {
      citizenId: '001085000481',
      fullName: 'Nguyễn Văn Đức',
      dateOfBirth: '1985',
      sex: 'male' as const,
    };
    expect(await client.verify(query)).toEqual({ outcome: 'match', mismatchedFields: [] });
    simulator.unavailable = true;
    expect(await client.verify(query)).toEqual({ outcome: 'unavailable', mismatchedFields: [] });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const text = lines.join('\n');
    expect(text).not.toContain('001085000481');
    expect(text).not.toContain('Nguy');
  });

  it('is unavailable when nothing listens at the address', async () => {
    const closed = new PopulationSimulator();
    const url = await closed.start();
    await closed.stop();
    const logger = createLogger({ service: 'households', level: 'silent' });
    const client = new HttpPopulationRegistry({
      baseUrl: url,
      timeoutMs: 2000,
      retries: 1,
      retryDelayMs: 1,
      logger,
    });
    const query = {
      citizenId: '001085000491',
      fullName: 'A',
      dateOfBirth: '1985',
      sex: 'male' as const,
    };
    expect((await client.verify(query)).outcome).toBe('unavailable');
  });
});
