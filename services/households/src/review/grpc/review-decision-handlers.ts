/**
 * RecordDistrictOpinion and RecognizeRound. Recognition records the decision, locks the round,
 * stores each assessed household's classification for the round's year (one per household and
 * year) and writes HouseholdClassified to the outbox, all in one transaction.
 */
import { principalOf } from '@posa/auth';
import { appendToOutbox, withTransaction } from '@posa/db';
import { FailedPreconditionError, type CallContext } from '@posa/platform';
import type {
  RecognizeRoundRequest,
  RecognizeRoundResponse,
  RecordDistrictOpinionRequest,
  RecordDistrictOpinionResponse,
} from '@posa/proto';
import type { ReviewRound } from '../domain/review-round';
import {
  assertDecisionAllowed,
  assertOpinionAllowed,
  assertStepDate,
} from '../domain/review-steps';
import { householdClassifiedEvent } from '../events/household-classified-event';
import { alreadyClassified, insertClassification } from '../store/assessment-store';
import { procedureByCode } from '../store/procedure-store';
import { findRound, updateRoundSteps } from '../store/round-store';
import { approverRound, districtApproverRound } from './review-access';
import { loadState, roundMessage, stampOf, type ReviewDeps } from './review-deps';
import { requiredDate, textOf } from './review-mapping';

export function reviewDecisionHandlers(deps: ReviewDeps) {
  const { pool, predecessors, today } = deps;
  return {
    async recordDistrictOpinion(
      request: RecordDistrictOpinionRequest,
      ctx: CallContext,
    ): Promise<RecordDistrictOpinionResponse> {
      const principal = principalOf(ctx);
      const givenOn = requiredDate(request.givenOn, 'given_on');
      const document = textOf(request.documentNumber, 'document_number', 100);
      const opinion = textOf(request.opinion, 'opinion', 2000);
      const day = today();
      return withTransaction(pool, async (client) => {
        const found = await findRound(client, request.roundId, true);
        const current = districtApproverRound(principal, request.roundId, found, predecessors);
        const procedure = await procedureByCode(client, current.procedureCode);
        assertOpinionAllowed(current, procedure, givenOn);
        assertStepDate(current, givenOn, 'given_on', day);
        const round: ReviewRound = {
          ...current,
          districtOpinion: {
            districtCode: principal.unitCode,
            givenOn,
            document,
            opinion,
            givenBy: principal.userId,
          },
        };
        await updateRoundSteps(client, round);
        return { round: await roundMessage(client, await loadState(client, round), day) };
      });
    },

    async recognizeRound(
      request: RecognizeRoundRequest,
      ctx: CallContext,
    ): Promise<RecognizeRoundResponse> {
      const principal = principalOf(ctx);
      const decidedOn = requiredDate(request.decidedOn, 'decided_on');
      const number = textOf(request.decisionNumber, 'decision_number', 100);
      const signer = textOf(request.signer, 'signer', 200);
      const day = today();
      const stamp = stampOf(ctx);
      return withTransaction(pool, async (client) => {
        const found = await findRound(client, request.roundId, true);
        const current = approverRound(principal, request.roundId, found);
        const procedure = await procedureByCode(client, current.procedureCode);
        assertDecisionAllowed(current, procedure, decidedOn);
        assertStepDate(current, decidedOn, 'decided_on', day);
        const round: ReviewRound = {
          ...current,
          status: 'recognized',
          decision: { number, decidedOn, signer, decidedBy: principal.userId },
        };
        const state = await loadState(client, round);
        const assessed = state.households.filter((h) => h.assessment !== null);
        const clash = await alreadyClassified(
          client,
          assessed.map((h) => h.householdId),
          round.year,
        );
        if (clash.length > 0) {
          throw new FailedPreconditionError(
            `household ${clash[0]!.householdId} already has its classification for ${round.year} (round ${clash[0]!.roundId})`,
          );
        }
        const events = [];
        for (const h of assessed) {
          const classification = h.assessment!.classification;
          await insertClassification(client, {
            householdId: h.householdId,
            year: round.year,
            classification,
            standardCode: h.assessment!.standardCode,
            roundId: round.id,
            decidedOn,
          });
          events.push(
            householdClassifiedEvent(
              {
                householdId: h.householdId,
                communeCode: round.communeCode,
                provinceCode: round.provinceCode,
                year: round.year,
                classification,
                previous: h.previous,
                roundId: round.id,
                standardCode: h.assessment!.standardCode,
              },
              stamp,
            ),
          );
        }
        await updateRoundSteps(client, round);
        if (events.length > 0) await appendToOutbox(client, events);
        return {
          round: await roundMessage(client, state, day),
          classifiedCount: assessed.length,
        };
      });
    },
  };
}
