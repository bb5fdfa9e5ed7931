/**
 * Variation routes of /api/v1 (CaseVariationService over gRPC with the caller's token): change
 * of eligibility, suspension, resumption, termination, transfer to another commune, acceptance
 * by the destination, resolution of a review flag. Each answers the case after it and the
 * arrears (truy lĩnh, positive) or recoveries (thu hồi, negative) of past months, in VND.
 */
import { callerOf } from '../http/auth';
import { idParam } from '../forms/household-params';
import { jsonSource, type Source } from '../forms/case-source';
import {
  acceptTransferRequestOf,
  changeEligibilityRequestOf,
  decisionRequestOf,
  resolveFlagRequestOf,
  terminateRequestOf,
  transferRequestOf,
} from '../forms/case-requests';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import { variationJson } from './case-money-json';
import { caseIdOf, caseIdSpec } from './case-routes';
import type { ApiRoute } from './route-types';
import { uuidPathParam, WRITE_ERRORS } from './route-parts';
import type { SchemaName } from './schemas';

type Answer = Parameters<typeof variationJson>[0];

function variation(
  path: string,
  operationId: string,
  summary: string,
  requestBody: SchemaName,
  call: (
    cases: CaseGateway,
    caller: Caller,
    src: Source,
    id: string,
    flagId: string,
  ) => Promise<Answer>,
  status = 200,
): ApiRoute {
  const flagged = path.includes(':flagId');
  return {
    method: 'post',
    path: `/cases/:id/${path}`,
    operationId,
    summary,
    parameters: flagged ? [caseIdSpec, uuidPathParam('flagId', 'review flag id')] : [caseIdSpec],
    requestBody,
    success: {
      status,
      schema: 'VariationResult',
      description: 'the case after the decision and its arrears',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const flagId = flagged ? idParam(req.params['flagId'], 'flag_id') : '';
      return variationJson(
        await call(deps.cases, callerOf(req), jsonSource(req.body), caseIdOf(req), flagId),
      );
    },
  };
}

export const caseVariationApiRoutes: ApiRoute[] = [
  variation(
    'eligibility',
    'changeEligibility',
    'Điều chỉnh: new categories or disability level from a month',
    'EligibilityChangeRequest',
    (g, c, s, id) => g.changeEligibility(c, changeEligibilityRequestOf(s, id)),
  ),
  variation(
    'suspend',
    'suspendCase',
    'Tạm dừng: payment suspended from a month',
    'DecisionRequest',
    (g, c, s, id) => g.suspendCase(c, decisionRequestOf(s, id)),
  ),
  variation(
    'resume',
    'resumeCase',
    'Tiếp tục: payment resumed from a month',
    'DecisionRequest',
    (g, c, s, id) => g.resumeCase(c, decisionRequestOf(s, id)),
  ),
  variation(
    'terminate',
    'terminateCase',
    'Thôi hưởng: ended from a month on a ground',
    'TerminationRequest',
    (g, c, s, id) => g.terminateCase(c, terminateRequestOf(s, id)),
  ),
  variation(
    'transfer',
    'transferCase',
    'Chuyển đi: payment stops and the file goes to another commune',
    'TransferRequest',
    (g, c, s, id) => g.transferCase(c, transferRequestOf(s, id)),
  ),
  variation(
    'accept-transfer',
    'acceptTransfer',
    'Tiếp nhận: the destination commune continues the case in a new case',
    'AcceptTransferRequest',
    (g, c, s, id) => g.acceptTransfer(c, acceptTransferRequestOf(s, id)),
    201,
  ),
  variation(
    'flags/:flagId/resolve',
    'resolveReviewFlag',
    'Closes a review flag with what was done',
    'FlagResolution',
    (g, c, s, id, flagId) => g.resolveReviewFlag(c, resolveFlagRequestOf(s, id, flagId)),
  ),
];
