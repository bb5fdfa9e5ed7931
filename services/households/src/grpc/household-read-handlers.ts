/** GetHousehold (now or as of an instant), ListHouseholds and GetHouseholdHistory. */
import type pg from 'pg';
import { isInJurisdiction, NATIONAL_UNIT_CODE, principalOf } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError, type CallContext } from '@posa/platform';
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
import type { Units } from '../store/unit-tree-file';
import { assertReadRole, readable } from './household-access';
import { changeToProto, householdToProto, snapshotToProto, statusOf } from './household-mapping';

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
      const unit = request.unitCode === '' ? principal.unitCode : request.unitCode;
      const filter: ListFilter = {
        villageCode: request.villageCode === '' ? undefined : request.villageCode,
        status: statusOf(request.status),
        afterCode: afterCodeOf(request.page?.pageToken ?? ''),
        limit: 0,
      };
      if (unit === NATIONAL_UNIT_CODE) {
        // the whole country: no unit filter
      } else if (units.isProvince(unit)) filter.provinceCode = unit;
      else if (units.provinceOfCommune(unit) !== undefined) filter.communeCode = unit;
      else
        throw new InvalidArgumentError(
          'unit_code',
          'is not a province or commune of the 2025 structure',
        );
      const inReach = isInJurisdiction(principal, unit, units.tree);
      if (!inReach) throw new PermissionDeniedError(`unit ${unit} is outside your jurisdiction`);
      const size = request.page?.pageSize ?? 0;
      if (size < 0) throw new InvalidArgumentError('page.page_size', 'must not be negative');
      const pageSize = Math.min(size === 0 ? DEFAULT_PAGE_SIZE : size, MAX_PAGE_SIZE);
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
