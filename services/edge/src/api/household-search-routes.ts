/**
 * Search (tra cứu) and reference routes of /api/v1 for households: members and households by
 * a name typed with or without diacritics, a citizen ID or a household code
 * (HouseholdSearchService), and the poverty standards (PovertyStandardService).
 */
import type { Request } from 'express';
import type { SearchFilter, SearchQuery } from '@posa/proto';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { queryValue, unitCodeParam } from '../forms/household-params';
import { householdStatusOf, statusName } from './household-json';
import { standardJson } from './standard-json';
import { nextPageToken, UNIT_CODE_QUERY } from './route-parts';
import type { ApiRoute, ParameterSpec } from './route-types';

const SEARCH_PARAMS: ParameterSpec[] = [
  {
    name: 'name',
    in: 'query',
    description: 'a name typed with or without diacritics, e.g. "nguyen van du"',
    schema: { type: 'string', maxLength: 200 },
  },
  {
    name: 'citizenId',
    in: 'query',
    description: 'a citizen ID (12 digits), exact',
    schema: { type: 'string', pattern: '^[0-9]{12}$' },
  },
  {
    name: 'householdCode',
    in: 'query',
    description: 'a whole household code, exact',
    schema: { type: 'string' },
  },
  {
    name: 'householdCodePrefix',
    in: 'query',
    description: 'the start of a household code (at least the commune code)',
    schema: { type: 'string' },
  },
  UNIT_CODE_QUERY,
  {
    name: 'status',
    in: 'query',
    description: 'only households in this status',
    schema: { type: 'string', enum: ['active', 'dissolved'] },
  },
  {
    name: 'classificationYear',
    in: 'query',
    description: 'only households with a classification recognised for this year (rà soát)',
    schema: { type: 'integer', minimum: 2016, maximum: 2100 },
  },
  {
    name: 'classifications',
    in: 'query',
    description: 'with classificationYear: comma-separated classes to keep',
    schema: { type: 'string', examples: ['poor,near_poor'] },
  },
  {
    name: 'pageSize',
    in: 'query',
    description: 'items per page (1..100)',
    schema: { type: 'integer', minimum: 1, maximum: 100 },
  },
  {
    name: 'pageToken',
    in: 'query',
    description: 'nextPageToken of the previous page (same query and filter)',
    schema: { type: 'string' },
  },
];
const READ = [400, 401, 403, 404, 409, 429, 503];

/** Exactly one of the four query fields; the service checks the count (`query`). */
function searchQuery(req: Request): SearchQuery {
  return {
    name: queryValue(req.query, 'name'),
    citizenId: queryValue(req.query, 'citizenId', 20),
    householdCode: queryValue(req.query, 'householdCode', 40),
    householdCodePrefix: queryValue(req.query, 'householdCodePrefix', 40),
  };
}

function classificationYearOf(text: string): number {
  if (text === '') return 0;
  if (!/^\d{4}$/.test(text)) throw badRequest('filter.classification_year', 'must be a year');
  return Number(text);
}

function searchFilter(req: Request): SearchFilter {
  const deceased = queryValue(req.query, 'includeDeceased', 5);
  if (deceased !== '' && deceased !== 'true' && deceased !== 'false')
    throw badRequest('include_deceased', 'must be true or false');
  return {
    unitCode: unitCodeParam(queryValue(req.query, 'unitCode'), 'filter.unit_code'),
    status: householdStatusOf(queryValue(req.query, 'status'), 'filter.status'),
    classificationYear: classificationYearOf(queryValue(req.query, 'classificationYear', 4)),
    classifications: queryValue(req.query, 'classifications', 100)
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    includeDeceased: deceased === 'true',
  };
}

export const householdSearchApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/households/search',
    operationId: 'searchHouseholds',
    summary: 'Households with a member matching the query, by code (citizen IDs masked)',
    parameters: SEARCH_PARAMS,
    success: { status: 200, schema: 'HouseholdHitPage', description: 'households found' },
    errors: READ,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.households.searchHouseholds(callerOf(req), {
        query: searchQuery(req),
        filter: searchFilter(req),
        page: parsePage(req.query),
      });
      return {
        households: res.households.map((h) => ({
          householdId: h.householdId,
          householdCode: h.householdCode,
          communeCode: h.communeCode,
          provinceCode: h.provinceCode,
          villageCode: h.villageCode === '' ? null : h.villageCode,
          status: statusName(h.status),
          headFullName: h.headFullName,
          headBirthYear: h.headBirthYear === 0 ? null : h.headBirthYear,
          headMaskedCitizenId: h.headMaskedCitizenId === '' ? null : h.headMaskedCitizenId,
          memberCount: h.memberCount,
        })),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'get',
    path: '/household-members/search',
    operationId: 'searchMembers',
    summary: 'Members matching the query, by name as searched (citizen IDs masked)',
    parameters: [
      ...SEARCH_PARAMS,
      {
        name: 'includeDeceased',
        in: 'query',
        description: 'also members who have died (default false)',
        schema: { type: 'boolean' },
      },
    ],
    success: { status: 200, schema: 'MemberHitPage', description: 'members found' },
    errors: READ,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.households.searchMembers(callerOf(req), {
        query: searchQuery(req),
        filter: searchFilter(req),
        page: parsePage(req.query),
      });
      return {
        members: res.members.map((m) => ({
          memberId: m.memberId,
          householdId: m.householdId,
          householdCode: m.householdCode,
          communeCode: m.communeCode,
          provinceCode: m.provinceCode,
          fullName: m.fullName,
          birthYear: m.birthYear === 0 ? null : m.birthYear,
          maskedCitizenId: m.maskedCitizenId === '' ? null : m.maskedCitizenId,
          relation: m.relation,
          householdStatus: statusName(m.householdStatus),
          deceased: m.deceased,
        })),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'get',
    path: '/poverty-standards',
    operationId: 'listPovertyStandards',
    summary: 'The poverty standards: periods in force, income lines per area, indicators',
    parameters: [],
    success: { status: 200, schema: 'PovertyStandardList', description: 'every standard' },
    errors: [401, 429, 503],
    authenticated: true,
    handler: async (req, deps) => ({
      standards: (await deps.households.listStandards(callerOf(req))).standards.map(standardJson),
    }),
  },
];
