/**
 * Household registry routes of /api/v1 (HouseholdService over gRPC with the caller's token):
 * list, create, read (now or as of a date), history, change the address, add and update
 * members, record a death. The service decides every request (role, jurisdiction, fields).
 */
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { asOfInstant, queryValue, unitCodeParam } from '../forms/household-params';
import { bodyOf, expectedVersion, memberOfJson, membersOfJson, text } from './household-body';
import {
  areaOf,
  changeJson,
  householdJson,
  householdStatusOf,
  parseFullDate,
} from './household-json';
import type { ApiRoute } from './route-types';
import {
  answered,
  householdIdOf,
  householdIdSpec,
  memberIdOf,
  memberIdSpec,
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  UNIT_CODE_QUERY,
  WRITE_ERRORS,
} from './route-parts';

export const householdApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/households',
    operationId: 'listHouseholds',
    summary: 'Households of a unit (commune, province or VN; default the caller’s), by code',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'villageCode',
        in: 'query',
        description: 'only this village',
        schema: { type: 'string' },
      },
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: ['active', 'dissolved'] },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'HouseholdPage', description: 'households by code' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.households.listHouseholds(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode'), 'unit_code'),
        villageCode: queryValue(req.query, 'villageCode', 50),
        status: householdStatusOf(queryValue(req.query, 'status')),
        page: parsePage(req.query),
      });
      return {
        households: res.households.map(householdJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/households',
    operationId: 'createHousehold',
    summary: 'Records a household with its members (officers of the commune)',
    parameters: [],
    requestBody: 'NewHousehold',
    success: { status: 201, schema: 'Household', description: 'the new household' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.createHousehold(callerOf(req), {
        communeCode: text(body, 'communeCode', 'commune_code'),
        villageCode: text(body, 'villageCode', 'village_code'),
        streetAddress: text(body, 'streetAddress', 'street_address'),
        area: areaOf(text(body, 'area', 'area')),
        members: membersOfJson(body['members']),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(answered(res.household));
    },
  },
  {
    method: 'get',
    path: '/households/:id',
    operationId: 'getHousehold',
    summary: 'One household with its members, now or as it was on a date',
    parameters: [
      householdIdSpec,
      {
        name: 'asOf',
        in: 'query',
        description: 'a day (its end in Vietnam) or an instant with offset; default now',
        schema: { type: 'string' },
      },
    ],
    success: { status: 200, schema: 'Household', description: 'the household' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const id = householdIdOf(req);
      const asOf = asOfInstant(queryValue(req.query, 'asOf', 40));
      const res = await deps.households.getHousehold(callerOf(req), id, asOf);
      return householdJson(answered(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id',
    operationId: 'updateHousehold',
    summary: 'Changes the village, street address and area of a household',
    parameters: [householdIdSpec],
    requestBody: 'HouseholdChangeRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.updateHousehold(callerOf(req), {
        id: householdIdOf(req),
        expectedVersion: expectedVersion(body),
        villageCode: text(body, 'villageCode', 'village_code'),
        streetAddress: text(body, 'streetAddress', 'street_address'),
        area: areaOf(text(body, 'area', 'area')),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(answered(res.household));
    },
  },
  {
    method: 'get',
    path: '/households/:id/history',
    operationId: 'getHouseholdHistory',
    summary: 'The change log of a household, oldest first (who, when, kind, reason, before/after)',
    parameters: [householdIdSpec],
    success: { status: 200, schema: 'HouseholdHistory', description: 'the changes' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => ({
      changes: (
        await deps.households.getHouseholdHistory(callerOf(req), householdIdOf(req))
      ).changes.map(changeJson),
    }),
  },
  {
    method: 'post',
    path: '/households/:id/members',
    operationId: 'addMember',
    summary: 'Adds a member to a household (never a second head)',
    parameters: [householdIdSpec],
    requestBody: 'MemberChangeRequest',
    success: { status: 201, schema: 'MemberAdded', description: 'the household and the new id' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.addMember(callerOf(req), {
        householdId: householdIdOf(req),
        expectedVersion: expectedVersion(body),
        member: memberOfJson(body['member'], 'member'),
        reason: text(body, 'reason', 'reason'),
      });
      return { household: householdJson(answered(res.household)), memberId: res.memberId };
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId',
    operationId: 'updateMember',
    summary: 'Replaces the details of a member',
    parameters: [householdIdSpec, memberIdSpec],
    requestBody: 'MemberChangeRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.updateMember(callerOf(req), {
        householdId: householdIdOf(req),
        memberId: memberIdOf(req),
        expectedVersion: expectedVersion(body),
        member: memberOfJson(body['member'], 'member'),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(answered(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId/deceased',
    operationId: 'markMemberDeceased',
    summary: 'Records the death of a member',
    parameters: [householdIdSpec, memberIdSpec],
    requestBody: 'DeathRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const day = text(body, 'deceasedOn', 'deceased_on');
      if (day === '') throw badRequest('deceased_on', 'is required');
      const res = await deps.households.markMemberDeceased(callerOf(req), {
        householdId: householdIdOf(req),
        memberId: memberIdOf(req),
        expectedVersion: expectedVersion(body),
        deceasedOn: parseFullDate(day, 'deceased_on'),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(answered(res.household));
    },
  },
];
