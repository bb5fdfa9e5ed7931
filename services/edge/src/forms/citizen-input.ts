/**
 * The citizen forms read into requests (dịch vụ công): the application (hồ sơ đề nghị), the
 * tracking query and the complaint (phản ánh). Only the shape is checked here, each refusal
 * naming the form field; the cases service decides everything else. No benefit field exists.
 */
import {
  CaseKind,
  PaymentChannel,
  type FileComplaintRequest,
  type SubmitOnlineApplicationRequest,
} from '@posa/proto';
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';

export type Fields = Readonly<Record<string, string | undefined>>;

/** Procedures offered online, by their form value. */
export const KIND_OF_NAME = {
  monthly_allowance: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
  care_support: CaseKind.CASE_KIND_CARE_SUPPORT,
} as const;
export type KindName = keyof typeof KIND_OF_NAME;
export const KIND_NAMES = Object.keys(KIND_OF_NAME) as KindName[];

export const CHANNEL_OF_NAME = {
  cash_at_commune: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE,
  post_office: PaymentChannel.PAYMENT_CHANNEL_POST_OFFICE,
  bank_transfer: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
} as const;
export type ChannelName = keyof typeof CHANNEL_OF_NAME;
export const CHANNEL_NAMES = Object.keys(CHANNEL_OF_NAME) as ChannelName[];

export const CITIZEN_ID = /^[0-9]{12}$/;
const COMMUNE = /^[0-9]{5}$/;
const TRACKING_CODE = /^[A-Za-z0-9 -]{4,40}$/;

/** A text field, trimmed ('' when absent), at most `max` characters. */
export function text(fields: Fields, name: string, max: number): string {
  const value = (fields[name] ?? '').trim();
  if (value.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return value;
}

export function required(fields: Fields, name: string, max: number): string {
  const value = text(fields, name, max);
  if (value === '') throw badRequest(name, 'is required');
  return value;
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[]): T {
  const value = text(fields, name, 40);
  if (!(allowed as readonly string[]).includes(value))
    throw badRequest(name, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function citizenId(fields: Fields, name: string): string {
  const value = required(fields, name, 12);
  if (!CITIZEN_ID.test(value)) throw badRequest(name, 'must be the 12 digits of the citizen ID');
  return value;
}

function communeCode(fields: Fields, name: string): string {
  const value = required(fields, name, 5);
  if (!COMMUNE.test(value)) throw badRequest(name, 'must be a 5-digit commune code');
  return value;
}

/** The application form without its attachments and the source address. */
export type ApplicationInput = Omit<
  SubmitOnlineApplicationRequest,
  'attachments' | 'sourceAddress'
>;

export function applicationFromFields(fields: Fields): ApplicationInput {
  const kind = KIND_OF_NAME[oneOf(fields, 'kind', KIND_NAMES)];
  const dobText = required(fields, 'date_of_birth', 10);
  const dateOfBirth = parseDate(dobText);
  if (dateOfBirth === undefined) throw badRequest('date_of_birth', 'must be a date YYYY-MM-DD');
  const sex = oneOf(fields, 'sex', ['male', 'female'] as const);
  const applicant = {
    fullName: required(fields, 'full_name', 200),
    dateOfBirth,
    sex,
    citizenId: citizenId(fields, 'citizen_id'),
    phone: required(fields, 'phone', 20),
    email: text(fields, 'email', 200),
    communeCode: communeCode(fields, 'commune_code'),
    streetAddress: required(fields, 'street_address', 300),
  };
  if (!/^\+?[0-9 .-]{8,20}$/.test(applicant.phone))
    throw badRequest('phone', 'must be a phone number');
  if (applicant.email !== '' && !/^[^\s@]+@[^\s@]+$/.test(applicant.email))
    throw badRequest('email', 'must be an e-mail address');
  const self = oneOf(fields, 'filed_by', ['self', 'other'] as const) === 'self';
  const channelName = oneOf(fields, 'payment_channel', CHANNEL_NAMES);
  const bank = channelName === 'bank_transfer';
  const accountNumber = bank ? required(fields, 'account_number', 19) : '';
  if (bank && !/^[0-9]{6,19}$/.test(accountNumber))
    throw badRequest('account_number', 'must be 6 to 19 digits');
  const suggested = text(fields, 'suggested_category_code', 40);
  if (suggested !== '' && !/^[a-z0-9-]+$/.test(suggested))
    throw badRequest('suggested_category_code', 'is not a category code');
  return {
    kind,
    applicant,
    filedByName: self ? '' : required(fields, 'filed_by_name', 200),
    filedByRelation: self ? '' : required(fields, 'filed_by_relation', 100),
    circumstances: required(fields, 'circumstances', 4000),
    suggestedCategoryCode: suggested,
    payment: {
      channel: CHANNEL_OF_NAME[channelName],
      bankCode: bank ? required(fields, 'bank_code', 20) : '',
      accountNumber,
    },
  };
}

/** Tracking code and citizen ID (tra cứu). */
export function trackingFromFields(fields: Fields): { trackingCode: string; citizenId: string } {
  const trackingCode = required(fields, 'tracking_code', 40).toUpperCase();
  if (!TRACKING_CODE.test(trackingCode))
    throw badRequest('tracking_code', 'is not a tracking code');
  return { trackingCode, citizenId: citizenId(fields, 'citizen_id') };
}

export const SUBJECT_KINDS = ['online_application', 'case', 'household', 'other'] as const;

/** A citizen's complaint: what it is about, the commune that manages it, who complains. */
export function complaintFromFields(
  fields: Fields,
): Omit<FileComplaintRequest, 'sourceAddress' | 'subjectId'> {
  return {
    subjectKind: oneOf(fields, 'subject_kind', SUBJECT_KINDS),
    managingUnitCode: communeCode(fields, 'managing_unit_code'),
    complainantName: required(fields, 'complainant_name', 200),
    complainantCitizenId: citizenId(fields, 'complainant_citizen_id'),
    complainantPhone: text(fields, 'complainant_phone', 20),
    content: required(fields, 'content', 4000),
  };
}

/** The form's name of a field the cases service named (`applicant.citizen_id` → `citizen_id`). */
export function formFieldOf(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (field.startsWith('attachments')) return 'attachments';
  if (field === 'payment.channel') return 'payment_channel';
  return field.replace(/^(applicant|payment)\./, '');
}

/**
 * A complaint staff record for a caller (by phone, at the desk): the subject may be named by
 * its id, the unit may then be left to the service, the caller's ID may be unknown.
 */
export function staffComplaintFromFields(
  fields: Fields,
): Omit<FileComplaintRequest, 'sourceAddress'> {
  const subjectId = text(fields, 'subject_id', 36).toLowerCase();
  if (
    subjectId !== '' &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(subjectId)
  )
    throw badRequest('subject_id', 'must be a UUID');
  const unit = text(fields, 'managing_unit_code', 5);
  if (unit !== '' && !COMMUNE.test(unit))
    throw badRequest('managing_unit_code', 'must be a 5-digit commune code');
  const id = text(fields, 'complainant_citizen_id', 12);
  if (id !== '' && !CITIZEN_ID.test(id))
    throw badRequest('complainant_citizen_id', 'must be the 12 digits of the citizen ID');
  return {
    subjectKind: oneOf(fields, 'subject_kind', SUBJECT_KINDS),
    subjectId,
    managingUnitCode: unit,
    complainantName: required(fields, 'complainant_name', 200),
    complainantCitizenId: id,
    complainantPhone: text(fields, 'complainant_phone', 20),
    content: required(fields, 'content', 4000),
  };
}
