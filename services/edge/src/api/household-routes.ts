/**
 * Household registry routes of /api/v1 (HouseholdService over gRPC with the caller's token):
 * list, create, read (now or as of a date), history, change the address, add and update
 * members, record a death. The service decides every request (role, jurisdiction, fields).
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { asOfInstant, idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { bodyOf, expectedVersion, memberOfJson, membersOfJson, text } from './household-body';
import {
  areaOf,
  changeJson,
  householdJson,
  householdStatusOf,
  parseFullDate,
} from './household-json';
import type { ApiRoute } from './route-types';
import { nextPageToken, PAGE_PARAMS, uuidPathParam } from './path-params';

const idParamSpec = uuidPathParam('id', 'household id');
const memberIdSpec = uuidPathParam('memberId', 'member id');
const READ = [400, 401, 403, 404, 429, 503];
const WRITE = [400, 401, 403, 404, 409, 429, 503];

const householdId = (req: Request): string => idParam(req.params['id'], 'id');
const memberId = (req: Request): string => idParam(req.params['memberId'], 'member_id');

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the household');
  return value;
}

export const householdApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/households',
    operationId: 'listHouseholds',
    summary: 'Households of a unit (commune, province or VN; default the caller’s), by code',
    parameters: [
      {
        name: 'unitCode',
        in: 'query',
        description: 'VN, a province (2 digits) or a commune (5 digits) of the 2025 structure',
        schema: { type: 'string', pattern: '^(VN|[0-9]{2}|[0-9]{5})$' },
      },
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
    errors: READ,
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
    errors: WRITE,
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
      return householdJson(required(res.household));
    },
  },
  {
    method: 'get',
    path: '/households/:id',
    operationId: 'getHousehold',
    summary: 'One household with its members, now or as it was on a date',
    parameters: [
      idParamSpec,
      {
        name: 'asOf',
        in: 'query',
        description: 'a day (its end in Vietnam) or an instant with offset; default now',
        schema: { type: 'string' },
      },
    ],
    success: { status: 200, schema: 'Household', description: 'the household' },
    errors: READ,
    authenticated: true,
    handler: async (req, deps) => {
      const id = householdId(req);
      const asOf = asOfInstant(queryValue(req.query, 'asOf', 40));
      const res = await deps.households.getHousehold(callerOf(req), id, asOf);
      return householdJson(required(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id',
    operationId: 'updateHousehold',
    summary: 'Changes the village, street address and area of a household',
    parameters: [idParamSpec],
    requestBody: 'HouseholdChangeRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.updateHousehold(callerOf(req), {
        id: householdId(req),
        expectedVersion: expectedVersion(body),
        villageCode: text(body, 'villageCode', 'village_code'),
        streetAddress: text(body, 'streetAddress', 'street_address'),
        area: areaOf(text(body, 'area', 'area')),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(required(res.household));
    },
  },
  {
    method: 'get',
    path: '/households/:id/history',
    operationId: 'getHouseholdHistory',
    summary: 'The change log of a household, oldest first (who, when, kind, reason, before/after)',
    parameters: [idParamSpec],
    success: { status: 200, schema: 'HouseholdHistory', description: 'the changes' },
    errors: READ,
    authenticated: true,
    handler: async (req, deps) => ({
      changes: (
        await deps.households.getHouseholdHistory(callerOf(req), householdId(req))
      ).changes.map(changeJson),
    }),
  },
  {
    method: 'post',
    path: '/households/:id/members',
    operationId: 'addMember',
    summary: 'Adds a member to a household (never a second head)',
    parameters: [idParamSpec],
    requestBody: 'MemberChangeRequest',
    success: { status: 201, schema: 'MemberAdded', description: 'the household and the new id' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.addMember(callerOf(req), {
        householdId: householdId(req),
        expectedVersion: expectedVersion(body),
        member: memberOfJson(body['member'], 'member'),
        reason: text(body, 'reason', 'reason'),
      });
      return { household: householdJson(required(res.household)), memberId: res.memberId };
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId',
    operationId: 'updateMember',
    summary: 'Replaces the details of a member',
    parameters: [idParamSpec, memberIdSpec],
    requestBody: 'MemberChangeRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.households.updateMember(callerOf(req), {
        householdId: householdId(req),
        memberId: memberId(req),
        expectedVersion: expectedVersion(body),
        member: memberOfJson(body['member'], 'member'),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(required(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId/deceased',
    operationId: 'markMemberDeceased',
    summary: 'Records the death of a member',
    parameters: [idParamSpec, memberIdSpec],
    requestBody: 'DeathRequest',
    success: { status: 200, schema: 'Household', description: 'the household after the change' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const day = text(body, 'deceasedOn', 'deceased_on');
      if (day === '') throw badRequest('deceased_on', 'is required');
      const res = await deps.households.markMemberDeceased(callerOf(req), {
        householdId: householdId(req),
        memberId: memberId(req),
        expectedVersion: expectedVersion(body),
        deceasedOn: parseFullDate(day, 'deceased_on'),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(required(res.household));
    },
  },
];
