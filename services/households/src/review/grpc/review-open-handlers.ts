/** OpenRound, AddHouseholdToRound and RecordReviewRequest (form 01 / 04). */
import { randomUUID } from 'node:crypto';
import { principalOf } from '@posa/auth';
import { pgErrorCode, withTransaction } from '@posa/db';
import {
  AlreadyExistsError,
  FailedPreconditionError,
  InvalidArgumentError,
  isoFromParts,
  PermissionDeniedError,
  type CallContext,
} from '@posa/platform';
import type {
  AddHouseholdToRoundRequest,
  AddHouseholdToRoundResponse,
  OpenRoundRequest,
  OpenRoundResponse,
  RecordReviewRequestRequest,
  RecordReviewRequestResponse,
} from '@posa/proto';
import { standardInForce } from '../../domain/standard';
import { loadStandards } from '../../store/standard-store';
import {
  inPeriodicWindow,
  monthlyDeadline,
  periodicWindowText,
  procedureInForce,
} from '../domain/review-procedure';
import type { ReviewRound } from '../domain/review-round';
import { assertListingOpen } from '../domain/review-steps';
import { alreadyClassified } from '../store/assessment-store';
import {
  currentlyPoorOrNearPoor,
  findHouseholdBrief,
  insertListed,
  insertRequest,
  isListed,
  pullPendingRequests,
  type HouseholdBrief,
} from '../store/listing-store';
import { loadProcedures } from '../store/procedure-store';
import { findRound, insertRound, periodicRoundOf } from '../store/round-store';
import { assertCommuneOfficer, officerRound } from './review-access';
import { loadState, roundMessage, type ReviewDeps } from './review-deps';
import { formFromProto, kindFromProto, listedToProto, textOf } from './review-mapping';

const UNIQUE_VIOLATION = '23505';

/** A household of the officer's commune; missing or foreign gives PERMISSION_DENIED alike. */
function communeHousehold(
  id: string,
  household: HouseholdBrief | undefined,
  communeCode: string,
): HouseholdBrief {
  if (household === undefined || household.communeCode !== communeCode) {
    throw new PermissionDeniedError(`no household ${id} in commune ${communeCode}`);
  }
  if (household.status !== 'active') {
    throw new FailedPreconditionError(`household ${household.code} is dissolved`);
  }
  return household;
}

export function reviewOpenHandlers(deps: ReviewDeps) {
  const { pool, units, today } = deps;
  return {
    async openRound(request: OpenRoundRequest, ctx: CallContext): Promise<OpenRoundResponse> {
      const principal = principalOf(ctx);
      const provinceCode = units.provinceOfCommune(request.communeCode);
      if (provinceCode === undefined) {
        throw new InvalidArgumentError('commune_code', 'is not a commune of the 2025 structure');
      }
      const kind = kindFromProto(request.kind);
      assertCommuneOfficer(principal, request.communeCode);
      const day = today();
      const procedure = procedureInForce(await loadProcedures(pool), day);
      if (procedure === undefined) {
        throw new FailedPreconditionError(`no review procedure is in force on ${day}`);
      }
      const standard = standardInForce(await loadStandards(pool), day)?.standard;
      if (standard === undefined) {
        throw new FailedPreconditionError(`no poverty standard is in force on ${day}`);
      }
      if (kind === 'periodic' && !inPeriodicWindow(procedure, day)) {
        throw new FailedPreconditionError(
          `periodic rounds open only between ${periodicWindowText(procedure)} (today is ${day})`,
        );
      }
      const round: ReviewRound = {
        id: randomUUID(),
        communeCode: request.communeCode,
        provinceCode,
        year: Number(day.slice(0, 4)),
        kind,
        startedOn: day,
        deadline: kind === 'monthly' ? monthlyDeadline(procedure, day) : null,
        standardCode: standard.code,
        procedureCode: procedure.code,
        status: 'open',
        postedFrom: null,
        postedTo: null,
        districtOpinion: null,
        decision: null,
        openedBy: principal.userId,
      };
      try {
        return await withTransaction(pool, async (client) => {
          if (kind === 'periodic') {
            const existing = await periodicRoundOf(client, round.communeCode, round.year);
            if (existing !== undefined) {
              throw new AlreadyExistsError(
                `commune ${round.communeCode} already has the periodic round ${existing} of ${round.year}`,
              );
            }
          }
          await insertRound(client, round);
          const form = kind === 'periodic' ? '01' : '04';
          const requested = await pullPendingRequests(
            client,
            round.id,
            round.communeCode,
            round.year,
            form,
          );
          if (kind === 'monthly' && requested.length === 0) {
            throw new FailedPreconditionError(
              `no pending form 04 request in commune ${round.communeCode} for ${round.year} (RecordReviewRequest)`,
            );
          }
          const current =
            kind === 'periodic'
              ? await currentlyPoorOrNearPoor(client, round.communeCode, round.year)
              : [];
          await insertListed(
            client,
            round.id,
            [
              ...current.map((householdId) => ({
                householdId,
                source: 'current_list' as const,
                reason: 'đang trong danh sách hộ nghèo, hộ cận nghèo',
              })),
              ...requested.map((householdId) => ({
                householdId,
                source: kind === 'periodic' ? ('form_01' as const) : ('form_04' as const),
                reason: `giấy đề nghị Mẫu số ${form}`,
              })),
            ],
            principal.userId,
          );
          const state = await loadState(client, round);
          return {
            round: await roundMessage(client, state, day),
            households: state.households.map(listedToProto),
          };
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION) {
          throw new AlreadyExistsError(
            `commune ${round.communeCode} already has the periodic round of ${round.year}`,
          );
        }
        throw err;
      }
    },

    async addHouseholdToRound(
      request: AddHouseholdToRoundRequest,
      ctx: CallContext,
    ): Promise<AddHouseholdToRoundResponse> {
      const principal = principalOf(ctx);
      const reason = textOf(request.reason, 'reason', 1000);
      return withTransaction(pool, async (client) => {
        const round = officerRound(
          principal,
          request.roundId,
          await findRound(client, request.roundId, true),
        );
        assertListingOpen(round);
        const household = communeHousehold(
          request.householdId,
          await findHouseholdBrief(client, request.householdId),
          round.communeCode,
        );
        if (await isListed(client, round.id, household.id)) {
          throw new AlreadyExistsError(`household ${household.code} is already on the list`);
        }
        const done = await alreadyClassified(client, [household.id], round.year);
        if (done.length > 0) {
          throw new FailedPreconditionError(
            `household ${household.code} already has its classification for ${round.year} (round ${done[0]!.roundId})`,
          );
        }
        await insertListed(
          client,
          round.id,
          [{ householdId: household.id, source: 'added', reason }],
          principal.userId,
        );
        const state = await loadState(client, round);
        return {
          household: listedToProto(state.households.find((h) => h.householdId === household.id)!),
        };
      });
    },

    async recordReviewRequest(
      request: RecordReviewRequestRequest,
      ctx: CallContext,
    ): Promise<RecordReviewRequestResponse> {
      const principal = principalOf(ctx);
      const form = formFromProto(request.form);
      const day = today();
      let receivedOn = day;
      if (request.receivedOn !== undefined) {
        const iso = isoFromParts(request.receivedOn);
        if (iso === null) throw new InvalidArgumentError('received_on', 'must be a full date');
        if (iso > day) throw new InvalidArgumentError('received_on', `is after today (${day})`);
        receivedOn = iso;
      }
      const note = textOf(request.note, 'note', 1000, true);
      if (principal.isService || !principal.roles.has('officer')) {
        throw new PermissionDeniedError('recording review requests needs the role officer');
      }
      return withTransaction(pool, async (client) => {
        const household = communeHousehold(
          request.householdId,
          await findHouseholdBrief(client, request.householdId),
          principal.unitCode,
        );
        let year = Number(receivedOn.slice(0, 4));
        // A form 01 after the year's periodic round opened goes to the next year's round.
        if (form === '01' && (await periodicRoundOf(client, household.communeCode, year))) year++;
        const id = randomUUID();
        await insertRequest(client, {
          id,
          householdId: household.id,
          communeCode: household.communeCode,
          year,
          form,
          receivedOn,
          note,
          recordedBy: principal.userId,
        });
        return { requestId: id, year };
      });
    },
  };
}
