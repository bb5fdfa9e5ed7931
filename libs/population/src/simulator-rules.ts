/**
 * The deterministic rules of the population-database simulator (pure, no I/O):
 * - an ID whose last digit is 0 is not found;
 * - a record the simulator holds is compared in full;
 * - otherwise the record is derived from the ID itself: sex and birth year from digits 4–6
 *   (the century × sex table of the citizen ID), no name (the name is then not compared);
 * - names compare without case or diacritics (đ = d), dates on the parts both sides give.
 */
import { nameSearchKey } from '@posa/platform';
import type { Sex, VerifiedField, VerifyQuery } from './population-registry';

/** A person as the simulator knows them; dateOfBirth is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface SimulatedPerson {
  fullName: string | null;
  dateOfBirth: string;
  sex: Sex;
}

export type SimulatedAnswer = { found: false } | { found: true; mismatchedFields: VerifiedField[] };

const CITIZEN_ID = /^[0-9]{12}$/;
const DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;

export function isWellFormedQuery(q: Partial<VerifyQuery>): q is VerifyQuery {
  return (
    typeof q.citizenId === 'string' &&
    CITIZEN_ID.test(q.citizenId) &&
    typeof q.fullName === 'string' &&
    q.fullName.trim() !== '' &&
    typeof q.dateOfBirth === 'string' &&
    DATE.test(q.dateOfBirth) &&
    (q.sex === 'male' || q.sex === 'female')
  );
}

/** Sex and birth year encoded in digits 4–6 of a citizen ID. */
export function derivePerson(citizenId: string): SimulatedPerson {
  const code = Number(citizenId[3]);
  const year = 1900 + Math.floor(code / 2) * 100 + Number(citizenId.slice(4, 6));
  return { fullName: null, dateOfBirth: String(year), sex: code % 2 === 0 ? 'male' : 'female' };
}

/** True when the dates agree on every part both of them give. */
export function datesAgree(a: string, b: string): boolean {
  const pa = a.split('-');
  const pb = b.split('-');
  const n = Math.min(pa.length, pb.length);
  return pa.slice(0, n).join('-') === pb.slice(0, n).join('-');
}

export function compareWith(query: VerifyQuery, person: SimulatedPerson): VerifiedField[] {
  const fields: VerifiedField[] = [];
  if (
    person.fullName !== null &&
    nameSearchKey(person.fullName) !== nameSearchKey(query.fullName)
  ) {
    fields.push('full_name');
  }
  if (!datesAgree(person.dateOfBirth, query.dateOfBirth)) fields.push('date_of_birth');
  if (person.sex !== query.sex) fields.push('sex');
  return fields;
}

export function answer(
  query: VerifyQuery,
  held: ReadonlyMap<string, SimulatedPerson>,
): SimulatedAnswer {
  if (query.citizenId.endsWith('0')) return { found: false };
  const person = held.get(query.citizenId) ?? derivePerson(query.citizenId);
  return { found: true, mismatchedFields: compareWith(query, person) };
}
