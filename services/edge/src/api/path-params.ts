import type { ParameterSpec } from './route-types';

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
