/** GetHousehold (now or as of an instant), ListHouseholds and GetHouseholdHistory. */
import type pg from 'pg';
import { principalOf } from '@posa/auth';
import { InvalidArgumentError, type CallContext } from '@posa/platform';
import type {
  GetHouseholdHistoryRequest,
  GetHouseholdHistoryResponse,
  GetHouseholdRequest,
  GetHouseholdResponse,
  ListHouseholdsRequest,
  ListHouseholdsResponse,
} from '@posa/proto';
import { stateAsOf } from '../domain/household-state';
import {
  findChanges,
  findHousehold,
  findMembers,
  listHouseholds,
  type ListFilter,
} from '../store/household-store';
import type { Units } from '@posa/units';
import { assertReadRole, readable } from './household-access';
import { changeToProto, householdToProto, snapshotToProto, statusOf } from './household-mapping';
import { pageSizeOf, unitScopeOf } from './list-request';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;
const CODE = /^[0-9]{5}-[0-9]{4}-[0-9]{6}$/;

function pageTokenOf(code: string): string {
  return Buffer.from(code, 'utf8').toString('base64url');
}

function afterCodeOf(token: string): string | undefined {
  if (token === '') return undefined;
  const code = Buffer.from(token, 'base64url').toString('utf8');
  if (!CODE.test(code))
    throw new InvalidArgumentError('page.page_token', 'is not a token of this list');
  return code;
}

export function householdReadHandlers(pool: pg.Pool, units: Units) {
  return {
    async getHousehold(
      request: GetHouseholdRequest,
      ctx: CallContext,
    ): Promise<GetHouseholdResponse> {
      const principal = principalOf(ctx);
      const household = readable(
        principal,
        request.id,
        await findHousehold(pool, request.id),
        units,
      );
      if (request.asOf === undefined) {
        return { household: householdToProto(household, await findMembers(pool, household.id)) };
      }
      const past = stateAsOf(await findChanges(pool, household.id), request.asOf);
      if (past === undefined) {
        throw new InvalidArgumentError('as_of', 'is before the household was created');
      }
      return { household: snapshotToProto(past) };
    },

    async listHouseholds(
      request: ListHouseholdsRequest,
      ctx: CallContext,
    ): Promise<ListHouseholdsResponse> {
      const principal = principalOf(ctx);
      assertReadRole(principal);
      const filter: ListFilter = {
        villageCode: request.villageCode === '' ? undefined : request.villageCode,
        status: statusOf(request.status),
        afterCode: afterCodeOf(request.page?.pageToken ?? ''),
        limit: 0,
        ...unitScopeOf(principal, request.unitCode, units),
      };
      const pageSize = pageSizeOf(request.page?.pageSize ?? 0, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      const rows = await listHouseholds(pool, { ...filter, limit: pageSize + 1 });
      const page = rows.slice(0, pageSize);
      const more = rows.length > pageSize;
      return {
        households: page.map((h) => householdToProto(h)),
        page: { nextPageToken: more ? pageTokenOf(page[page.length - 1]!.code) : '' },
      };
    },

    async getHouseholdHistory(
      request: GetHouseholdHistoryRequest,
      ctx: CallContext,
    ): Promise<GetHouseholdHistoryResponse> {
      const principal = principalOf(ctx);
      const household = readable(
        principal,
        request.id,
        await findHousehold(pool, request.id),
        units,
      );
      return { changes: (await findChanges(pool, household.id)).map(changeToProto) };
    },
  };
}
