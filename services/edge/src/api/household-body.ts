/** Reading the JSON bodies of the household API into requests; type errors name the field. */
import type { MemberInput } from '@posa/proto';
import { badRequest } from '../http/errors';
import { memberInputOf, type MemberText } from './household-json';

export type Body = Record<string, unknown>;

export function bodyOf(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('body', 'must be a JSON object');
  return value as Body;
}

/** A text property ('' when absent or null). */
export function text(body: Body, key: string, field: string): string {
  const v = body[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw badRequest(field, 'must be a string');
  return v;
}

/** `expectedVersion`: the version the caller read (optimistic concurrency). */
export function expectedVersion(body: Body): number {
  const v = body['expectedVersion'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw badRequest('expected_version', 'must be the household version read (an integer ≥ 1)');
  return v;
}

export function memberOfJson(value: unknown, field: string): MemberInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(field, 'must be an object');
  const m = value as Body;
  const typed: MemberText = {
    fullName: text(m, 'fullName', `${field}.full_name`),
    dateOfBirth: text(m, 'dateOfBirth', `${field}.date_of_birth`),
    sex: text(m, 'sex', `${field}.sex`),
    ethnicGroupCode: text(m, 'ethnicGroupCode', `${field}.ethnic_group_code`),
    citizenId: text(m, 'citizenId', `${field}.citizen_id`),
    relation: text(m, 'relation', `${field}.relation`),
  };
  return memberInputOf(typed, field);
}

export function membersOfJson(value: unknown): MemberInput[] {
  if (!Array.isArray(value)) throw badRequest('members', 'must be an array of members');
  return value.map((m, i) => memberOfJson(m, `members[${i}]`));
}
