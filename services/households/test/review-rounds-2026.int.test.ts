import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  HouseholdSearchServiceClient,
  ReviewChangeKind,
  ReviewListingSource,
  ReviewRoundKind,
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
  recognisedRound,
  reviewClient,
  type Meta,
  type ReviewCtx,
} from './review-support';

/**
 * A 2026 periodic round decided by the commune approver alone, listing the households
 * recognised poor or near-poor by the 2025 round, with its change list against 2025.
 */
let today = '2025-09-08';
let h: Harness;
let review: GrpcClient<ReviewRoundServiceService>;
let officer: Meta;
let approver: Meta;
let districtApprover: Meta;
const hh: Household[] = [];

const ctx = (): ReviewCtx => ({
  h,
  review,
  officer,
  approver,
  setToday: (iso) => {
    today = iso;
  },
});

const id = (i: number) => hh[i]!.id;
const assessed = (roundId: string, i: number, income: number, deprived: string[]) =>
  assess(ctx(), roundId, id(i), income, deprived);

beforeAll(async () => {
  h = await startHarness('review_2026', { today: () => today });
  review = reviewClient(h);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  districtApprover = await h.signIn('district', '001', ['approver']);
  for (let i = 0; i < 4; i++) hh.push(await createHousehold(h, officer));
  const deprived = ['nutrition', 'housing_area', 'telecom_use'];
  await recognisedRound(ctx(), '2025-09-08', [
    [id(0), 1_200_000, deprived],
    [id(1), 1_800_000, ['nutrition']],
    [id(2), 3_500_000, []],
    [id(3), 1_000_000, deprived],
  ]);
});

afterAll(async () => {
  review?.close();
  await h?.close();
});

describe('search by the recognised classification of a year', () => {
  it('finds the households recognised poor or near-poor in 2025', async () => {
    const search = createGrpcClient(
      HouseholdSearchServiceClient,
      `127.0.0.1:${h.addresses.grpcPort}`,
    );
    try {
      const codesOf = async (classifications: string[]) => {
        const res = await search.call(
          'searchHouseholds',
          {
            query: {
              name: '',
              citizenId: '',
              householdCode: '',
              householdCodePrefix: `${COMMUNE}-`,
            },
            filter: {
              unitCode: COMMUNE,
              status: 0,
              classificationYear: 2025,
              classifications,
              includeDeceased: false,
            },
            page: { pageSize: 100, pageToken: '' },
          },
          { metadata: officer },
        );
        return res.households.map((x) => x.householdCode).sort();
      };
      expect(await codesOf(['poor'])).toEqual([hh[0]!.code, hh[3]!.code].sort());
      expect(await codesOf(['near_poor'])).toEqual([hh[1]!.code]);
      expect(await codesOf([])).toEqual(hh.map((x) => x.code).sort());
    } finally {
      search.close();
    }
  });
});

describe('2026 periodic round: the commune chair alone', () => {
  let roundId = '';

  it('lists the current poor and near-poor households and form 01 requests', async () => {
    today = '2026-09-14';
    await form01(review, officer, id(2));
    const opened = await review.call(
      'openRound',
      { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
      { metadata: officer },
    );
    roundId = opened.round!.id;
    expect(opened.round).toMatchObject({
      procedureCode: 'two-tier-2025',
      needsDistrictOpinion: false,
    });
    const source = new Map(opened.households.map((x) => [x.householdId, x.source]));
    expect(source.get(id(0))).toBe(ReviewListingSource.REVIEW_LISTING_SOURCE_CURRENT_LIST);
    expect(source.get(id(1))).toBe(ReviewListingSource.REVIEW_LISTING_SOURCE_CURRENT_LIST);
    expect(source.get(id(3))).toBe(ReviewListingSource.REVIEW_LISTING_SOURCE_CURRENT_LIST);
    expect(source.get(id(2))).toBe(ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_01);
  });

  it('computes the change list against the 2025 classifications', async () => {
    await assessed(roundId, 0, 1_800_000, ['nutrition']); // poor → near-poor
    await assessed(roundId, 1, 900_000, ['nutrition', 'housing_area', 'telecom_use']); // → poor
    await assessed(roundId, 2, 1_900_000, []); // not poor → near-poor
    await assessed(roundId, 3, 2_500_000, []); // poor → out
    const res = await review.call('computeResults', { roundId }, { metadata: approver });
    const kinds = new Map(res.changes.map((c) => [c.householdId, c.kind]));
    expect(kinds.get(id(0))).toBe(ReviewChangeKind.REVIEW_CHANGE_KIND_POOR_TO_NEAR_POOR);
    expect(kinds.get(id(1))).toBe(ReviewChangeKind.REVIEW_CHANGE_KIND_NEAR_POOR_TO_POOR);
    expect(kinds.get(id(2))).toBe(ReviewChangeKind.REVIEW_CHANGE_KIND_NEW_NEAR_POOR);
    expect(kinds.get(id(3))).toBe(ReviewChangeKind.REVIEW_CHANGE_KIND_OUT_OF_POVERTY);
    expect(res.unassessedHouseholdIds).toEqual([]);
  });

  it('has no district step and is decided by the commune approver', async () => {
    await meetAndPost(ctx(), roundId, '2026-09-24', '2026-09-25', '2026-09-29');
    today = '2026-10-01';
    const opinion = await rejectionOf(
      review.call(
        'recordDistrictOpinion',
        { roundId, givenOn: day(today), documentNumber: '1', opinion: 'ok' },
        { metadata: districtApprover },
      ),
    );
    expect(opinion.code).toBe(status.FAILED_PRECONDITION);
    const done = await review.call(
      'recognizeRound',
      {
        roundId,
        decisionNumber: '17/QĐ-UBND',
        decidedOn: day(today),
        signer: 'Chủ tịch UBND phường',
      },
      { metadata: approver },
    );
    expect(done.classifiedCount).toBe(4);
    const { rows } = await h.app.pool.query(
      `SELECT year, classification FROM household_classification WHERE household_id = $1 ORDER BY year`,
      [id(0)],
    );
    expect(rows).toEqual([
      { year: 2025, classification: 'poor' },
      { year: 2026, classification: 'near_poor' },
    ]);
    const dup = await rejectionOf(
      h.app.pool.query(
        `INSERT INTO household_classification (household_id, year, classification, standard_code,
           round_id, decided_on) VALUES ($1, 2026, 'poor', '2022-2025', $2, '2026-10-01')`,
        [id(0), roundId],
      ),
    );
    expect((dup as Error & { code?: string }).code).toBe('23505');
    const event = (await classifiedEvents(h, roundId)).find((e) => e.householdId === id(0));
    expect(event).toMatchObject({
      year: 2026,
      classification: 'near_poor',
      previousClassification: 'poor',
    });
  });
});

describe('the list of rounds', () => {
  it('pages newest first with a token bound to its filter', async () => {
    const filter = { unitCode: COMMUNE, year: 0, status: 0, overdueOnly: false };
    const first = await review.call(
      'listRounds',
      { ...filter, page: { pageSize: 1, pageToken: '' } },
      { metadata: officer },
    );
    expect(first.rounds.map((r) => r.year)).toEqual([2026]);
    const token = first.page!.nextPageToken;
    expect(token).not.toBe('');
    const second = await review.call(
      'listRounds',
      { ...filter, page: { pageSize: 1, pageToken: token } },
      { metadata: officer },
    );
    expect(second.rounds.map((r) => r.year)).toEqual([2025]);
    expect(second.page!.nextPageToken).toBe('');
    const all = await review.call('listRounds', filter, { metadata: officer });
    expect(all.rounds.map((r) => r.year)).toEqual([2026, 2025]);

    const otherFilter = await rejectionOf(
      review.call(
        'listRounds',
        { ...filter, year: 2025, page: { pageSize: 1, pageToken: token } },
        { metadata: officer },
      ),
    );
    expect(otherFilter.code).toBe(status.INVALID_ARGUMENT);
    expect(otherFilter.message).toContain('page.page_token');
  });
});
