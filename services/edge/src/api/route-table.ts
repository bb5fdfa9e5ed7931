/**
 * The REST API as a table: each route's method, path, parameters, bodies and handler. The
 * router (router.ts) and the OpenAPI document (openapi.ts) are both built from it, so the
 * two cannot drift apart. Handlers call UnitService over gRPC with the caller's token; the
 * account and audit routes are in account-routes.ts.
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage, parseVersion, requiredText } from '../http/params';
import { accountApiRoutes } from './account-routes';
import { householdApiRoutes } from './household-routes';
import { caseApiRoutes } from './case-routes';
import { casePolicyApiRoutes } from './case-policy-routes';
import { caseVariationApiRoutes } from './case-variation-routes';
import { complaintApiRoutes } from './complaint-routes';
import { onlineApplicationApiRoutes } from './online-application-routes';
import { publicApiRoutes } from './public-routes';
import { paymentApiRoutes } from './payment-routes';
import { paymentResultApiRoutes } from './payment-result-routes';
import { moveApiRoutes } from './move-routes';
import { qualityApiRoutes } from './quality-routes';
import { samplingApiRoutes } from './sampling-routes';
import { householdSearchApiRoutes } from './household-search-routes';
import { importApiRoutes } from './import-routes';
import { reviewApiRoutes } from './review-routes';
import type { ParameterSpec, ApiRoute } from './route-types';
import { PAGE_PARAMS } from './route-parts';
import {
  KIND_OF_NAME,
  LEVEL_OF_NAME,
  resolutionJson,
  unitJson,
  unitsJson,
  villageJson,
  type LevelName,
  type VillageKindName,
} from './unit-json';

export type { ApiDeps, ApiRoute, ParameterSpec } from './route-types';

const code = (description: string): ParameterSpec => ({
  name: 'code',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^([0-9]{2,5}|VN)$' },
});
const versionParams: ParameterSpec[] = [
  {
    name: 'asOf',
    in: 'query',
    description: 'read the structure in force on this date (default today)',
    schema: { type: 'string', format: 'date' },
  },
  {
    name: 'structure',
    in: 'query',
    description: 'read this structure (instead of asOf)',
    schema: { type: 'string', enum: ['2024', '2025'] },
  },
];
const pageParams = PAGE_PARAMS;
const READ_ERRORS = [400, 401, 403, 404, 429, 503];

function pathCode(req: Request): string {
  const value = req.params['code'];
  if (typeof value !== 'string' || !/^([0-9]{2,5}|VN)$/.test(value)) {
    throw badRequest('code', 'must be a unit code of 2 to 5 digits (VN for the nation)');
  }
  return value;
}

function unitCode(req: Request): string {
  const value = pathCode(req);
  if (value === 'VN')
    throw badRequest('code', 'VN has no unit record; list its provinces with /units/VN/children');
  return value;
}

const next = (token: string | undefined): string | null => (token ? token : null);

const unitApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This OpenAPI document',
    parameters: [],
    success: { status: 200, schema: 'OpenApiDocument', description: 'the document' },
    errors: [429],
    authenticated: false,
    handler: async (_req, deps) => deps.openApi(),
  },
  {
    method: 'get',
    path: '/units',
    operationId: 'searchUnits',
    summary: 'Units whose name contains every word of q, with or without diacritics',
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: true,
        description: 'words of the name, e.g. "phuc xa"',
        schema: { type: 'string', maxLength: 100 },
      },
      {
        name: 'level',
        in: 'query',
        description: 'only this level',
        schema: { type: 'string', enum: ['province', 'district', 'commune'] },
      },
      {
        name: 'provinceCode',
        in: 'query',
        description: 'only in this province',
        schema: { type: 'string', pattern: '^[0-9]{2}$' },
      },
      ...versionParams,
      ...pageParams,
    ],
    success: { status: 200, schema: 'UnitPage', description: 'matching units, best matches first' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const levelText = typeof req.query['level'] === 'string' ? req.query['level'] : '';
      if (levelText !== '' && !(levelText in LEVEL_OF_NAME))
        throw badRequest('level', 'must be province, district or commune');
      const provinceCode =
        typeof req.query['provinceCode'] === 'string' ? req.query['provinceCode'] : '';
      const res = await deps.units.searchUnits(callerOf(req), {
        query: requiredText(req.query, 'q', 100),
        level: levelText === '' ? 0 : LEVEL_OF_NAME[levelText as LevelName],
        provinceCode,
        ...parseVersion(req.query),
        page: parsePage(req.query),
      });
      return { units: unitsJson(res.units), nextPageToken: next(res.page?.nextPageToken) };
    },
  },
  {
    method: 'get',
    path: '/units/:code',
    operationId: 'getUnit',
    summary: 'One unit by code',
    parameters: [code('unit code'), ...versionParams],
    success: { status: 200, schema: 'Unit', description: 'the unit' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      unitJson(
        (
          await deps.units.getUnit(callerOf(req), {
            code: unitCode(req),
            ...parseVersion(req.query),
          })
        ).unit,
      ),
  },
  {
    method: 'get',
    path: '/units/:code/children',
    operationId: 'listChildren',
    summary: 'Direct children of a unit (VN: the provinces)',
    parameters: [code('unit code, or VN for the nation'), ...versionParams, ...pageParams],
    success: { status: 200, schema: 'UnitPage', description: 'children by code' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const parent = pathCode(req);
      const res = await deps.units.listChildren(callerOf(req), {
        parentCode: parent === 'VN' ? '' : parent,
        ...parseVersion(req.query),
        page: parsePage(req.query),
      });
      return { units: unitsJson(res.units), nextPageToken: next(res.page?.nextPageToken) };
    },
  },
  {
    method: 'get',
    path: '/units/:code/ancestors',
    operationId: 'listAncestors',
    summary: 'The units above a unit, from its province down to its parent',
    parameters: [code('unit code'), ...versionParams],
    success: { status: 200, schema: 'UnitList', description: 'ancestors, province first' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => ({
      units: unitsJson(
        (
          await deps.units.listAncestors(callerOf(req), {
            code: unitCode(req),
            ...parseVersion(req.query),
          })
        ).units,
      ),
    }),
  },
  {
    method: 'get',
    path: '/units/:code/subtree',
    operationId: 'listSubtree',
    summary: 'Every unit below a unit, depth first',
    parameters: [code('unit code'), ...versionParams, ...pageParams],
    success: { status: 200, schema: 'UnitPage', description: 'units below, depth first' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.units.listSubtree(callerOf(req), {
        code: unitCode(req),
        ...parseVersion(req.query),
        page: parsePage(req.query),
      });
      return { units: unitsJson(res.units), nextPageToken: next(res.page?.nextPageToken) };
    },
  },
  {
    method: 'get',
    path: '/units/:code/successors',
    operationId: 'resolveUnit',
    summary: 'The unit(s) from 1 Jul 2025 that took over a unit of the structure before it',
    parameters: [code('unit code of the structure before 1 Jul 2025')],
    success: { status: 200, schema: 'Resolution', description: 'the old unit and its successors' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      resolutionJson(await deps.units.resolveUnit(callerOf(req), { oldCode: unitCode(req) })),
  },
  {
    method: 'get',
    path: '/communes/:code/villages',
    operationId: 'listVillages',
    summary: 'Villages of a commune (structure from 1 Jul 2025)',
    parameters: [code('5-digit commune code'), ...pageParams],
    success: { status: 200, schema: 'VillagePage', description: 'villages by code' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.units.listVillages(callerOf(req), {
        communeCode: unitCode(req),
        page: parsePage(req.query),
      });
      return {
        villages: res.villages.map(villageJson),
        nextPageToken: next(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/communes/:code/villages',
    operationId: 'createVillage',
    summary:
      'Records a village of a commune and issues its code (unit administrators and officers of the commune or above)',
    parameters: [code('5-digit commune code')],
    requestBody: 'NewVillage',
    success: { status: 201, schema: 'Village', description: 'the new village' },
    errors: [400, 401, 403, 404, 409, 429, 503],
    authenticated: true,
    handler: async (req, deps) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body['name'] === 'string' ? body['name'] : '';
      const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
      if (!(kind in KIND_OF_NAME)) throw badRequest('kind', 'must be rural or urban');
      const res = await deps.units.createVillage(callerOf(req), {
        communeCode: unitCode(req),
        name,
        kind: KIND_OF_NAME[kind as VillageKindName],
      });
      return res.village === undefined ? null : villageJson(res.village);
    },
  },
];

// The search routes come before /households/:id, which would otherwise match them.
export const apiRoutes: ApiRoute[] = [
  ...unitApiRoutes,
  ...accountApiRoutes,
  ...householdSearchApiRoutes,
  ...householdApiRoutes,
  ...moveApiRoutes,
  ...qualityApiRoutes,
  ...samplingApiRoutes,
  ...importApiRoutes,
  ...reviewApiRoutes,
  ...caseApiRoutes,
  ...caseVariationApiRoutes,
  ...casePolicyApiRoutes,
  ...onlineApplicationApiRoutes,
  ...complaintApiRoutes,
  ...paymentApiRoutes,
  ...paymentResultApiRoutes,
  ...publicApiRoutes,
];
