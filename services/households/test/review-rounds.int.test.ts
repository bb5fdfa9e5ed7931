import { status } from '@grpc/grpc-js';
import type { GrpcClient } from '@posa/platform';
import {
  Classification,
  ReviewListingSource,
  ReviewRoundKind,
  ReviewRoundStatus,
  type Household,
  type ReviewRoundServiceService,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import {
  assess,
  classifiedEvents,
  COMMUNE,
  createHousehold,
  day,
  form01,
  meetAndPost,
  reviewClient,
  VILLAGE,
  type Meta,
  type ReviewCtx,
} from './review-support';

/**
 * A 2024 periodic round through gRPC against real PostgreSQL: the district chair's opinion
 * (a 2024 district containing a predecessor commune), then the commune chair's decision; the
 * round is locked with classification rows and HouseholdClassified events in the outbox.
 */
let today = '2024-09-05';
let h: Harness;
let review: GrpcClient<ReviewRoundServiceService>;
let officer: Meta;
let approver: Meta;
let districtApprover: Meta;
let otherDistrictApprover: Meta;
const hh: Household[] = [];
let round2024 = '';

beforeAll(async () => {
  h = await startHarness('review', { today: () => today });
  review = reviewClient(h);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  districtApprover = await h.signIn('district', '001', ['approver']);
  otherDistrictApprover = await h.signIn('district5', '005', ['approver']);
  for (let i = 0; i < 4; i++) hh.push(await createHousehold(h, officer));
});

afterAll(async () => {
  review?.close();
  await h?.close();
});

const id = (i: number) => hh[i]!.id;

const ctx = (): ReviewCtx => ({
  h,
  review,
  officer,
  approver,
  setToday: (iso) => {
    today = iso;
  },
});

const assessed = (roundId: string, i: number, income: number, deprived: string[]) =>
  assess(ctx(), roundId, id(i), income, deprived);

describe('2024 periodic round: district opinion, then the commune chair', () => {
  it('refuses to open a periodic round outside 1 Sep – 14 Dec', async () => {
    today = '2024-08-31';
    const err = await rejectionOf(
      review.call(
        'openRound',
        { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
        { metadata: officer },
      ),
    );
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(err.message).toContain('09-01 – 12-14');
  });

  it('lists form 01 requests and explicit additions', async () => {
    today = '2024-09-05';
    for (const i of [0, 1, 2]) await form01(review, officer, id(i));
    const opened = await review.call(
      'openRound',
      { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
      { metadata: officer },
    );
    round2024 = opened.round!.id;
    expect(opened.round).toMatchObject({
      year: 2024,
      standardCode: '2022-2025',
      procedureCode: 'qd-24-2021',
      needsDistrictOpinion: true,
    });
    expect(opened.households.map((x) => x.householdId).sort()).toEqual(
      [id(0), id(1), id(2)].sort(),
    );
    expect(
      opened.households.every(
        (x) => x.source === ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_01,
      ),
    ).toBe(true);
    const again = await rejectionOf(
      review.call(
        'openRound',
        { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
        { metadata: officer },
      ),
    );
    expect(again.code).toBe(status.ALREADY_EXISTS);
    const added = await review.call(
      'addHouseholdToRound',
      { roundId: round2024, householdId: id(3), reason: 'trưởng thôn báo hộ gặp khó khăn' },
      { metadata: officer },
    );
    expect(added.household!.source).toBe(ReviewListingSource.REVIEW_LISTING_SOURCE_ADDED);
    const twice = await rejectionOf(
      review.call(
        'addHouseholdToRound',
        { roundId: round2024, householdId: id(3), reason: 'x' },
        { metadata: officer },
      ),
    );
    expect(twice.code).toBe(status.ALREADY_EXISTS);
  });

  it('classifies assessments with the standard of the year and checks indicator codes', async () => {
    const bad = await rejectionOf(
      assessed(round2024, 0, 1_200_000, ['nutrition', 'waste_treatment']),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.message).toContain('deprived_indicator_codes[1]');
    const a = await assessed(round2024, 0, 1_200_000, ['nutrition', 'housing_area', 'telecom_use']);
    expect(a.classification).toBe(Classification.CLASSIFICATION_POOR);
    expect(a.rule).toBe('2022-2025/poor-income-and-deprivation');
    expect((await assessed(round2024, 1, 1_800_000, ['nutrition'])).classification).toBe(
      Classification.CLASSIFICATION_NEAR_POOR,
    );
    expect((await assessed(round2024, 2, 3_500_000, [])).classification).toBe(
      Classification.CLASSIFICATION_NOT_POOR,
    );
    today = '2024-09-18';
    const early = await rejectionOf(
      review.call(
        'recordVillageMeeting',
        {
          roundId: round2024,
          villageCode: VILLAGE,
          heldOn: day(today),
          attendees: 10,
          agreedCount: 9,
        },
        { metadata: officer },
      ),
    );
    expect(early.code).toBe(status.FAILED_PRECONDITION);
    expect(early.message).toContain('not assessed');
    await assessed(round2024, 3, 1_000_000, [
      'nutrition',
      'housing_area',
      'domestic_water',
      'telecom_use',
    ]);
  });

  it('refuses a meeting agreed by fewer than half, accepts exactly half', async () => {
    today = '2024-09-20';
    const meeting = { roundId: round2024, villageCode: VILLAGE, heldOn: day('2024-09-19') };
    const refused = await rejectionOf(
      review.call(
        'recordVillageMeeting',
        { ...meeting, attendees: 9, agreedCount: 4 },
        { metadata: officer },
      ),
    );
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.message).toContain('agreed_count');
    const before = await review.call('getRound', { id: round2024 }, { metadata: officer });
    expect(before.meetings).toEqual([]);
    await review.call(
      'recordVillageMeeting',
      { ...meeting, attendees: 8, agreedCount: 4 },
      { metadata: officer },
    );
  });

  it('needs 3 working days of posting', async () => {
    // Friday to Monday: 2 working days
    const short = await rejectionOf(
      review.call(
        'recordPublicPosting',
        { roundId: round2024, postedFrom: day('2024-09-20'), postedTo: day('2024-09-23') },
        { metadata: officer },
      ),
    );
    expect(short.code).toBe(status.INVALID_ARGUMENT);
    expect(short.message).toContain('posted_to');
    await meetAndPost(ctx(), round2024, '2024-09-20', '2024-09-20', '2024-09-24');
  });

  it('needs the opinion of a predecessor district before the commune chair decides', async () => {
    today = '2024-09-30';
    const decision = {
      roundId: round2024,
      decisionNumber: '125/QĐ-UBND',
      decidedOn: day('2024-09-30'),
      signer: 'Chủ tịch UBND phường',
    };
    const early = await rejectionOf(
      review.call('recognizeRound', decision, { metadata: approver }),
    );
    expect(early.code).toBe(status.FAILED_PRECONDITION);
    expect(early.message).toContain('RecordDistrictOpinion');
    const opinion = {
      roundId: round2024,
      givenOn: day('2024-09-27'),
      documentNumber: '88/UBND-LĐTBXH',
      opinion: 'thống nhất kết quả rà soát',
    };
    for (const who of [otherDistrictApprover, officer, approver]) {
      const denied = await rejectionOf(
        review.call('recordDistrictOpinion', opinion, { metadata: who }),
      );
      expect(denied.code).toBe(status.PERMISSION_DENIED);
    }
    const given = await review.call('recordDistrictOpinion', opinion, {
      metadata: districtApprover,
    });
    expect(given.round!.districtOpinion!.districtCode).toBe('001');
    const byOfficer = await rejectionOf(
      review.call('recognizeRound', decision, { metadata: officer }),
    );
    expect(byOfficer.code).toBe(status.PERMISSION_DENIED);
    const done = await review.call('recognizeRound', decision, { metadata: approver });
    expect(done.classifiedCount).toBe(4);
    expect(done.round!.status).toBe(ReviewRoundStatus.REVIEW_ROUND_STATUS_RECOGNIZED);
  });

  it('locks the round and stores one classification per household for 2024', async () => {
    const locked = await rejectionOf(assessed(round2024, 1, 1_000_000, []));
    expect(locked.code).toBe(status.FAILED_PRECONDITION);
    expect(locked.message).toContain('locked');
    const again = await rejectionOf(
      review.call(
        'recognizeRound',
        { roundId: round2024, decisionNumber: 'x', decidedOn: day('2024-09-30'), signer: 'x' },
        { metadata: approver },
      ),
    );
    expect(again.code).toBe(status.FAILED_PRECONDITION);
    const { rows } = await h.app.pool.query(
      `SELECT household_id, classification, standard_code FROM household_classification
        WHERE round_id = $1 AND year = 2024 ORDER BY classification`,
      [round2024],
    );
    expect(rows.map((r) => r.classification).sort()).toEqual([
      'near_poor',
      'not_poor',
      'poor',
      'poor',
    ]);
    expect(rows.every((r) => r.standard_code === '2022-2025')).toBe(true);
    const events = await classifiedEvents(h, round2024);
    expect(events).toHaveLength(4);
    expect(events.find((e) => e.householdId === id(0))).toMatchObject({
      communeCode: COMMUNE,
      year: 2024,
      classification: 'poor',
      previousClassification: '',
    });
  });
});
