/** ListRounds, GetRound and ComputeResults: reads for the commune and the units above it. */
import { principalOf } from '@posa/auth';
import { InvalidArgumentError, type CallContext } from '@posa/platform';
import type {
  ComputeResultsRequest,
  ComputeResultsResponse,
  GetRoundRequest,
  GetRoundResponse,
  ListRoundsRequest,
  ListRoundsResponse,
} from '@posa/proto';
import { assertReadRole } from '../../grpc/household-access';
import { classificationToProto } from '../../grpc/standard-mapping';
import { changeList } from '../domain/review-changes';
import { loadProcedures } from '../store/procedure-store';
import { decodeCursor, encodeCursor } from '../../domain/page-cursor';
import { findRound, listRounds, type RoundFilter } from '../store/round-store';
import { readableRound } from './review-access';
import { loadState, roundMessage, type ReviewDeps } from './review-deps';
import {
  changeKindToProto,
  listedToProto,
  meetingToProto,
  previousToProto,
  roundToProto,
  statusFromProto,
} from './review-mapping';
import { pageSizeOf, unitScopeOf } from '../../grpc/list-request';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export function reviewReadHandlers(deps: ReviewDeps) {
  const { pool, units, predecessors, today } = deps;

  async function readable(ctx: CallContext, id: string) {
    const principal = principalOf(ctx);
    return readableRound(principal, id, await findRound(pool, id), units, predecessors);
  }

  return {
    async listRounds(request: ListRoundsRequest, ctx: CallContext): Promise<ListRoundsResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const unit = request.unitCode === '' ? principal.unitCode : request.unitCode;
      if (request.year !== 0 && (request.year < 2016 || request.year > 2100)) {
        throw new InvalidArgumentError('year', 'must be 0 (every year) or between 2016 and 2100');
      }
      const filter: RoundFilter = {
        year: request.year === 0 ? undefined : request.year,
        status: statusFromProto(request.status),
        ...unitScopeOf(principal, unit, units),
      };
      const day = today();
      if (request.overdueOnly) filter.overdueOn = day;
      const pageSize = pageSizeOf(request.page?.pageSize ?? 0, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      const scope = JSON.stringify(['ListRounds', unit, filter]);
      const key = decodeCursor(scope, request.page?.pageToken ?? '', 3);
      if (key !== undefined && (!ISO_DAY.test(key[0]!) || !UUID.test(key[2]!))) {
        throw new InvalidArgumentError('page.page_token', 'is not a token of this list');
      }
      const after = key && { startedOn: key[0]!, communeCode: key[1]!, id: key[2]! };
      const rows = await listRounds(pool, filter, pageSize + 1, after);
      const page = rows.slice(0, pageSize);
      const last = page[page.length - 1];
      const procedures = await loadProcedures(pool);
      return {
        rounds: page.map((r) =>
          roundToProto(
            r.round,
            r,
            procedures.find((p) => p.code === r.round.procedureCode)?.needsDistrictOpinion ?? false,
            day,
          ),
        ),
        page: {
          nextPageToken:
            rows.length > pageSize && last
              ? encodeCursor(scope, [last.round.startedOn, last.round.communeCode, last.round.id])
              : '',
        },
      };
    },

    async getRound(request: GetRoundRequest, ctx: CallContext): Promise<GetRoundResponse> {
      const round = await readable(ctx, request.id);
      const state = await loadState(pool, round);
      return {
        round: await roundMessage(pool, state, today()),
        households: state.households.map(listedToProto),
        meetings: state.meetings.map(meetingToProto),
      };
    },

    async computeResults(
      request: ComputeResultsRequest,
      ctx: CallContext,
    ): Promise<ComputeResultsResponse> {
      const round = await readable(ctx, request.roundId);
      const state = await loadState(pool, round);
      const codes = new Map(state.households.map((h) => [h.householdId, h.householdCode]));
      const changes = changeList(
        state.households
          .filter((h) => h.assessment !== null)
          .map((h) => ({
            householdId: h.householdId,
            previous: h.previous,
            current: h.assessment!.classification,
          })),
      );
      return {
        changes: changes.map((c) => ({
          householdId: c.householdId,
          householdCode: codes.get(c.householdId) ?? '',
          previousClassification: previousToProto(c.previous),
          classification: classificationToProto(c.current),
          kind: changeKindToProto(c.kind),
        })),
        unassessedHouseholdIds: state.households
          .filter((h) => h.assessment === null)
          .map((h) => h.householdId),
      };
    },
  };
}
