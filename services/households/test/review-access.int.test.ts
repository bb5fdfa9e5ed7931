import { status } from '@grpc/grpc-js';
import type { GrpcClient } from '@posa/platform';
import {
  ReviewListingSource,
  ReviewRequestForm,
  ReviewRoundKind,
  ReviewRoundStatus,
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
  vnd,
  type Meta,
} from './review-support';

/** Who may read and write a round, and monthly rounds with their deadline. */
let today = '2026-10-01';
let h: Harness;
let review: GrpcClient<ReviewRoundServiceService>;
let officer: Meta;
let otherOfficer: Meta;
let provinceAnalyst: Meta;
let foreignAnalyst: Meta;
let otherApprover: Meta;
let household: Household;
let roundId = '';

beforeAll(async () => {
  h = await startHarness('review_access', { today: () => today });
  review = reviewClient(h);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  provinceAnalyst = await h.signIn('analyst', '01', ['analyst']);
  foreignAnalyst = await h.signIn('foreign', '79', ['analyst']);
  otherApprover = await h.signIn('approver8', OTHER_COMMUNE, ['approver']);
  household = await createHousehold(h, officer);
});

afterAll(async () => {
  review?.close();
  await h?.close();
});

const monthly = { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY };

describe('monthly rounds (form 04)', () => {
  it('needs a pending form 04 request', async () => {
    const none = await rejectionOf(review.call('openRound', monthly, { metadata: officer }));
    expect(none.code).toBe(status.FAILED_PRECONDITION);
    expect(none.message).toContain('form 04');
  });

  it('opens on a form 04 request with a deadline 15 days after the start', async () => {
    const req = await form01(
      review,
      officer,
      household.id,
      ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04,
    );
    expect(req.year).toBe(2026);
    const opened = await review.call('openRound', monthly, { metadata: officer });
    roundId = opened.round!.id;
    expect(opened.round!.deadline).toEqual(day('2026-10-16'));
    expect(opened.round!.overdue).toBe(false);
    expect(opened.households.map((x) => [x.householdId, x.source])).toEqual([
      [household.id, ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_04],
    ]);
  });

  it('flags the round overdue in list results once the deadline passed', async () => {
    today = '2026-10-16';
    const onTime = await review.call(
      'listRounds',
      { unitCode: COMMUNE, year: 2026, status: 0, overdueOnly: true },
      { metadata: officer },
    );
    expect(onTime.rounds).toEqual([]);
    today = '2026-10-17';
    const late = await review.call(
      'listRounds',
      { unitCode: COMMUNE, year: 2026, status: 0, overdueOnly: true },
      { metadata: officer },
    );
    expect(late.rounds.map((r) => [r.id, r.overdue])).toEqual([[roundId, true]]);
  });
});

describe('jurisdiction', () => {
  it('lets units above read and hides the round from others', async () => {
    const seen = await review.call('getRound', { id: roundId }, { metadata: provinceAnalyst });
    expect(seen.round!.communeCode).toBe(COMMUNE);
    const listed = await review.call(
      'listRounds',
      {
        unitCode: '01',
        year: 0,
        status: ReviewRoundStatus.REVIEW_ROUND_STATUS_OPEN,
        overdueOnly: false,
      },
      { metadata: provinceAnalyst },
    );
    expect(listed.rounds.map((r) => r.id)).toEqual([roundId]);
    for (const who of [otherOfficer, foreignAnalyst, otherApprover]) {
      const hidden = await rejectionOf(review.call('getRound', { id: roundId }, { metadata: who }));
      expect(hidden.code).toBe(status.NOT_FOUND);
    }
    const far = await rejectionOf(
      review.call(
        'listRounds',
        { unitCode: COMMUNE, year: 0, status: 0, overdueOnly: false },
        { metadata: foreignAnalyst },
      ),
    );
    expect(far.code).toBe(status.PERMISSION_DENIED);
  });

  it('lets only officers of the commune record steps', async () => {
    const assessment = {
      roundId,
      householdId: household.id,
      incomePerPerson: vnd(1_000_000),
      deprivedIndicatorCodes: [],
    };
    for (const who of [otherOfficer, provinceAnalyst]) {
      const denied = await rejectionOf(
        review.call('recordAssessment', assessment, { metadata: who }),
      );
      expect(denied.code).toBe(status.PERMISSION_DENIED);
    }
    const open = await rejectionOf(
      review.call(
        'openRound',
        { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
        { metadata: otherOfficer },
      ),
    );
    expect(open.code).toBe(status.PERMISSION_DENIED);
    const request = await rejectionOf(form01(review, otherOfficer, household.id));
    expect(request.code).toBe(status.PERMISSION_DENIED);
    const decide = await rejectionOf(
      review.call(
        'recognizeRound',
        { roundId, decisionNumber: '1', decidedOn: day(today), signer: 'x' },
        { metadata: otherApprover },
      ),
    );
    expect(decide.code).toBe(status.PERMISSION_DENIED);
    const res = await review.call('recordAssessment', assessment, { metadata: officer });
    expect(res.household!.assessment).toBeDefined();
  });

  it('names the field of bad input', async () => {
    const kind = await rejectionOf(
      review.call('openRound', { communeCode: COMMUNE, kind: 0 }, { metadata: officer }),
    );
    expect(kind.code).toBe(status.INVALID_ARGUMENT);
    expect(kind.message).toContain('kind');
    const commune = await rejectionOf(
      review.call('openRound', { ...monthly, communeCode: '99999' }, { metadata: officer }),
    );
    expect(commune.message).toContain('commune_code');
    const income = await rejectionOf(
      review.call(
        'recordAssessment',
        { roundId, householdId: household.id, deprivedIndicatorCodes: [] },
        { metadata: officer },
      ),
    );
    expect(income.code).toBe(status.INVALID_ARGUMENT);
    expect(income.message).toContain('income_per_person');
    const meeting = await rejectionOf(
      review.call(
        'recordVillageMeeting',
        { roundId, villageCode: 'TDP-01', heldOn: day(today), attendees: 3, agreedCount: 4 },
        { metadata: officer },
      ),
    );
    expect(meeting.code).toBe(status.INVALID_ARGUMENT);
    expect(meeting.message).toContain('agreed_count');
    const posting = await rejectionOf(
      review.call(
        'recordPublicPosting',
        { roundId, postedFrom: day(today), postedTo: day(today) },
        { metadata: officer },
      ),
    );
    expect(posting.code).toBe(status.FAILED_PRECONDITION);
    expect(posting.message).toContain('no village meeting');
  });
});

describe('nothing half written', () => {
  it('refuses a recognition that would classify a household twice in a year, writing nothing', async () => {
    today = '2026-10-19';
    const approver = await h.signIn('approver', COMMUNE, ['approver']);
    const other = await createHousehold(h, officer);
    const periodic = await review.call(
      'openRound',
      { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
      { metadata: officer },
    );
    const periodicId = periodic.round!.id;
    for (const x of [household.id, other.id]) {
      await review.call(
        'addHouseholdToRound',
        { roundId: periodicId, householdId: x, reason: 'rà soát cùng đợt' },
        { metadata: officer },
      );
      await review.call(
        'recordAssessment',
        {
          roundId: periodicId,
          householdId: x,
          incomePerPerson: vnd(3_000_000),
          deprivedIndicatorCodes: [],
        },
        { metadata: officer },
      );
    }
    for (const id of [roundId, periodicId]) {
      await review.call(
        'recordVillageMeeting',
        {
          roundId: id,
          villageCode: 'TDP-01',
          heldOn: day('2026-10-19'),
          attendees: 2,
          agreedCount: 1,
        },
        { metadata: officer },
      );
      await review.call(
        'recordPublicPosting',
        { roundId: id, postedFrom: day('2026-10-19'), postedTo: day('2026-10-21') },
        { metadata: officer },
      );
    }
    today = '2026-10-22';
    const decision = {
      decisionNumber: '9/QĐ-UBND',
      decidedOn: day(today),
      signer: 'Chủ tịch UBND',
    };
    const first = await review.call(
      'recognizeRound',
      { ...decision, roundId },
      { metadata: approver },
    );
    expect(first.round!.overdue).toBe(true); // decided after its deadline of 2026-10-16
    const clash = await rejectionOf(
      review.call('recognizeRound', { ...decision, roundId: periodicId }, { metadata: approver }),
    );
    expect(clash.code).toBe(status.FAILED_PRECONDITION);
    expect(clash.message).toContain('already has its classification for 2026');
    const rows = await h.app.pool.query(
      'SELECT 1 FROM household_classification WHERE round_id = $1',
      [periodicId],
    );
    expect(rows.rowCount).toBe(0);
    const after = await review.call('getRound', { id: periodicId }, { metadata: officer });
    expect(after.round!.status).toBe(ReviewRoundStatus.REVIEW_ROUND_STATUS_POSTED);
    expect(after.round!.decision).toBeUndefined();
  });
});
