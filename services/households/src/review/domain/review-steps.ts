/**
 * The order of the review steps, as checks on a round's state. Each throws
 * FAILED_PRECONDITION naming the missing step, or INVALID_ARGUMENT naming the field.
 * Steps: list → assess → village meeting(s) → public posting → [district opinion] → decision.
 */
import {
  FailedPreconditionError,
  InvalidArgumentError,
  PUBLIC_HOLIDAY_DAYS,
  workingDaysBetween,
} from '@posa/platform';
import { meetingAgrees } from './review-meeting';
import type { ReviewProcedure } from './review-procedure';
import type { ReviewRound, RoundState, VillageMeeting } from './review-round';

/** A recognised round is locked: nothing changes any more. */
export function assertNotLocked(round: ReviewRound): void {
  if (round.status === 'recognized') {
    throw new FailedPreconditionError(
      `round ${round.id} is recognised (decision ${round.decision?.number ?? ''}) and locked`,
    );
  }
}

/** The list, assessments and meetings change only before the results are posted. */
export function assertListingOpen(round: ReviewRound): void {
  assertNotLocked(round);
  if (round.status !== 'open') {
    throw new FailedPreconditionError(
      `round ${round.id}: the results are already posted; the list, assessments and meetings can no longer change`,
    );
  }
}

/** A date of a step: not before the round started, not after today. */
export function assertStepDate(round: ReviewRound, date: string, field: string, today: string) {
  if (date < round.startedOn) {
    throw new InvalidArgumentError(field, `is before the round started (${round.startedOn})`);
  }
  if (date > today) throw new InvalidArgumentError(field, `is after today (${today})`);
}

/** Every listed household assessed, and at least one listed. */
export function assertAllAssessed(state: RoundState): void {
  if (state.households.length === 0) {
    throw new FailedPreconditionError(`round ${state.round.id}: no household is listed yet`);
  }
  const missing = state.households.find((h) => h.assessment === null);
  if (missing !== undefined) {
    throw new FailedPreconditionError(
      `round ${state.round.id}: household ${missing.householdCode} is not assessed yet`,
    );
  }
}

/** The meeting must reach the agreement threshold (exactly the threshold passes). */
export function assertMeetingAgreed(meeting: VillageMeeting, procedure: ReviewProcedure): void {
  if (meeting.agreed > meeting.attendees) {
    throw new InvalidArgumentError('agreed_count', 'is more than the attendees');
  }
  if (!meetingAgrees(meeting.attendees, meeting.agreed, procedure.meetingMinAgreementPercent)) {
    throw new FailedPreconditionError(
      `agreed_count: ${meeting.agreed} of ${meeting.attendees} attendees is below the ` +
        `${procedure.meetingMinAgreementPercent} % needed; the meeting did not agree the results`,
    );
  }
}

/** Villages of the listed households that have no agreed meeting yet. */
export function villagesWithoutMeeting(state: RoundState): string[] {
  const met = new Set(state.meetings.map((m) => m.villageCode));
  const villages = new Set(
    state.households.map((h) => h.villageCode).filter((v): v is string => v !== null),
  );
  return [...villages].filter((v) => !met.has(v)).sort();
}

/** Posting needs every household assessed and every village's meeting, then N working days. */
export function assertPostingAllowed(
  state: RoundState,
  procedure: ReviewProcedure,
  from: string,
  to: string,
): void {
  assertListingOpen(state.round);
  assertAllAssessed(state);
  if (state.meetings.length === 0) {
    throw new FailedPreconditionError(`round ${state.round.id}: no village meeting is recorded`);
  }
  const missing = villagesWithoutMeeting(state);
  if (missing.length > 0) {
    throw new FailedPreconditionError(
      `round ${state.round.id}: no village meeting for village ${missing.join(', ')}`,
    );
  }
  const lastMeeting = state.meetings.map((m) => m.heldOn).sort()[state.meetings.length - 1]!;
  if (from < lastMeeting) {
    throw new InvalidArgumentError('posted_from', `is before the last meeting (${lastMeeting})`);
  }
  if (to < from) throw new InvalidArgumentError('posted_to', 'is before posted_from');
  const days = workingDaysBetween(from, to, PUBLIC_HOLIDAY_DAYS);
  if (days < procedure.postingMinWorkingDays) {
    throw new InvalidArgumentError(
      'posted_to',
      `the posting lasts ${days} working days (public holidays excluded); at least ` +
        `${procedure.postingMinWorkingDays} are needed`,
    );
  }
}

/** Step done after the posting: the round is posted and the date is after the posting. */
function assertAfterPosting(round: ReviewRound, date: string, field: string): void {
  assertNotLocked(round);
  if (round.status !== 'posted' || round.postedTo === null) {
    throw new FailedPreconditionError(
      `round ${round.id}: the results are not publicly posted yet (RecordPublicPosting)`,
    );
  }
  if (date <= round.postedTo) {
    throw new InvalidArgumentError(field, `must be after the posting ends (${round.postedTo})`);
  }
}

export function assertOpinionAllowed(
  round: ReviewRound,
  procedure: ReviewProcedure,
  givenOn: string,
): void {
  if (!procedure.needsDistrictOpinion) {
    throw new FailedPreconditionError(
      `round ${round.id} follows procedure ${procedure.code}: the commune chair decides alone, ` +
        'there is no district opinion step',
    );
  }
  assertAfterPosting(round, givenOn, 'given_on');
  if (round.districtOpinion !== null) {
    throw new FailedPreconditionError(
      `round ${round.id}: the district opinion is already recorded`,
    );
  }
}

export function assertDecisionAllowed(
  round: ReviewRound,
  procedure: ReviewProcedure,
  decidedOn: string,
): void {
  assertAfterPosting(round, decidedOn, 'decided_on');
  if (procedure.needsDistrictOpinion) {
    if (round.districtOpinion === null) {
      throw new FailedPreconditionError(
        `round ${round.id} follows procedure ${procedure.code}: the district chair's opinion ` +
          'is needed first (RecordDistrictOpinion)',
      );
    }
    if (decidedOn < round.districtOpinion.givenOn) {
      throw new InvalidArgumentError(
        'decided_on',
        `is before the district opinion (${round.districtOpinion.givenOn})`,
      );
    }
  }
}
