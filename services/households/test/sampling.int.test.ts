import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  AcceptanceSamplingServiceClient,
  SampleStatus,
  type AcceptanceSamplingServiceService,
  type FieldCheck,
  type Household,
  type Sample,
} from '@posa/proto';
import { drawSample } from '../src/domain/sampling-draw';
import { rejectionOf, startHarness, type Harness } from './harness';
import { child, COMMUNE, head, request } from './registry-fixtures';

/** AcceptanceSamplingService (nghiệm thu) against real PostgreSQL and Keycloak tokens. */
let h: Harness;
let sampling: GrpcClient<AcceptanceSamplingServiceService>;
let provinceApprover: Record<string, string>;
let communeOfficer: Record<string, string>;
let communeApprover: Record<string, string>;
let foreignApprover: Record<string, string>;
const households: Household[] = [];
const SEED = '5eed'.repeat(8);

beforeAll(async () => {
  h = await startHarness('sampling', { today: () => '2026-11-23' });
  sampling = createGrpcClient(
    AcceptanceSamplingServiceClient,
    `127.0.0.1:${h.addresses.grpcPort}`,
    {
      defaultDeadlineMs: 20_000,
    },
  );
  provinceApprover = await h.signIn('approver', '01', ['approver']);
  communeOfficer = await h.signIn('officer', COMMUNE, ['officer']);
  communeApprover = await h.signIn('capprover', COMMUNE, ['approver']);
  foreignApprover = await h.signIn('foreign', '79', ['approver']);
  for (let i = 0; i < 6; i++) {
    const members = [{ ...head, citizenId: `00108501234${i}` }, child];
    const res = await h.households.call('createHousehold', request({ members }), {
      metadata: communeOfficer,
    });
    households.push(res.household!);
  }
});

afterAll(async () => {
  sampling?.close();
  await h?.close();
});

async function draw(size: number, seed = SEED, as = provinceApprover): Promise<Sample> {
  const res = await sampling.call(
    'drawSample',
    { communeCode: COMMUNE, purpose: 'nghiệm thu 2026 đợt 1', sampleSize: size, seed },
    { metadata: as },
  );
  return res.sample!;
}

/** Checks of one household: all identity fields, then `others` other fields. */
function checksOf(
  hh: Household,
  others: number,
  identityErrors = 0,
  otherErrors = 0,
): FieldCheck[] {
  const identity: FieldCheck[] = [
    { field: 'household_code', memberId: '', error: false },
    { field: 'address', memberId: '', error: false },
    { field: 'head_name', memberId: '', error: false },
    ...hh.members.flatMap((m) =>
      ['full_name', 'date_of_birth', 'sex', 'citizen_id', 'relation'].map((field) => ({
        field,
        memberId: m.id,
        error: false,
      })),
    ),
  ];
  identity.slice(0, identityErrors).forEach((c) => (c.error = true));
  const other = Array.from({ length: others }, (_, i) => ({
    field: `form_c_q${i}`,
    memberId: '',
    error: i < otherErrors,
  }));
  return [...identity, ...other];
}

function householdOf(id: string): Household {
  return households.find((x) => x.id === id)!;
}

async function record(sample: Sample, position: number, checks: FieldCheck[]) {
  const item = sample.items[position]!;
  return sampling.call(
    'recordFieldCheck',
    { sampleId: sample.id, householdId: item.householdId, checks, note: '' },
    { metadata: provinceApprover },
  );
}

describe('DrawSample', () => {
  it('draws reproducibly from the seed and records it', async () => {
    const first = await draw(3);
    const again = await draw(3);
    expect(first.seed).toBe(SEED);
    expect(first).toMatchObject({
      populationSize: 6,
      sampleSize: 3,
      status: SampleStatus.SAMPLE_STATUS_OPEN,
    });
    expect(again.items.map((i) => i.householdId)).toEqual(first.items.map((i) => i.householdId));
    expect(again.populationDigest).toBe(first.populationDigest);
    const population = households.map((x) => x.id);
    expect(first.items.map((i) => i.householdId)).toEqual(drawSample(population, 3, SEED));
    expect(first.items.map((i) => i.householdCode)).toEqual(
      first.items.map((i) => householdOf(i.householdId).code),
    );
    const fresh = await sampling.call(
      'drawSample',
      { communeCode: COMMUNE, purpose: 'đợt 2', rateBasisPoints: 5000, seed: '' },
      { metadata: provinceApprover },
    );
    expect(fresh.sample!.sampleSize).toBe(3);
    expect(fresh.sample!.seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names bad input and is for units above the commune only', async () => {
    const noSize = await rejectionOf(
      sampling.call(
        'drawSample',
        { communeCode: COMMUNE, purpose: 'x', seed: '' },
        { metadata: provinceApprover },
      ),
    );
    expect(noSize.code).toBe(status.INVALID_ARGUMENT);
    expect(noSize.message).toContain('sample_size or rate_basis_points');
    const badSeed = await rejectionOf(draw(3, 'xyz'));
    expect(badSeed.message).toContain('seed');
    for (const who of [communeOfficer, communeApprover, foreignApprover]) {
      const denied = await rejectionOf(draw(3, SEED, who));
      expect(denied.code).toBe(status.PERMISSION_DENIED);
    }
  });
});

describe('field checks and the decision', () => {
  it('accepts at exactly 2 % other-field errors and locks the result', async () => {
    const sample = await draw(3);
    const early = await rejectionOf(
      sampling.call('computeResult', { sampleId: sample.id }, { metadata: provinceApprover }),
    );
    expect(early.code).toBe(status.FAILED_PRECONDITION);
    // 50 other fields, one wrong: 1/50 = 2 %, at the limit.
    const others = [17, 17, 16];
    for (let p = 0; p < 3; p++) {
      const hh = householdOf(sample.items[p]!.householdId);
      await record(sample, p, checksOf(hh, others[p]!, 0, p === 0 ? 1 : 0));
    }
    const res = await sampling.call(
      'computeResult',
      { sampleId: sample.id },
      { metadata: provinceApprover },
    );
    const decided = res.sample!;
    expect(decided.status).toBe(SampleStatus.SAMPLE_STATUS_ACCEPTED);
    expect(decided.result).toMatchObject({
      accepted: true,
      reasons: [],
      other: { errors: 1, checked: 50, ratePercent: '2', withinLimit: true, excessPercent: '0' },
      identity: { errors: 0, checked: 39 },
    });
    const locked = await rejectionOf(
      record(sample, 0, checksOf(householdOf(sample.items[0]!.householdId), 1)),
    );
    expect(locked.code).toBe(status.FAILED_PRECONDITION);
    const repeat = await sampling.call(
      'computeResult',
      { sampleId: sample.id },
      { metadata: provinceApprover },
    );
    expect(repeat.sample!.result).toEqual(decided.result);
  });

  it('rejects with the exceeded rate and by how much', async () => {
    const sample = await draw(3);
    for (let p = 0; p < 3; p++) {
      const hh = householdOf(sample.items[p]!.householdId);
      await record(sample, p, checksOf(hh, 10, p === 1 ? 1 : 0));
    }
    const res = await sampling.call(
      'computeResult',
      { sampleId: sample.id },
      { metadata: provinceApprover },
    );
    expect(res.sample!.status).toBe(SampleStatus.SAMPLE_STATUS_REJECTED);
    expect(res.sample!.result!.identity).toMatchObject({
      errors: 1,
      checked: 39,
      ratePercent: '2.5641',
      withinLimit: false,
      excessPercent: '2.0642',
    });
    expect(res.sample!.result!.reasons).toEqual([
      expect.stringContaining('1/39 = 2.5641 % exceeds 0.5 % by 2.0642'),
    ]);
  });

  it('names the field of a bad check', async () => {
    const sample = await draw(2);
    const noMember = await rejectionOf(
      record(sample, 0, [{ field: 'full_name', memberId: '', error: false }]),
    );
    expect(noMember.code).toBe(status.INVALID_ARGUMENT);
    expect(noMember.message).toContain('checks[0].member_id');
    const stranger = households.find((x) => !sample.items.some((i) => i.householdId === x.id))!;
    const outside = await rejectionOf(
      sampling.call(
        'recordFieldCheck',
        {
          sampleId: sample.id,
          householdId: stranger.id,
          checks: [{ field: 'address', memberId: '', error: false }],
          note: '',
        },
        { metadata: provinceApprover },
      ),
    );
    expect(outside.message).toContain('household_id');
    const twice = await rejectionOf(
      record(sample, 0, [
        { field: 'address', memberId: '', error: false },
        { field: 'address', memberId: '', error: true },
      ]),
    );
    expect(twice.message).toContain('checks[1]');
  });

  it('shows a commune its samples and hides them from other provinces', async () => {
    const sample = await draw(1);
    const own = await sampling.call('getSample', { id: sample.id }, { metadata: communeOfficer });
    expect(own.sample!.items).toHaveLength(1);
    const listed = await sampling.call(
      'listSamples',
      { unitCode: '', limit: 0 },
      { metadata: communeOfficer },
    );
    expect(listed.samples.map((s) => s.id)).toContain(sample.id);
    expect(listed.samples.every((s) => s.communeCode === COMMUNE)).toBe(true);
    const hidden = await rejectionOf(
      sampling.call('getSample', { id: sample.id }, { metadata: foreignApprover }),
    );
    expect(hidden.code).toBe(status.NOT_FOUND);
    const decideOwn = await rejectionOf(
      sampling.call('computeResult', { sampleId: sample.id }, { metadata: communeOfficer }),
    );
    expect(decideOwn.code).toBe(status.PERMISSION_DENIED);
  });
});

describe('the population', () => {
  it('is the commune’s active households only, the sample capped at it', async () => {
    const [a, b] = [households[4]!, households[5]!];
    await h.households.call(
      'mergeHouseholds',
      {
        survivingHouseholdId: a.id,
        survivingExpectedVersion: a.version,
        absorbedHouseholdId: b.id,
        absorbedExpectedVersion: b.version,
        members: b.members.map((m) => ({ memberId: m.id, relation: 'other_relative' })),
        reason: 'nhập hộ',
      },
      { metadata: communeOfficer },
    );
    const sample = await draw(100);
    expect(sample).toMatchObject({ populationSize: 5, sampleSize: 5 });
    expect(sample.items.map((i) => i.householdId).sort()).toEqual(
      households
        .filter((x) => x.id !== b.id)
        .map((x) => x.id)
        .sort(),
    );
  });
});
