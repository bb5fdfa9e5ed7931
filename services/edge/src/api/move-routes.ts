/**
 * Household moves of /api/v1 (HouseholdService over gRPC with the caller's token): a member
 * moves to another household of the commune (biến động nhân khẩu), leaves the commune
 * (chuyển đi), some members split off (tách hộ), two households merge (nhập hộ). Officers of
 * the commune only; the service decides every request and writes each in one transaction.
 */
import { callerOf } from '../http/auth';
import { bodyOf, expectedVersion, text } from './household-body';
import { areaOf, householdJson } from './household-json';
import { idOf, memberRelationsOf, versionOf } from './move-body';
import type { ApiRoute } from './route-types';
import {
  answered,
  householdIdOf,
  householdIdSpec,
  memberIdOf,
  memberIdSpec,
  WRITE_ERRORS,
} from './route-parts';

export const moveApiRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/households/:id/members/:memberId/move',
    operationId: 'moveMember',
    summary: 'Moves a member to another household of the same commune (officers of the commune)',
    parameters: [householdIdSpec, memberIdSpec],
    requestBody: 'MoveMember',
    success: { status: 200, schema: 'MoveResult', description: 'both households after the move' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.moveMember(callerOf(req), {
        fromHouseholdId: householdIdOf(req),
        fromExpectedVersion: versionOf(body, 'expectedVersion', 'from_expected_version'),
        memberId: memberIdOf(req),
        toHouseholdId: idOf(body, 'toHouseholdId', 'to_household_id'),
        toExpectedVersion: versionOf(body, 'toExpectedVersion', 'to_expected_version'),
        relation: text(body, 'relation', 'relation'),
        newHeadMemberId: idOf(body, 'newHeadMemberId', 'new_head_member_id', true),
        reason: text(body, 'reason', 'reason'),
      });
      return {
        fromHousehold: householdJson(answered(res.fromHousehold)),
        toHousehold: householdJson(answered(res.toHousehold)),
      };
    },
  },
  {
    method: 'post',
    path: '/households/:id/members/:memberId/move-out',
    operationId: 'moveMemberOut',
    summary: 'Records that a member left the commune (chuyển đi), destination optional',
    parameters: [householdIdSpec, memberIdSpec],
    requestBody: 'MoveMemberOut',
    success: { status: 200, schema: 'Household', description: 'the household left' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.moveMemberOut(callerOf(req), {
        householdId: householdIdOf(req),
        expectedVersion: expectedVersion(body),
        memberId: memberIdOf(req),
        destinationUnitCode: text(body, 'destinationUnitCode', 'destination_unit_code').trim(),
        newHeadMemberId: idOf(body, 'newHeadMemberId', 'new_head_member_id', true),
        reason: text(body, 'reason', 'reason'),
      });
      return householdJson(answered(res.household));
    },
  },
  {
    method: 'post',
    path: '/households/:id/split',
    operationId: 'splitHousehold',
    summary: 'Some members form a new household of the commune (tách hộ)',
    parameters: [householdIdSpec],
    requestBody: 'SplitHousehold',
    success: {
      status: 201,
      schema: 'SplitResult',
      description: 'the household split from and the new one',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.splitHousehold(callerOf(req), {
        householdId: householdIdOf(req),
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
        household: householdJson(answered(res.household)),
        newHousehold: householdJson(answered(res.newHousehold)),
      };
    },
  },
  {
    method: 'post',
    path: '/households/:id/merge',
    operationId: 'mergeHouseholds',
    summary: 'The living members of another household join this one (nhập hộ)',
    parameters: [householdIdSpec],
    requestBody: 'MergeHouseholds',
    success: {
      status: 200,
      schema: 'MergeResult',
      description: 'the surviving household and the absorbed one, now dissolved',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.mergeHouseholds(callerOf(req), {
        survivingHouseholdId: householdIdOf(req),
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
        survivingHousehold: householdJson(answered(res.survivingHousehold)),
        absorbedHousehold: householdJson(answered(res.absorbedHousehold)),
      };
    },
  },
];
