/** ListRounds, GetRound and ComputeResults: reads for the commune and the units above it. */
import { principalOf } from '@posa/auth';
import type { CallContext } from '@posa/platform';
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
import { unitScopeOf } from '../../grpc/list-request';
import { assertPageKey, reviewPageSize, yearFilterOf } from './review-page';

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
      const filter: RoundFilter = {
        year: yearFilterOf(request.year),
        status: statusFromProto(request.status),
        ...unitScopeOf(principal, unit, units),
      };
      const day = today();
      if (request.overdueOnly) filter.overdueOn = day;
      const pageSize = reviewPageSize(request.page?.pageSize ?? 0);
      const scope = JSON.stringify(['ListRounds', unit, filter]);
      const key = decodeCursor(scope, request.page?.pageToken ?? '', 3);
      if (key !== undefined) assertPageKey(key[0]!, key[2]!);
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
