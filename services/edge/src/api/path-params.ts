import type { ParameterSpec } from './route-types';

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
