/** Reading the JSON bodies of the move, quality and sampling API; type errors name the field. */
import type { MemberRelation } from '@posa/proto';
import { badRequest } from '../http/errors';
import { isUuid } from '../forms/household-params';
import type { Body } from './household-body';

/** A positive version (`from_expected_version`, ...) the caller read. */
export function versionOf(body: Body, key: string, field: string): number {
  const v = body[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw badRequest(field, 'must be the household version read (an integer ≥ 1)');
  return v;
}

/** An id property (UUID); '' when absent and `optional`. */
export function idOf(body: Body, key: string, field: string, optional = false): string {
  const v = body[key];
  if ((v === undefined || v === null || v === '') && optional) return '';
  if (!isUuid(v)) throw badRequest(field, 'must be a UUID');
  return v.toLowerCase();
}

/** `[{ memberId, relation }]` → MemberRelation[]; errors name `members[i].member_id`. */
export function memberRelationsOf(value: unknown, field = 'members'): MemberRelation[] {
  if (!Array.isArray(value)) throw badRequest(field, 'must be an array of { memberId, relation }');
  return value.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw badRequest(`${field}[${i}]`, 'must be an object');
    const m = item as Body;
    const relation = m['relation'];
    if (typeof relation !== 'string')
      throw badRequest(`${field}[${i}].relation`, 'must be a string');
    return { memberId: idOf(m, 'memberId', `${field}[${i}].member_id`), relation };
  });
}

/** An optional integer property; undefined when absent. */
export function optionalInt(body: Body, key: string, field: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw badRequest(field, 'must be an integer');
  return v;
}
