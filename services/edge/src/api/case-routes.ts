/**
 * Case routes of /api/v1 (CaseService over gRPC with the caller's token): list, file, read,
 * the monthly entitlement with its explanation, and the steps from the completeness check to
 * the decision. Bodies use the field names of the JSON shapes; a refusal names the field as the
 * service does (`decision_number`, `eligibility.category_codes`). The service decides every
 * request (role, level, jurisdiction, order of the steps).
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { parsePage } from '../http/params';
import { queryValue } from '../forms/household-params';
import { caseStatusOf, monthRange } from '../forms/case-input';
import { unitCodeOrDistrict } from '../forms/case-params';
import { jsonSource, type Source } from '../forms/case-source';
import {
  appraiseRequestOf,
  approveRequestOf,
  completenessRequestOf,
  rejectRequestOf,
  resubmitRequestOf,
  submitRequestOf,
  verifyRequestOf,
} from '../forms/case-requests';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import { answeredCase, caseSummaryJson, CASE_STATUSES, type CaseJson } from './case-json';
import { entitlementJson } from './case-money-json';
import type { ApiRoute, ParameterSpec } from './route-types';
import {
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  uuidPathParam,
  WRITE_ERRORS,
} from './route-parts';
import type { SchemaName } from './schemas';
import { idParam } from '../forms/household-params';

export const caseIdSpec = uuidPathParam('id', 'case id');
export const caseIdOf = (req: Request): string => idParam(req.params['id'], 'case_id');

const flag = (q: Record<string, unknown>, name: string): boolean => {
  const v = queryValue(q, name, 5);
  return v === 'true' || v === '1';
};

const boolParam = (name: string, description: string): ParameterSpec => ({
  name,
  in: 'query',
  description,
  schema: { type: 'boolean' },
});

/** A step of the procedure: POST /cases/{id}/<path> with a body, answered with the case. */
function step(
  path: string,
  operationId: string,
  summary: string,
  requestBody: SchemaName,
  call: (
    cases: CaseGateway,
    caller: Caller,
    src: Source,
    id: string,
  ) => Promise<{ case?: Parameters<typeof answeredCase>[0] }>,
): ApiRoute {
  return {
    method: 'post',
    path: `/cases/:id/${path}`,
    operationId,
    summary,
    parameters: [caseIdSpec],
    requestBody,
    success: { status: 200, schema: 'Case', description: 'the case after the step' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps): Promise<CaseJson> => {
      const res = await call(deps.cases, callerOf(req), jsonSource(req.body), caseIdOf(req));
      return answeredCase(res.case);
    },
  };
}

export const caseApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/cases',
    operationId: 'listCases',
    summary:
      'Cases of a unit (commune, 2024 district, province or VN; default the caller’s), by code',
    parameters: [
      {
        name: 'unitCode',
        in: 'query',
        description: 'VN, a province (2 digits), a 2024 district (3) or a commune (5)',
        schema: { type: 'string', pattern: '^(VN|[0-9]{2}|[0-9]{3}|[0-9]{5})$' },
      },
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: [...CASE_STATUSES] },
      },
      boolParam('overdueOnly', 'only cases whose current step is past its due day'),
      boolParam('flaggedOnly', 'only cases with an open review flag'),
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'CasePage', description: 'cases by code' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.cases.listCases(callerOf(req), {
        unitCode: unitCodeOrDistrict(queryValue(req.query, 'unitCode')),
        status: caseStatusOf(queryValue(req.query, 'status')),
        overdueOnly: flag(req.query, 'overdueOnly'),
        flaggedOnly: flag(req.query, 'flaggedOnly'),
        page: parsePage(req.query),
      });
      return {
        cases: res.cases.map(caseSummaryJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/cases',
    operationId: 'submitApplication',
    summary: 'Files an application for a member of a household (officers of its commune)',
    parameters: [],
    requestBody: 'NewCase',
    success: {
      status: 201,
      schema: 'Case',
      description: 'the filed case (the same case again for a repeated requestId)',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      answeredCase(
        (await deps.cases.submitApplication(callerOf(req), submitRequestOf(jsonSource(req.body))))
          .case,
      ),
  },
  {
    method: 'get',
    path: '/cases/:id',
    operationId: 'getCase',
    summary: 'One case with its steps, decisions, periods and review flags',
    parameters: [caseIdSpec],
    success: { status: 200, schema: 'Case', description: 'the case' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      answeredCase((await deps.cases.getCase(callerOf(req), caseIdOf(req))).case),
  },
  {
    method: 'get',
    path: '/cases/:id/entitlements',
    operationId: 'getEntitlements',
    summary: 'The amount of each month of a range (at most 120) with its explanation',
    parameters: [
      caseIdSpec,
      {
        name: 'fromMonth',
        in: 'query',
        required: true,
        description: 'YYYY-MM',
        schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
      },
      {
        name: 'toMonth',
        in: 'query',
        description: 'YYYY-MM (default: fromMonth only)',
        schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
      },
    ],
    success: { status: 200, schema: 'EntitlementList', description: 'one line per month' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const range = monthRange(
        queryValue(req.query, 'fromMonth', 7),
        queryValue(req.query, 'toMonth', 7),
      );
      const res = await deps.cases.getEntitlements(callerOf(req), {
        caseId: caseIdOf(req),
        ...range,
      });
      return { months: res.months.map(entitlementJson) };
    },
  },
  step(
    'completeness',
    'checkCompleteness',
    'Kiểm tra hồ sơ: complete, or returned with the missing items',
    'CompletenessRequest',
    (g, c, s, id) => g.checkCompleteness(c, completenessRequestOf(s, id)),
  ),
  step(
    'resubmit',
    'resubmitApplication',
    'Re-files a returned case with the missing documents',
    'ResubmitRequest',
    (g, c, s, id) => g.resubmitApplication(c, resubmitRequestOf(s, id)),
  ),
  step(
    'appraise',
    'appraiseCase',
    'Thẩm định: the confirmed eligibility, proposed first month and opinion',
    'AppraisalRequest',
    (g, c, s, id) => g.appraiseCase(c, appraiseRequestOf(s, id)),
  ),
  step(
    'verify',
    'verifyBeneficiary',
    'Đối chiếu: checks the beneficiary against the national population database',
    'VersionRequest',
    (g, c, s, id) => g.verifyBeneficiary(c, verifyRequestOf(s, id)),
  ),
  step(
    'approve',
    'approveCase',
    'Quyết định: grants the allowance from its effective month',
    'ApprovalRequest',
    (g, c, s, id) => g.approveCase(c, approveRequestOf(s, id)),
  ),
  step(
    'reject',
    'rejectCase',
    'Từ chối: a written refusal with reasons',
    'RejectionRequest',
    (g, c, s, id) => g.rejectCase(c, rejectRequestOf(s, id)),
  ),
];
