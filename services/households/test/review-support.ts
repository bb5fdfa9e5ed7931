/** What the review round integration tests share: a client, households, dated step calls. */
import { addCalendarDays, createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  Area,
  HouseholdClassified,
  ReviewRequestForm,
  ReviewRoundKind,
  ReviewRoundServiceClient,
  Sex,
  type CalendarDate,
  type Household,
  type ReviewRoundServiceService,
} from '@posa/proto';
import type { Harness } from './harness';

export const COMMUNE = '00004'; // Phường Ba Đình (2025); 2024 predecessors in districts 001–003
export const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà; 2024 predecessors in districts 001, 005
export const VILLAGE = 'TDP-01';

export type Meta = Record<string, string>;

export function reviewClient(h: Harness): GrpcClient<ReviewRoundServiceService> {
  return createGrpcClient(ReviewRoundServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
}

export const day = (iso: string): CalendarDate => {
  const [year, month, dayOfMonth] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: dayOfMonth };
};

export const vnd = (amount: number) => ({ vnd: String(amount) });

let serial = 0;

/** An urban household of the commune (poverty line 2,000,000 under 2022-2025). */
export async function createHousehold(h: Harness, officer: Meta, commune = COMMUNE) {
  serial++;
  const res = await h.households.call(
    'createHousehold',
    {
      communeCode: commune,
      villageCode: VILLAGE,
      streetAddress: `${serial} Phố Đội Cấn`,
      area: Area.AREA_URBAN,
      members: [
        {
          fullName: `Trần Văn ${['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Khánh'][serial % 6]}`,
          dateOfBirth: { year: 1960 + serial, month: 1 + (serial % 12), day: 1 + serial },
          sex: Sex.SEX_MALE,
          ethnicGroupCode: '01',
          citizenId: '',
          relation: 'head',
        },
      ],
      reason: 'đăng ký hộ',
    },
    { metadata: officer },
  );
  return res.household as Household;
}

export function form01(
  review: GrpcClient<ReviewRoundServiceService>,
  officer: Meta,
  householdId: string,
  form = ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_01,
) {
  return review.call(
    'recordReviewRequest',
    { householdId, form, note: 'hộ tự đề nghị' },
    { metadata: officer },
  );
}

/** A test's view of the running service, with its adjustable clock. */
export interface ReviewCtx {
  h: Harness;
  review: GrpcClient<ReviewRoundServiceService>;
  officer: Meta;
  approver: Meta;
  setToday(iso: string): void;
}

export async function assess(
  c: ReviewCtx,
  roundId: string,
  householdId: string,
  income: number,
  deprived: string[],
) {
  const res = await c.review.call(
    'recordAssessment',
    { roundId, householdId, incomePerPerson: vnd(income), deprivedIndicatorCodes: deprived },
    { metadata: c.officer },
  );
  return res.household!.assessment!;
}

/** An agreed meeting in the village (5 of 10) on `meetOn`, then posting from `from` to `to`. */
export async function meetAndPost(
  c: ReviewCtx,
  roundId: string,
  meetOn: string,
  from: string,
  to: string,
) {
  c.setToday(meetOn);
  await c.review.call(
    'recordVillageMeeting',
    { roundId, villageCode: VILLAGE, heldOn: day(meetOn), attendees: 10, agreedCount: 5 },
    { metadata: c.officer },
  );
  c.setToday(from);
  return c.review.call(
    'recordPublicPosting',
    { roundId, postedFrom: day(from), postedTo: day(to) },
    { metadata: c.officer },
  );
}

/** HouseholdClassified payloads of a round in the outbox. */
export async function classifiedEvents(h: Harness, roundId: string) {
  const { rows } = await h.app.pool.query<{ payload: Buffer }>(
    `SELECT payload FROM posa_outbox WHERE event_type = $1 ORDER BY seq`,
    ['com.posa.households.household-classified.v1'],
  );
  return rows
    .map((r) => HouseholdClassified.decode(r.payload))
    .filter((e) => e.roundId === roundId);
}

/**
 * A whole periodic round after 2025-07-01 (commune chair alone) opened on `openOn` (Sep–Dec),
 * with explicit additions and assessments, recognised a week later. Returns the round id.
 */
export async function recognisedRound(
  c: ReviewCtx,
  openOn: string,
  assessments: Array<[householdId: string, income: number, deprived: string[]]>,
): Promise<string> {
  c.setToday(openOn);
  const opened = await c.review.call(
    'openRound',
    { communeCode: COMMUNE, kind: ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC },
    { metadata: c.officer },
  );
  const roundId = opened.round!.id;
  const listed = new Set(opened.households.map((x) => x.householdId));
  for (const [householdId, income, deprived] of assessments) {
    if (!listed.has(householdId)) {
      await c.review.call(
        'addHouseholdToRound',
        { roundId, householdId, reason: 'rà soát' },
        { metadata: c.officer },
      );
    }
    await assess(c, roundId, householdId, income, deprived);
  }
  // A Monday open: meeting Tuesday, posting Wednesday to Friday, decision the next Monday.
  await meetAndPost(
    c,
    roundId,
    addCalendarDays(openOn, 1),
    addCalendarDays(openOn, 2),
    addCalendarDays(openOn, 4),
  );
  c.setToday(addCalendarDays(openOn, 7));
  await c.review.call(
    'recognizeRound',
    {
      roundId,
      decisionNumber: '1/QĐ-UBND',
      decidedOn: day(addCalendarDays(openOn, 7)),
      signer: 'Chủ tịch',
    },
    { metadata: c.approver },
  );
  return roundId;
}
