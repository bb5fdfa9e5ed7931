/**
 * Input of the review-round steps, from a console form (fields named as in the proto,
 * `income_per_person`) or an API body (camelCase, `incomePerPerson`): both read through a
 * `Fields` getter keyed by the proto name. Errors name the proto field, as the service does.
 */
import type { Request } from 'express';
import type {
  AddHouseholdToRoundRequest,
  CalendarDate,
  Money,
  OpenRoundRequest,
  RecognizeRoundRequest,
  RecordAssessmentRequest,
  RecordDistrictOpinionRequest,
  RecordPublicPostingRequest,
  RecordReviewRequestRequest,
  RecordVillageMeetingRequest,
  RefuseReviewRequestRequest,
} from '@posa/proto';
import { requestFormOf, roundKindOf } from '../api/review-json';
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';
import { idParam } from './household-params';

/** A field by its proto name (snake_case). */
export type Fields = (name: string) => unknown;

const camel = (snake: string): string =>
  snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Fields of a JSON body (camelCase keys). */
export function jsonFields(body: unknown): Fields {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return (name) => b[camel(name)];
}

/** Fields of a posted console form (proto names). */
export function formFields(req: Request): Fields {
  const b = (req.body ?? {}) as Record<string, unknown>;
  return (name) => b[name];
}

export function text(f: Fields, name: string, max = 1000): string {
  const v = f(name);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' && typeof v !== 'number') throw badRequest(name, 'must be text');
  const s = String(v).trim();
  if (s.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return s;
}

/** A day YYYY-MM-DD; undefined when empty and not required. */
export function day(f: Fields, name: string, required: boolean): CalendarDate | undefined {
  const s = text(f, name, 10);
  if (s === '') {
    if (required) throw badRequest(name, 'is required (YYYY-MM-DD)');
    return undefined;
  }
  const d = parseDate(s);
  if (d === undefined) throw badRequest(name, 'must be a date YYYY-MM-DD');
  return d;
}

/** Whole dong (VND), 0 or more; dots, commas and spaces between digit groups are allowed. */
export function vnd(f: Fields, name: string): Money {
  const s = text(f, name, 30).replace(/[.,\s]/g, '');
  if (s === '') throw badRequest(name, 'is required (whole dong per person per month)');
  if (!/^\d{1,15}$/.test(s)) throw badRequest(name, 'must be a whole number of dong, 0 or more');
  return { vnd: String(Number(s)) };
}

/** A count 0..1,000,000. */
export function count(f: Fields, name: string): number {
  const s = text(f, name, 10);
  if (!/^\d{1,7}$/.test(s) || Number(s) > 1_000_000)
    throw badRequest(name, 'must be a whole number from 0 to 1000000');
  return Number(s);
}

/** Checked indicator codes: one value or a list. */
export function codes(f: Fields, name: string): string[] {
  const v = f(name);
  const list = v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
  return list.map((c, i) => {
    if (typeof c !== 'string' || !/^[a-z0-9_]{1,50}$/.test(c))
      throw badRequest(`${name}[${i}]`, 'must be an indicator code');
    return c;
  });
}

export const openRoundInput = (f: Fields): OpenRoundRequest => ({
  communeCode: text(f, 'commune_code', 5),
  kind: roundKindOf(text(f, 'kind', 20)),
});

export const addHouseholdInput = (roundId: string, f: Fields): AddHouseholdToRoundRequest => ({
  roundId,
  householdId: idParam(text(f, 'household_id', 40), 'household_id'),
  reason: text(f, 'reason'),
});

export function reviewRequestInput(f: Fields): RecordReviewRequestRequest {
  const receivedOn = day(f, 'received_on', false);
  return {
    householdId: idParam(text(f, 'household_id', 40), 'household_id'),
    form: requestFormOf(text(f, 'form', 10)),
    ...(receivedOn === undefined ? {} : { receivedOn }),
    note: text(f, 'note'),
  };
}

export function refusalInput(requestId: string, f: Fields): RefuseReviewRequestRequest {
  const refusedOn = day(f, 'refused_on', false);
  return {
    requestId,
    documentNumber: text(f, 'document_number', 100),
    ...(refusedOn === undefined ? {} : { refusedOn }),
    reason: text(f, 'reason'),
    signer: text(f, 'signer', 200),
  };
}

export const assessmentInput = (roundId: string, f: Fields): RecordAssessmentRequest => ({
  roundId,
  householdId: idParam(text(f, 'household_id', 40), 'household_id'),
  incomePerPerson: vnd(f, 'income_per_person'),
  deprivedIndicatorCodes: codes(f, 'deprived_indicator_codes'),
});

export const meetingInput = (roundId: string, f: Fields): RecordVillageMeetingRequest => ({
  roundId,
  villageCode: text(f, 'village_code', 50),
  heldOn: day(f, 'held_on', true),
  attendees: count(f, 'attendees'),
  agreedCount: count(f, 'agreed_count'),
});

export const postingInput = (roundId: string, f: Fields): RecordPublicPostingRequest => ({
  roundId,
  postedFrom: day(f, 'posted_from', true),
  postedTo: day(f, 'posted_to', true),
});

export const opinionInput = (roundId: string, f: Fields): RecordDistrictOpinionRequest => ({
  roundId,
  givenOn: day(f, 'given_on', true),
  documentNumber: text(f, 'document_number', 100),
  opinion: text(f, 'opinion'),
});

export const recognitionInput = (roundId: string, f: Fields): RecognizeRoundRequest => ({
  roundId,
  decisionNumber: text(f, 'decision_number', 100),
  decidedOn: day(f, 'decided_on', true),
  signer: text(f, 'signer', 200),
});
