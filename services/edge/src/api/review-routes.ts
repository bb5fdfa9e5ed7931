/**
 * Review-round routes of /api/v1 (ReviewRoundService with the caller's token): list and open
 * rounds, read one with its households and meetings, record, list and refuse (in writing)
 * households' requests (form 01/04), additions,
 * assessments, the village meeting, the public posting, the district opinion and the
 * recognition, and read the change list. The service decides every step and who may take it.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { parsePage } from '../http/params';
import { badRequest } from '../http/errors';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import {
  jsonFields,
  openRoundInput,
  refusalInput,
  reviewRequestInput,
} from '../forms/review-input';
import {
  changeJson,
  meetingJson,
  requestJson,
  requestStatusOf,
  roundHouseholdJson,
  roundJson,
  roundStatusOf,
} from './review-json';
import { reviewStepApiRoutes } from './review-step-api';
import type { ApiRoute, ParameterSpec } from './route-types';
import {
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  UNIT_CODE_QUERY,
  uuidPathParam,
  WRITE_ERRORS,
} from './route-parts';

const idSpec = uuidPathParam('id', 'review round id');

/** `unitCode` and `year` of the round and request lists. */
function unitYearParams(yearDescription: string): ParameterSpec[] {
  return [
    UNIT_CODE_QUERY,
    {
      name: 'year',
      in: 'query',
      description: yearDescription,
      schema: { type: 'integer', minimum: 2016, maximum: 2100 },
    },
  ];
}

/** The `year` query parameter: 0 when absent, else four digits (400 naming `year`). */
function yearOf(req: Request): number {
  const text = queryValue(req.query, 'year', 4);
  if (text !== '' && !/^\d{4}$/.test(text)) throw badRequest('year', 'must be a year');
  return text === '' ? 0 : Number(text);
}
const requestIdSpec = uuidPathParam('id', 'review request id');
const roundId = (req: Request): string => idParam(req.params['id'], 'round_id');

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the record');
  return value;
}

export const reviewApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/review-rounds',
    operationId: 'listReviewRounds',
    summary: 'Review rounds of a unit (commune, province or VN; default the caller’s)',
    parameters: [
      ...unitYearParams('only this year'),
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: ['open', 'posted', 'recognized'] },
      },
      {
        name: 'overdueOnly',
        in: 'query',
        description: 'only overdue monthly rounds',
        schema: { type: 'boolean' },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'ReviewRoundList', description: 'the rounds, newest first' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const overdue = queryValue(req.query, 'overdueOnly', 5);
      if (overdue !== '' && overdue !== 'true' && overdue !== 'false')
        throw badRequest('overdueOnly', 'must be true or false');
      const res = await deps.reviews.listRounds(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unitCode'),
        year: yearOf(req),
        status: roundStatusOf(queryValue(req.query, 'status', 20)),
        overdueOnly: overdue === 'true',
        page: parsePage(req.query),
      });
      return {
        rounds: res.rounds.map(roundJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/review-rounds',
    operationId: 'openReviewRound',
    summary:
      'Opens a periodic (1 Sep – 14 Dec) or monthly round of a commune and lists its households',
    parameters: [],
    requestBody: 'NewReviewRound',
    success: { status: 201, schema: 'ReviewRoundDetail', description: 'the round and its list' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.reviews.openRound(callerOf(req), openRoundInput(jsonFields(req.body)));
      return {
        round: roundJson(required(res.round)),
        households: res.households.map(roundHouseholdJson),
        meetings: [],
      };
    },
  },
  {
    method: 'post',
    path: '/review-requests',
    operationId: 'recordReviewRequest',
    summary: 'Records a household’s request: form 01 (periodic round) or form 04 (monthly review)',
    parameters: [],
    requestBody: 'NewReviewRequest',
    success: {
      status: 201,
      schema: 'ReviewRequestRecorded',
      description: 'the request and the year of its round',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.reviews.recordRequest(
        callerOf(req),
        reviewRequestInput(jsonFields(req.body)),
      );
      return { requestId: res.requestId, year: res.year };
    },
  },
  {
    method: 'get',
    path: '/review-requests',
    operationId: 'listReviewRequests',
    summary: 'Households’ requests (form 01/04) of a unit, newest received first',
    parameters: [
      ...unitYearParams('only requests for this year’s rounds'),
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: ['pending', 'in_round', 'refused'] },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'ReviewRequestList', description: 'the requests' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.reviews.listRequests(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unitCode'),
        year: yearOf(req),
        status: requestStatusOf(queryValue(req.query, 'status', 20)),
        page: parsePage(req.query),
      });
      return {
        requests: res.requests.map(requestJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/review-requests/:id/refusal',
    operationId: 'refuseReviewRequest',
    summary:
      'The commune chair’s written refusal of a pending request, with its reasons (approvers of the commune)',
    parameters: [requestIdSpec],
    requestBody: 'NewReviewRefusal',
    success: { status: 201, schema: 'ReviewRequest', description: 'the refused request' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const id = idParam(req.params['id'], 'request_id');
      const res = await deps.reviews.refuseRequest(
        callerOf(req),
        refusalInput(id, jsonFields(req.body)),
      );
      return requestJson(required(res.request));
    },
  },
  {
    method: 'get',
    path: '/review-rounds/:id',
    operationId: 'getReviewRound',
    summary: 'A round with its listed households, their assessments and the village meetings',
    parameters: [idSpec],
    success: { status: 200, schema: 'ReviewRoundDetail', description: 'the round' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.reviews.getRound(callerOf(req), roundId(req));
      return {
        round: roundJson(required(res.round)),
        households: res.households.map(roundHouseholdJson),
        meetings: res.meetings.map(meetingJson),
      };
    },
  },
  {
    method: 'get',
    path: '/review-rounds/:id/results',
    operationId: 'computeReviewResults',
    summary: 'The change list of the assessed households against their previous classification',
    parameters: [idSpec],
    success: {
      status: 200,
      schema: 'ReviewResults',
      description: 'changes and unassessed households',
    },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.reviews.computeResults(callerOf(req), roundId(req));
      return {
        changes: res.changes.map(changeJson),
        unassessedHouseholdIds: res.unassessedHouseholdIds,
      };
    },
  },
  ...reviewStepApiRoutes,
];
