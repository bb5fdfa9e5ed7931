/**
 * The step routes of a review round in /api/v1 (POST, one per step): add a household,
 * assess, village meeting, public posting, district opinion, recognition. Each answers the
 * round (or household) as it stands after the step; the service decides who may take it.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { idParam } from '../forms/household-params';
import {
  addHouseholdInput,
  assessmentInput,
  jsonFields,
  meetingInput,
  opinionInput,
  postingInput,
  recognitionInput,
} from '../forms/review-input';
import { roundHouseholdJson, roundJson } from './review-json';
import type { ApiRoute } from './route-types';
import { uuidPathParam, WRITE_ERRORS } from './route-parts';
import type { SchemaName } from './schemas';

const idSpec = uuidPathParam('id', 'review round id');
const roundId = (req: Request): string => idParam(req.params['id'], 'round_id');

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the round');
  return value;
}

/** A POST step of one round: body → request → the round as it now stands. */
function step(
  path: string,
  operationId: string,
  summary: string,
  requestBody: SchemaName,
  call: (req: Request, deps: Parameters<ApiRoute['handler']>[1]) => Promise<unknown>,
  success: { status: number; schema: SchemaName; description: string } = {
    status: 200,
    schema: 'ReviewRound',
    description: 'the round after the step',
  },
): ApiRoute {
  return {
    method: 'post',
    path,
    operationId,
    summary,
    parameters: [idSpec],
    requestBody,
    success,
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: call,
  };
}

export const reviewStepApiRoutes: ApiRoute[] = [
  step(
    '/review-rounds/:id/households',
    'addHouseholdToReviewRound',
    'Adds a household of the commune to an open round, with a reason',
    'NewRoundHousehold',
    async (req, deps) =>
      roundHouseholdJson(
        required(
          (
            await deps.reviews.addHousehold(
              callerOf(req),
              addHouseholdInput(roundId(req), jsonFields(req.body)),
            )
          ).household,
        ),
      ),
    { status: 201, schema: 'ReviewRoundHousehold', description: 'the listed household' },
  ),
  step(
    '/review-rounds/:id/assessments',
    'recordReviewAssessment',
    'Records (or replaces) the assessment of a listed household and classifies it',
    'NewReviewAssessment',
    async (req, deps) =>
      roundHouseholdJson(
        required(
          (
            await deps.reviews.recordAssessment(
              callerOf(req),
              assessmentInput(roundId(req), jsonFields(req.body)),
            )
          ).household,
        ),
      ),
    {
      status: 200,
      schema: 'ReviewRoundHousehold',
      description: 'the household with its assessment',
    },
  ),
  step(
    '/review-rounds/:id/meetings',
    'recordVillageMeeting',
    'Records the village meeting (họp dân) that agreed the results',
    'NewVillageMeeting',
    async (req, deps) =>
      roundJson(
        required(
          (
            await deps.reviews.recordMeeting(
              callerOf(req),
              meetingInput(roundId(req), jsonFields(req.body)),
            )
          ).round,
        ),
      ),
  ),
  step(
    '/review-rounds/:id/posting',
    'recordPublicPosting',
    'Records the public posting (niêm yết công khai) of the results',
    'NewPublicPosting',
    async (req, deps) =>
      roundJson(
        required(
          (
            await deps.reviews.recordPosting(
              callerOf(req),
              postingInput(roundId(req), jsonFields(req.body)),
            )
          ).round,
        ),
      ),
  ),
  step(
    '/review-rounds/:id/district-opinion',
    'recordDistrictOpinion',
    'Records the district chair’s opinion (rounds started before 1 Jul 2025)',
    'NewDistrictOpinion',
    async (req, deps) =>
      roundJson(
        required(
          (
            await deps.reviews.recordDistrictOpinion(
              callerOf(req),
              opinionInput(roundId(req), jsonFields(req.body)),
            )
          ).round,
        ),
      ),
  ),
  step(
    '/review-rounds/:id/recognition',
    'recognizeReviewRound',
    'Records the decision recognising the results; the round is locked',
    'NewRecognition',
    async (req, deps) => {
      const res = await deps.reviews.recognize(
        callerOf(req),
        recognitionInput(roundId(req), jsonFields(req.body)),
      );
      return { round: roundJson(required(res.round)), classifiedCount: res.classifiedCount };
    },
    {
      status: 200,
      schema: 'ReviewRecognition',
      description: 'the locked round and the households classified',
    },
  ),
];
