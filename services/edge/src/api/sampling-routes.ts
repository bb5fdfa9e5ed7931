/**
 * Acceptance sampling (nghiệm thu) of /api/v1 (AcceptanceSamplingService over gRPC with the
 * caller's token): draw a sample of a commune's households, list and read samples, record
 * the field check of one sampled household, compute the result (identity fields ≤ 0.5 %,
 * other fields ≤ 2 %). Draw, check and decide: approvers or officers of a unit above the
 * commune; reading: the registry's read roles (commune officers see their own samples).
 */
import type { Request } from 'express';
import type { FieldCheck } from '@posa/proto';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { bodyOf, text, type Body } from './household-body';
import { idOf, optionalInt } from './move-body';
import { sampleItemJson, sampleJson } from './sampling-json';
import type { ApiRoute } from './route-types';
import { READ_ERRORS, UNIT_CODE_QUERY, uuidPathParam, WRITE_ERRORS } from './route-parts';

const sampleIdSpec = uuidPathParam('sampleId', 'sample id');

const sampleId = (req: Request): string => idParam(req.params['sampleId'], 'sample_id');

function sampleOf<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the sample');
  return value;
}

/** `[{ field, memberId?, error }]` → FieldCheck[]; errors name `checks[i].field`. */
export function fieldChecksOf(value: unknown): FieldCheck[] {
  if (!Array.isArray(value)) throw badRequest('checks', 'must be an array of field checks');
  return value.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw badRequest(`checks[${i}]`, 'must be an object');
    const c = item as Body;
    if (typeof c['error'] !== 'boolean')
      throw badRequest(`checks[${i}].error`, 'must be a boolean');
    return {
      field: text(c, 'field', `checks[${i}].field`).trim(),
      memberId: idOf(c, 'memberId', `checks[${i}].member_id`, true),
      error: c['error'],
    };
  });
}

export const samplingApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/samples',
    operationId: 'listSamples',
    summary: 'Acceptance samples of a unit, newest first (without items)',
    parameters: [
      UNIT_CODE_QUERY,
      {
        name: 'limit',
        in: 'query',
        description: 'at most this many (default 50, maximum 200)',
        schema: { type: 'integer', minimum: 1, maximum: 200 },
      },
    ],
    success: { status: 200, schema: 'SampleList', description: 'samples' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const limitText = queryValue(req.query, 'limit', 4);
      const limit = limitText === '' ? 50 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw badRequest('limit', 'must be an integer from 1 to 200');
      const res = await deps.registryQuality.listSamples(
        callerOf(req),
        unitCodeParam(queryValue(req.query, 'unitCode'), 'unit_code'),
        limit,
      );
      return { samples: res.samples.map(sampleJson) };
    },
  },
  {
    method: 'post',
    path: '/samples',
    operationId: 'drawSample',
    summary:
      'Draws a reproducible random sample of a commune’s active households (a unit above the commune)',
    parameters: [],
    requestBody: 'NewSample',
    success: { status: 201, schema: 'Sample', description: 'the sample with its households' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const sampleSize = optionalInt(body, 'sampleSize', 'sample_size');
      const rate = optionalInt(body, 'rateBasisPoints', 'rate_basis_points');
      if ((sampleSize === undefined) === (rate === undefined))
        throw badRequest('size', 'give exactly one of sampleSize and rateBasisPoints');
      const res = await deps.registryQuality.drawSample(callerOf(req), {
        communeCode: text(body, 'communeCode', 'commune_code').trim(),
        purpose: text(body, 'purpose', 'purpose'),
        ...(sampleSize === undefined ? { rateBasisPoints: rate } : { sampleSize }),
        seed: text(body, 'seed', 'seed').trim(),
      });
      return sampleJson(sampleOf(res.sample));
    },
  },
  {
    method: 'get',
    path: '/samples/:sampleId',
    operationId: 'getSample',
    summary: 'One sample with its households, checks and (once decided) its result',
    parameters: [sampleIdSpec],
    success: { status: 200, schema: 'Sample', description: 'the sample' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.registryQuality.getSample(callerOf(req), sampleId(req));
      return sampleJson(sampleOf(res.sample));
    },
  },
  {
    method: 'post',
    path: '/samples/:sampleId/households/:householdId/check',
    operationId: 'recordFieldCheck',
    summary:
      'Records (or replaces) the field check of one sampled household while the sample is open',
    parameters: [sampleIdSpec, uuidPathParam('householdId', 'sampled household id')],
    requestBody: 'FieldCheckRecord',
    success: { status: 200, schema: 'SampleItem', description: 'the checked item' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const body = bodyOf(req.body);
      const res = await deps.registryQuality.recordFieldCheck(callerOf(req), {
        sampleId: sampleId(req),
        householdId: idParam(req.params['householdId'], 'household_id'),
        checks: fieldChecksOf(body['checks']),
        note: text(body, 'note', 'note'),
      });
      return sampleItemJson(sampleOf(res.item));
    },
  },
  {
    method: 'post',
    path: '/samples/:sampleId/result',
    operationId: 'computeSampleResult',
    summary:
      'Computes both error rates and decides once every household is checked; later calls return the same result',
    parameters: [sampleIdSpec],
    success: { status: 200, schema: 'Sample', description: 'the decided sample' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.registryQuality.computeResult(callerOf(req), sampleId(req));
      return sampleJson(sampleOf(res.sample));
    },
  },
];
