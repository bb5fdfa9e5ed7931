/** Pieces the route tables of the API share: parameters, error statuses, path ids. */
import type { Request } from 'express';
import { idParam } from '../forms/household-params';
import type { ParameterSpec } from './route-types';

/** Error statuses of reads and of writes (409: a stale version or a step out of order). */
export const READ_ERRORS = [400, 401, 403, 404, 429, 503];
export const WRITE_ERRORS = [400, 401, 403, 404, 409, 429, 503];

/** `pageSize` and `pageToken` of every keyset-paged list. */
export const PAGE_PARAMS: readonly ParameterSpec[] = [
  {
    name: 'pageSize',
    in: 'query',
    description: 'items per page (the service caps it)',
    schema: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  {
    name: 'pageToken',
    in: 'query',
    description: 'nextPageToken of the previous page',
    schema: { type: 'string' },
  },
];

/** `unitCode` of the lists of a unit of the 2025 structure (the country, a province, a commune). */
export const UNIT_CODE_QUERY: ParameterSpec = {
  name: 'unitCode',
  in: 'query',
  description: 'VN, a province (2 digits) or a commune (5 digits); default the caller’s unit',
  schema: { type: 'string', pattern: '^(VN|[0-9]{2}|[0-9]{5})$' },
};

/** The next page's token in a JSON answer: null on the last page. */
export const nextPageToken = (token: string | undefined): string | null => (token ? token : null);

/** A required path parameter holding a UUID (household, member, job, round, sample ids). */
export function uuidPathParam(name: string, description: string): ParameterSpec {
  return {
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', format: 'uuid' },
  };
}

export const householdIdSpec = uuidPathParam('id', 'household id');
export const memberIdSpec = uuidPathParam('memberId', 'member id');
export const householdIdOf = (req: Request): string => idParam(req.params['id'], 'id');
export const memberIdOf = (req: Request): string => idParam(req.params['memberId'], 'member_id');

/** The household of a write's answer (the service always sends it). */
export function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the household');
  return value;
}
