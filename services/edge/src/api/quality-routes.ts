/**
 * Identity quality of /api/v1 (IdentityQualityService over gRPC with the caller's token):
 * duplicate candidates (trùng lặp) of a unit, merge proposals (gộp hồ sơ) with their
 * confirmation or rejection by an approver who did not propose them, dismissal of a pair as
 * two people, and verification of a member against the national population database.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { bodyOf, text } from './household-body';
import { idOf } from './move-body';
import {
  duplicatePairJson,
  mergeProposalJson,
  mergeStatusOf,
  verificationJson,
} from './quality-json';
import type { ApiRoute } from './route-types';
import { READ_ERRORS, UNIT_CODE_QUERY, uuidPathParam, WRITE_ERRORS } from './route-parts';

const mergeIdSpec = uuidPathParam('mergeId', 'merge proposal id');

const mergeId = (req: Request): string => idParam(req.params['mergeId'], 'merge_id');

function proposalOf<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the proposal');
  return value;
}

/** `limit` 1..200 (default 50). */
function limitOf(req: Request): number {
  const value = queryValue(req.query, 'limit', 4);
  if (value === '') return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw badRequest('limit', 'must be an integer from 1 to 200');
  return n;
}

export const qualityApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/duplicate-candidates',
    operationId: 'listDuplicateCandidates',
    summary:
      'Duplicate pairs touching a unit (same citizen ID, or same name and birth date in a commune)',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'pageSize',
        in: 'query',
        description: 'pairs per page (the service caps it)',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      {
        name: 'pageToken',
        in: 'query',
        description: 'nextPageToken of the previous page',
        schema: { type: 'string' },
      },
    ],
    success: { status: 200, schema: 'DuplicatePairPage', description: 'pairs, keyset paged' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.registryQuality.listDuplicateCandidates(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode'), 'unit_code'),
        page: parsePage(req.query),
      });
      return {
        pairs: res.pairs.map(duplicatePairJson),
        nextPageToken: res.page?.nextPageToken ? res.page.nextPageToken : null,
      };
    },
  },
  {
    method: 'post',
    path: '/duplicate-candidates/dismiss',
    operationId: 'dismissDuplicateCandidate',
    summary: 'Records a pair as two different people (officer or approver holding both records)',
    parameters: [],
    requestBody: 'DismissCandidate',
    success: { status: 200, schema: 'Dismissed', description: 'the pair is no longer listed' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      await deps.registryQuality.dismissCandidate(
        callerOf(req),
        idOf(body, 'firstMemberId', 'first_member_id'),
        idOf(body, 'secondMemberId', 'second_member_id'),
        text(body, 'reason', 'reason'),
      );
      return { dismissed: true };
    },
  },
  {
    method: 'get',
    path: '/merge-proposals',
    operationId: 'listMergeProposals',
    summary: 'Merge proposals of a unit, newest first',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: ['proposed', 'confirmed', 'rejected'] },
      },
      {
        name: 'limit',
        in: 'query',
        description: 'at most this many (default 50)',
        schema: { type: 'integer', minimum: 1, maximum: 200 },
      },
    ],
    success: { status: 200, schema: 'MergeProposalList', description: 'proposals' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.registryQuality.listMergeProposals(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode'), 'unit_code'),
        status: mergeStatusOf(queryValue(req.query, 'status')),
        limit: limitOf(req),
      });
      return { proposals: res.proposals.map(mergeProposalJson) };
    },
  },
  {
    method: 'post',
    path: '/merge-proposals',
    operationId: 'proposeMerge',
    summary: 'Proposes to keep one record and absorb the other (officer of their commune)',
    parameters: [],
    requestBody: 'NewMergeProposal',
    success: { status: 201, schema: 'MergeProposal', description: 'the open proposal' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.proposeMerge(callerOf(req), {
        keptMemberId: idOf(body, 'keptMemberId', 'kept_member_id'),
        mergedMemberId: idOf(body, 'mergedMemberId', 'merged_member_id'),
        reason: text(body, 'reason', 'reason'),
      });
      return mergeProposalJson(proposalOf(res.proposal));
    },
  },
  {
    method: 'post',
    path: '/merge-proposals/:mergeId/confirm',
    operationId: 'confirmMerge',
    summary: 'Confirms a proposal (an approver of the commune or above, never the proposer)',
    parameters: [mergeIdSpec],
    requestBody: 'Decision',
    success: { status: 200, schema: 'MergeProposal', description: 'the confirmed proposal' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.confirmMerge(
        callerOf(req),
        mergeId(req),
        text(body, 'reason', 'reason'),
      );
      return mergeProposalJson(proposalOf(res.proposal));
    },
  },
  {
    method: 'post',
    path: '/merge-proposals/:mergeId/reject',
    operationId: 'rejectMerge',
    summary: 'Rejects a proposal (an approver of the commune or above); nothing changes',
    parameters: [mergeIdSpec],
    requestBody: 'Decision',
    success: { status: 200, schema: 'MergeProposal', description: 'the rejected proposal' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.rejectMerge(
        callerOf(req),
        mergeId(req),
        text(body, 'reason', 'reason'),
      );
      return mergeProposalJson(proposalOf(res.proposal));
    },
  },
  {
    method: 'post',
    path: '/household-members/:memberId/verify',
    operationId: 'verifyMember',
    summary:
      'Verifies a member against the national population database and stores the outcome (officer of the commune)',
    parameters: [uuidPathParam('memberId', 'member id')],
    success: { status: 200, schema: 'Verification', description: 'the stored outcome' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.registryQuality.verifyMember(
        callerOf(req),
        idParam(req.params['memberId'], 'member_id'),
      );
      return verificationJson(res);
    },
  },
];
