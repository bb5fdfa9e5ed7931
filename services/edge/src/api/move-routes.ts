/**
 * Household moves of /api/v1 (HouseholdService over gRPC with the caller's token): a member
 * moves to another household of the commune (biến động nhân khẩu), leaves the commune
 * (chuyển đi), some members split off (tách hộ), two households merge (nhập hộ). Officers of
 * the commune only; the service decides every request and writes each in one transaction.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { idParam } from '../forms/household-params';
import { bodyOf, expectedVersion, text } from './household-body';
import { areaOf, householdJson } from './household-json';
import { idOf, memberRelationsOf, versionOf } from './move-body';
import type { ApiRoute } from './route-types';
import { uuidPathParam } from './path-params';

const idSpec = uuidPathParam('id', 'household id');
const memberIdSpec = uuidPathParam('memberId', 'member id');
const WRITE = [400, 401, 403, 404, 409, 429, 503];

const householdId = (req: Request): string => idParam(req.params['id'], 'id');
const memberId = (req: Request): string => idParam(req.params['memberId'], 'member_id');

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the household');
  return value;
}

export const moveApiRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/households/:id/members/:memberId/move',
    operationId: 'moveMember',
    summary: 'Moves a member to another household of the same commune (officers of the commune)',
    parameters: [idSpec, memberIdSpec],
    requestBody: 'MoveMember',
    success: { status: 200, schema: 'MoveResult', description: 'both households after the move' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.moveMember(callerOf(req), {
        fromHouseholdId: householdId(req),
        fromExpectedVersion: versionOf(body, 'expectedVersion', 'from_expected_version'),
        memberId: memberId(req),
        toHouseholdId: idOf(body, 'toHouseholdId', 'to_household_id'),
        toExpectedVersion: versionOf(body, 'toExpectedVersion', 'to_expected_version'),
        relation: text(body, 'relation', 'relation'),
        newHeadMemberId: idOf(body, 'newHeadMemberId', 'new_head_member_id', true),
        reason: text(body, 'reason', 'reason'),
      });
      return {
        fromHousehold: householdJson(required(res.fromHousehold)),
        toHousehold: householdJson(required(res.toHousehold)),
      };
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId/move-out',
    operationId: 'moveMemberOut',
    summary: 'Records that a member left the commune (chuyển đi), destination optional',
    parameters: [idSpec, memberIdSpec],
    requestBody: 'MoveMemberOut',
    success: { status: 200, schema: 'Household', description: 'the household left' },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.moveMemberOut(callerOf(req), {
        householdId: householdId(req),
        expectedVersion: expectedVersion(body),
        memberId: memberId(req),
        destinationUnitCode: text(body, 'destinationUnitCode', 'destination_unit_code').trim(),
        newHeadMemberId: idOf(body, 'newHeadMemberId', 'new_head_member_id', true),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(required(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id/split',
    operationId: 'splitHousehold',
    summary: 'Some members form a new household of the commune (tách hộ)',
    parameters: [idSpec],
    requestBody: 'SplitHousehold',
    success: {
      status: 201,
      schema: 'SplitResult',
      description: 'the household split from and the new one',
    },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.splitHousehold(callerOf(req), {
        householdId: householdId(req),
        expectedVersion: expectedVersion(body),
        members: memberRelationsOf(body['members']),
        villageCode: text(body, 'villageCode', 'village_code').trim(),
        streetAddress: text(body, 'streetAddress', 'street_address'),
        area: areaOf(text(body, 'area', 'area')),
        remainingHeadMemberId: idOf(
          body,
          'remainingHeadMemberId',
          'remaining_head_member_id',
          true,
        ),
        formerHeadRelation: text(body, 'formerHeadRelation', 'former_head_relation').trim(),
        reason: text(body, 'reason', 'reason'),
      });
      return {
        household: householdJson(required(res.household)),
        newHousehold: householdJson(required(res.newHousehold)),
      };
    },
  },
  {
    method: 'post',
    path: '/households/:id/merge',
    operationId: 'mergeHouseholds',
    summary: 'The living members of another household join this one (nhập hộ)',
    parameters: [idSpec],
    requestBody: 'MergeHouseholds',
    success: {
      status: 200,
      schema: 'MergeResult',
      description: 'the surviving household and the absorbed one, now dissolved',
    },
    errors: WRITE,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.mergeHouseholds(callerOf(req), {
        survivingHouseholdId: householdId(req),
        survivingExpectedVersion: versionOf(body, 'expectedVersion', 'surviving_expected_version'),
        absorbedHouseholdId: idOf(body, 'absorbedHouseholdId', 'absorbed_household_id'),
        absorbedExpectedVersion: versionOf(
          body,
          'absorbedExpectedVersion',
          'absorbed_expected_version',
        ),
        members: memberRelationsOf(body['members']),
        reason: text(body, 'reason', 'reason'),
      });
      return {
        survivingHousehold: householdJson(required(res.survivingHousehold)),
        absorbedHousehold: householdJson(required(res.absorbedHousehold)),
      };
    },
  },
];
