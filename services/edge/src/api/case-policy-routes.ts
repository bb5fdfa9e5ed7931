/**
 * Policy-catalogue routes of /api/v1 (PolicyCatalogueService over gRPC with the caller's token):
 * the catalogue in force on a day (or every version), the procedure rules, and new versions of
 * base levels, coefficients, categories, care-support and emergency types. Amounts are integer
 * VND, coefficients integer hundredths; the source tag is C, S or M.
 */
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';
import { queryValue } from '../forms/household-params';
import { jsonSource } from '../forms/case-source';
import {
  baseLevelRequestOf,
  careSupportTypeRequestOf,
  categoryRequestOf,
  coefficientRuleRequestOf,
  emergencyTypeRequestOf,
  type Read,
} from '../forms/case-policy-input';
import type { CaseGateway } from '../gateways/case-gateway';
import type { Caller } from '../gateways/unit-gateway';
import { catalogueJson, procedureRuleJson } from './case-policy-json';
import type { ApiRoute } from './route-types';
import { READ_ERRORS, WRITE_ERRORS } from './route-parts';
import type { SchemaName } from './schemas';

/**
 * A JSON body read by the field names of the forms: `amountVnd` and `coefficientHundredths`
 * must be integers (read back as the text the form parsers take).
 */
function bodyReader(body: unknown): Read {
  const src = jsonSource(body);
  const integer = (name: string, field: string): string => {
    const v = (body as Record<string, unknown>)[name];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      throw badRequest(field, 'must be an integer');
    return String(v);
  };
  return (name) => {
    if (name === 'amount_vnd') return integer('amountVnd', 'amount_vnd');
    if (name === 'coefficient') {
      const h = integer('coefficientHundredths', 'coefficient_hundredths');
      return h === ''
        ? ''
        : `${Math.floor(Number(h) / 100)}.${String(Number(h) % 100).padStart(2, '0')}`;
    }
    return src.text(name);
  };
}

function record(
  path: string,
  operationId: string,
  summary: string,
  requestBody: SchemaName,
  call: (cases: CaseGateway, caller: Caller, read: Read) => Promise<unknown>,
): ApiRoute {
  return {
    method: 'post',
    path: `/policy-catalogue/${path}`,
    operationId,
    summary,
    parameters: [],
    requestBody,
    success: {
      status: 201,
      schema: 'Catalogue',
      description: 'the catalogue from the first day of the new version',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const read = bodyReader(req.body);
      const caller = callerOf(req);
      await call(deps.cases, caller, read);
      const from = parseDate(read('valid_from').trim());
      return catalogueJson(await deps.cases.getCatalogue(caller, from));
    },
  };
}

export const casePolicyApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/policy-catalogue',
    operationId: 'getCatalogue',
    summary: 'The policy catalogue in force on a day (default today), or every version',
    parameters: [
      {
        name: 'asOf',
        in: 'query',
        description: 'a day YYYY-MM-DD (default today)',
        schema: { type: 'string', format: 'date' },
      },
      {
        name: 'includeHistory',
        in: 'query',
        description: 'every version, past and future',
        schema: { type: 'boolean' },
      },
    ],
    success: { status: 200, schema: 'Catalogue', description: 'the catalogue' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const asOfText = queryValue(req.query, 'asOf', 10);
      const asOf = asOfText === '' ? undefined : parseDate(asOfText);
      if (asOfText !== '' && asOf === undefined)
        throw badRequest('as_of', 'must be a date YYYY-MM-DD');
      const history = ['true', '1'].includes(queryValue(req.query, 'includeHistory', 5));
      return catalogueJson(await deps.cases.getCatalogue(callerOf(req), asOf, history));
    },
  },
  {
    method: 'get',
    path: '/policy-catalogue/procedure-rules',
    operationId: 'listProcedureRules',
    summary: 'Procedure rules: who appraises and decides, and the working days of each step',
    parameters: [],
    success: { status: 200, schema: 'ProcedureRuleList', description: 'every rule' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => ({
      rules: (await deps.cases.listProcedureRules(callerOf(req))).rules.map(procedureRuleJson),
    }),
  },
  record(
    'base-levels',
    'recordBaseLevel',
    'A new national or provincial base level (mức chuẩn) from a day',
    'NewBaseLevel',
    (g, c, r) => g.recordBaseLevel(c, baseLevelRequestOf(r)),
  ),
  record(
    'coefficient-rules',
    'recordCoefficientRule',
    'A new coefficient line (hệ số) from a day',
    'NewCoefficientRule',
    (g, c, r) => g.recordCoefficientRule(c, coefficientRuleRequestOf(r)),
  ),
  record(
    'categories',
    'recordCategory',
    'A new allowance category (diện hưởng) from a day',
    'NewCategory',
    (g, c, r) => g.recordCategory(c, categoryRequestOf(r)),
  ),
  record(
    'care-support-types',
    'recordCareSupportType',
    'A new care-support type or version from a day',
    'NewCareSupportType',
    (g, c, r) => g.recordCareSupportType(c, careSupportTypeRequestOf(r)),
  ),
  record(
    'emergency-types',
    'recordEmergencyAssistanceType',
    'A new emergency-assistance form or version from a day',
    'NewEmergencyType',
    (g, c, r) => g.recordEmergencyAssistanceType(c, emergencyTypeRequestOf(r)),
  ),
];
