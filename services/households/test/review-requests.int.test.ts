import { status } from '@grpc/grpc-js';
import type { GrpcClient } from '@posa/platform';
import {
  ReviewRequestForm,
  ReviewRequestStatus,
  ReviewRoundKind,
  type Household,
  type ReviewRoundServiceService,
} from '@posa/proto';
import { rejectionOf, startHarness, type Harness } from './harness';
import {
  COMMUNE,
  createHousehold,
  day,
  form01,
  OTHER_COMMUNE,
  reviewClient,
  type Meta,
} from './review-support';

/**
 * Form 04 requests: the request list, and the commune chair's written refusal of a pending
 * request (văn bản từ chối), after which no monthly round lists it.
 */
const today = '2026-10-05';
let h: Harness;
let review: GrpcClient<ReviewRoundServiceService>;
let officer: Meta;
let approver: Meta;
let otherApprover: Meta;
let provinceAnalyst: Meta;
let foreignAnalyst: Meta;
let refused: Household;
let listed: Household;
let refusedId = '';
let listedId = '';

const FORM_04 = ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04;
const refusal = (requestId: string) => ({
  requestId,
  documentNumber: '15/UBND',
  refusedOn: day('2026-10-05'),
  reason: 'Hộ đã được rà soát trong tháng 9, thu nhập không thay đổi.',
  signer: 'Chủ tịch UBND phường',
});

beforeAll(async () => {
  h = await startHarness('review_requests', { today: () => today });
  review = reviewClient(h);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  otherApprover = await h.signIn('approver8', OTHER_COMMUNE, ['approver']);
  provinceAnalyst = await h.signIn('analyst', '01', ['analyst']);
  foreignAnalyst = await h.signIn('foreign', '79', ['analyst']);
  refused = await createHousehold(h, officer);
  listed = await createHousehold(h, officer);
  refusedId = (await form01(review, officer, refused.id, FORM_04)).requestId;
  listedId = (await form01(review, officer, listed.id, FORM_04)).requestId;
});

afterAll(async () => {
  review?.close();
  await h?.close();
});

describe('the request list', () => {
  it('shows pending requests to the commune and the units above, not to others', async () => {
    const mine = await review.call(
      'listReviewRequests',
      { unitCode: COMMUNE, year: 2026, status: ReviewRequestStatus.REVIEW_REQUEST_STATUS_PENDING },
      { metadata: officer },
    );
    expect(mine.requests.map((r) => r.householdCode).sort()).toEqual(
      [refused.code, listed.code].sort(),
    );
    const above = await review.call(
      'listReviewRequests',
      { unitCode: '01', year: 0, status: 0 },
      { metadata: provinceAnalyst },
    );
    expect(above.requests).toHaveLength(2);
    const foreign = await rejectionOf(
      review.call(
        'listReviewRequests',
        { unitCode: COMMUNE, year: 0, status: 0 },
        { metadata: foreignAnalyst },
      ),
    );
    expect(foreign.code).toBe(status.PERMISSION_DENIED);
  });

  it('pages with a token bound to its filter', async () => {
    const first = await review.call(
      'listReviewRequests',
      { unitCode: COMMUNE, year: 0, status: 0, page: { pageSize: 1, pageToken: '' } },
      { metadata: officer },
    );
    expect(first.requests).toHaveLength(1);
    const second = await review.call(
      'listReviewRequests',
      {
        unitCode: COMMUNE,
        year: 0,
        status: 0,
        page: { pageSize: 1, pageToken: first.page!.nextPageToken },
      },
      { metadata: officer },
    );
    expect(second.requests[0]!.id).not.toBe(first.requests[0]!.id);
    const misused = await rejectionOf(
      review.call(
        'listReviewRequests',
        {
          unitCode: COMMUNE,
          year: 2026,
          status: 0,
          page: { pageSize: 1, pageToken: first.page!.nextPageToken },
        },
        { metadata: officer },
      ),
    );
    expect(misused.code).toBe(status.INVALID_ARGUMENT);
  });
});

describe('a written refusal', () => {
  it('is refused to officers, to approvers of another commune, and without reasons', async () => {
    const byOfficer = await rejectionOf(
      review.call('refuseReviewRequest', refusal(refusedId), { metadata: officer }),
    );
    expect(byOfficer.code).toBe(status.PERMISSION_DENIED);
    const foreign = await rejectionOf(
      review.call('refuseReviewRequest', refusal(refusedId), { metadata: otherApprover }),
    );
    expect(foreign.code).toBe(status.NOT_FOUND);
    const noReason = await rejectionOf(
      review.call(
        'refuseReviewRequest',
        { ...refusal(refusedId), reason: '  ' },
        { metadata: approver },
      ),
    );
    expect([noReason.code, noReason.message]).toEqual([
      status.INVALID_ARGUMENT,
      expect.stringContaining('reason'),
    ]);
    const early = await rejectionOf(
      review.call(
        'refuseReviewRequest',
        { ...refusal(refusedId), refusedOn: day('2026-10-01') },
        { metadata: approver },
      ),
    );
    expect([early.code, early.message]).toEqual([
      status.INVALID_ARGUMENT,
      expect.stringContaining('refused_on'),
    ]);
  });

  it('records the letter, and the monthly round lists only the other request', async () => {
    const done = await review.call('refuseReviewRequest', refusal(refusedId), {
      metadata: approver,
    });
    expect(done.request!.status).toBe(ReviewRequestStatus.REVIEW_REQUEST_STATUS_REFUSED);
    expect(done.request!.refusal).toEqual({
      documentNumber: '15/UBND',
      refusedOn: day('2026-10-05'),
      reason: 'Hộ đã được rà soát trong tháng 9, thu nhập không thay đổi.',
      signer: 'Chủ tịch UBND phường',
    });
    const again = await rejectionOf(
      review.call('refuseReviewRequest', refusal(refusedId), { metadata: approver }),
    );
    expect([again.code, again.message]).toEqual([
      status.FAILED_PRECONDITION,
      expect.stringContaining('already refused'),
    ]);

    const opened = await review.call(
      'openRound',
      { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY },
      { metadata: officer },
    );
    expect(opened.households.map((x) => x.householdId)).toEqual([listed.id]);

    const inRound = await rejectionOf(
      review.call('refuseReviewRequest', refusal(listedId), { metadata: approver }),
    );
    expect([inRound.code, inRound.message]).toEqual([
      status.FAILED_PRECONDITION,
      expect.stringContaining(`listed in round ${opened.round!.id}`),
    ]);
    const statuses = await review.call(
      'listReviewRequests',
      { unitCode: COMMUNE, year: 2026, status: 0 },
      { metadata: officer },
    );
    expect(
      Object.fromEntries(statuses.requests.map((r) => [r.householdId, [r.status, r.roundId]])),
    ).toEqual({
      [refused.id]: [ReviewRequestStatus.REVIEW_REQUEST_STATUS_REFUSED, ''],
      [listed.id]: [ReviewRequestStatus.REVIEW_REQUEST_STATUS_IN_ROUND, opened.round!.id],
    });
  });
});
