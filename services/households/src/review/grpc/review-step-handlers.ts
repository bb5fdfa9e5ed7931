/** RecordAssessment, RecordVillageMeeting and RecordPublicPosting: commune officers' steps. */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { FailedPreconditionError, InvalidArgumentError, type CallContext } from '@posa/platform';
import type {
  RecordAssessmentRequest,
  RecordAssessmentResponse,
  RecordPublicPostingRequest,
  RecordPublicPostingResponse,
  RecordVillageMeetingRequest,
  RecordVillageMeetingResponse,
} from '@posa/proto';
import { classify, ClassifyInputError } from '../../domain/classify';
import { ruleOf } from '../../domain/standard';
import { moneyFromProto } from '../../grpc/standard-mapping';
import { loadStandards } from '../../store/standard-store';
import type { ReviewRound, RoundState } from '../domain/review-round';
import {
  assertAllAssessed,
  assertListingOpen,
  assertMeetingAgreed,
  assertPostingAllowed,
  assertStepDate,
} from '../domain/review-steps';
import { upsertAssessment, upsertMeeting } from '../store/assessment-store';
import { findHouseholdBrief } from '../store/listing-store';
import { procedureByCode } from '../store/procedure-store';
import { findRound, updateRoundSteps } from '../store/round-store';
import { officerRound } from './review-access';
import { loadState, roundMessage, type ReviewDeps } from './review-deps';
import { listedToProto, requiredDate, textOf } from './review-mapping';

/** Runs `fn` on the locked round of the officer's commune, in one transaction. */
export function withOfficerRound<T>(
  pool: pg.Pool,
  ctx: CallContext,
  roundId: string,
  fn: (client: pg.PoolClient, state: RoundState) => Promise<T>,
): Promise<T> {
  const principal = principalOf(ctx);
  return withTransaction(pool, async (client) => {
    const round: ReviewRound = officerRound(
      principal,
      roundId,
      await findRound(client, roundId, true),
    );
    return fn(client, await loadState(client, round));
  });
}

export function reviewStepHandlers(deps: ReviewDeps) {
  const { pool, today } = deps;
  return {
    async recordAssessment(
      request: RecordAssessmentRequest,
      ctx: CallContext,
    ): Promise<RecordAssessmentResponse> {
      if (request.incomePerPerson === undefined) {
        throw new InvalidArgumentError('income_per_person', 'is required');
      }
      const income = moneyFromProto(request.incomePerPerson, 'income_per_person');
      const userId = principalOf(ctx).userId;
      return withOfficerRound(pool, ctx, request.roundId, async (client, state) => {
        assertListingOpen(state.round);
        const listed = state.households.find((h) => h.householdId === request.householdId);
        if (listed === undefined) {
          throw new FailedPreconditionError(
            `household ${request.householdId} is not on the round's list (AddHouseholdToRound)`,
          );
        }
        const household = (await findHouseholdBrief(client, listed.householdId))!;
        const standard = (await loadStandards(pool)).find(
          (s) => s.code === state.round.standardCode,
        )!;
        let result;
        try {
          result = classify({
            standard,
            rule: ruleOf(standard, household.area),
            incomePerPerson: income,
            deprivedIndicatorCodes: request.deprivedIndicatorCodes,
          });
        } catch (err) {
          if (err instanceof ClassifyInputError) {
            throw new InvalidArgumentError(err.field, err.reason);
          }
          throw err;
        }
        const assessment = {
          incomePerPerson: income,
          deprived: result.deprived,
          classification: result.classification,
          rule: result.rule,
          standardCode: standard.code,
        };
        await upsertAssessment(client, state.round.id, listed.householdId, assessment, userId);
        return { household: listedToProto({ ...listed, assessment }) };
      });
    },

    async recordVillageMeeting(
      request: RecordVillageMeetingRequest,
      ctx: CallContext,
    ): Promise<RecordVillageMeetingResponse> {
      const villageCode = textOf(request.villageCode, 'village_code', 50);
      const heldOn = requiredDate(request.heldOn, 'held_on');
      if (request.attendees < 1) throw new InvalidArgumentError('attendees', 'must be at least 1');
      if (request.agreedCount < 0 || request.agreedCount > request.attendees) {
        throw new InvalidArgumentError('agreed_count', 'must be between 0 and the attendees');
      }
      const userId = principalOf(ctx).userId;
      const day = today();
      return withOfficerRound(pool, ctx, request.roundId, async (client, state) => {
        assertListingOpen(state.round);
        assertStepDate(state.round, heldOn, 'held_on', day);
        const villages = state.households.map((h) => h.villageCode).filter((v) => v !== null);
        if (villages.length > 0 && !villages.includes(villageCode)) {
          throw new InvalidArgumentError(
            'village_code',
            `no household on the round's list lives in village ${villageCode}`,
          );
        }
        assertAllAssessed(state);
        const meeting = {
          villageCode,
          heldOn,
          attendees: request.attendees,
          agreed: request.agreedCount,
        };
        assertMeetingAgreed(meeting, await procedureByCode(client, state.round.procedureCode));
        await upsertMeeting(client, state.round.id, meeting, userId);
        const meetings = [...state.meetings.filter((m) => m.villageCode !== villageCode), meeting];
        return { round: await roundMessage(client, { ...state, meetings }, day) };
      });
    },

    async recordPublicPosting(
      request: RecordPublicPostingRequest,
      ctx: CallContext,
    ): Promise<RecordPublicPostingResponse> {
      const from = requiredDate(request.postedFrom, 'posted_from');
      const to = requiredDate(request.postedTo, 'posted_to');
      const day = today();
      return withOfficerRound(pool, ctx, request.roundId, async (client, state) => {
        assertListingOpen(state.round);
        assertStepDate(state.round, from, 'posted_from', day);
        const procedure = await procedureByCode(client, state.round.procedureCode);
        assertPostingAllowed(state, procedure, from, to);
        const round: ReviewRound = {
          ...state.round,
          status: 'posted',
          postedFrom: from,
          postedTo: to,
        };
        await updateRoundSteps(client, round);
        return { round: await roundMessage(client, { ...state, round }, day) };
      });
    },
  };
}
