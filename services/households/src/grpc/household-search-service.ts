/**
 * HouseholdSearchService: SearchMembers and SearchHouseholds. Thin: check the query, the
 * filter and the caller's reach (household-access.ts rules), run one store query, map.
 * A unit outside the caller's jurisdiction gives PERMISSION_DENIED; without a unit the
 * search covers the caller's own unit, so nothing outside it is ever returned.
 */
import type pg from 'pg';
import { NATIONAL_UNIT_CODE, principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  service,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  HouseholdSearchServiceService,
  type SearchFilter,
  type SearchHouseholdsRequest,
  type SearchHouseholdsResponse,
  type SearchMembersRequest,
  type SearchMembersResponse,
} from '@posa/proto';
import { decodeCursor, encodeCursor } from '../domain/page-cursor';
import { criterionKey, parseSearchQuery, type SearchCriterion } from '../domain/search-query';
import {
  searchHouseholds,
  searchMembers,
  type SearchOptions,
  type SearchScope,
} from '../store/member-search-store';
import type { Units } from '@posa/units';
import { assertReadRole } from './household-access';
import { statusOf } from './household-mapping';
import { householdHitOf, memberHitOf } from './search-mapping';
import { pageSizeOf, unitScopeOf } from './list-request';

export const MAX_SEARCH_PAGE_SIZE = 100;
const DEFAULT_SEARCH_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Checked {
  criterion: SearchCriterion;
  scope: SearchScope;
  status: 'active' | 'dissolved' | undefined;
  classification: SearchOptions['classification'];
  includeDeceased: boolean;
  pageSize: number;
  pageToken: string;
  /** Ties page tokens to the RPC, query and filter. */
  cursorScope: string;
}

const CLASSIFICATIONS = ['poor', 'near_poor', 'average_living', 'not_poor'];

/** The classification filter: a year of recognised results, optionally some classes of it. */
function classificationOf(filter: SearchFilter | undefined): SearchOptions['classification'] {
  const year = filter?.classificationYear ?? 0;
  const classifications = filter?.classifications ?? [];
  if (year === 0) {
    if (classifications.length > 0) {
      throw new InvalidArgumentError(
        'filter.classification_year',
        'is required when classifications are given',
      );
    }
    return undefined;
  }
  if (year < 2016 || year > 2100) {
    throw new InvalidArgumentError('filter.classification_year', 'must be a year from 2016');
  }
  classifications.forEach((c, i) => {
    if (!CLASSIFICATIONS.includes(c)) {
      throw new InvalidArgumentError(
        `filter.classifications[${i}]`,
        `must be one of ${CLASSIFICATIONS.join(', ')}`,
      );
    }
  });
  return { year, classifications };
}

function check(
  rpc: string,
  request: SearchMembersRequest | SearchHouseholdsRequest,
  ctx: CallContext,
  units: Units,
): Checked {
  const principal = principalOf(ctx);
  assertReadRole(principal);
  const criterion = parseSearchQuery(request.query);
  const filter: SearchFilter | undefined = request.filter;
  const classification = classificationOf(filter);
  const scope = unitScopeOf(principal, filter?.unitCode ?? '', units, 'filter.unit_code');
  const status = statusOf(filter?.status ?? 0);
  const includeDeceased = filter?.includeDeceased ?? false;
  const cursorScope = JSON.stringify([
    rpc,
    criterionKey(criterion),
    scope.communeCode ?? scope.provinceCode ?? NATIONAL_UNIT_CODE,
    status ?? '',
    includeDeceased,
    classification ?? null,
  ]);
  return {
    criterion,
    scope,
    status,
    classification,
    includeDeceased,
    pageSize: pageSizeOf(
      request.page?.pageSize ?? 0,
      DEFAULT_SEARCH_PAGE_SIZE,
      MAX_SEARCH_PAGE_SIZE,
    ),
    pageToken: request.page?.pageToken ?? '',
    cursorScope,
  };
}

export function householdSearchService(deps: { pool: pg.Pool; units: Units }): ServiceRegistration {
  const { pool, units } = deps;
  return service(HouseholdSearchServiceService, {
    async searchMembers(
      request: SearchMembersRequest,
      ctx: CallContext,
    ): Promise<SearchMembersResponse> {
      const c = check('SearchMembers', request, ctx, units);
      const key = decodeCursor(c.cursorScope, c.pageToken, 2);
      if (key !== undefined && !UUID.test(key[1]!)) {
        throw new InvalidArgumentError('page.page_token', 'is not a token of this search');
      }
      const rows = await searchMembers(
        pool,
        c.criterion,
        {
          scope: c.scope,
          status: c.status,
          classification: c.classification,
          includeDeceased: c.includeDeceased,
          limit: c.pageSize + 1,
        },
        key === undefined ? undefined : { nameSearch: key[0]!, memberId: key[1]! },
      );
      const page = rows.slice(0, c.pageSize);
      const last = page[page.length - 1];
      return {
        members: page.map(memberHitOf),
        page: {
          nextPageToken:
            rows.length > c.pageSize && last !== undefined
              ? encodeCursor(c.cursorScope, [last.nameSearch, last.memberId])
              : '',
        },
      };
    },

    async searchHouseholds(
      request: SearchHouseholdsRequest,
      ctx: CallContext,
    ): Promise<SearchHouseholdsResponse> {
      const c = check('SearchHouseholds', request, ctx, units);
      const key = decodeCursor(c.cursorScope, c.pageToken, 1);
      const rows = await searchHouseholds(
        pool,
        c.criterion,
        {
          scope: c.scope,
          status: c.status,
          classification: c.classification,
          includeDeceased: true,
          limit: c.pageSize + 1,
        },
        key?.[0],
      );
      const page = rows.slice(0, c.pageSize);
      const last = page[page.length - 1];
      return {
        households: page.map(householdHitOf),
        page: {
          nextPageToken:
            rows.length > c.pageSize && last !== undefined
              ? encodeCursor(c.cursorScope, [last.householdCode])
              : '',
        },
      };
    },
  });
}
