/**
 * Pure parsing of what the case forms and the case API receive into the requests of the cases
 * service. Pages and API both hand text here (JSON bodies are read into the same shapes first),
 * so a refusal names the same field either way: `eligibility.category_codes`,
 * `payment.account_number`, `decision.signed_on`... The service checks every rule again
 * (categories in force, competent level, dates); this only refuses what cannot be a request.
 */
import type {
  CalendarDate,
  CalendarMonth,
  DecisionInput,
  Eligibility,
  PaymentAccount,
} from '@posa/proto';
import { CaseKind, CaseStatus, DisabilityLevel, PaymentChannel } from '@posa/proto';
import { badRequest } from '../http/errors';
import { parseDate } from '../http/params';
import {
  CASE_KIND_OF_NAME,
  CASE_STATUS_OF_NAME,
  CHANNEL_OF_NAME,
  DISABILITY_OF_NAME,
} from '../api/case-json';

const MONTH = /^(\d{4})-(\d{2})$/;

/** A month "YYYY-MM" (mm 01..12). */
export function parseMonth(text: string, field: string): CalendarMonth {
  const m = MONTH.exec(text.trim());
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw badRequest(field, 'must be a month YYYY-MM');
  return { year: Number(m[1]), month };
}

/** A month, or undefined when left empty. */
export function optionalMonth(text: string, field: string): CalendarMonth | undefined {
  return text.trim() === '' ? undefined : parseMonth(text, field);
}

/** A whole day "YYYY-MM-DD" that exists. */
export function parseDay(text: string, field: string): CalendarDate {
  const day = parseDate(text.trim());
  if (day === undefined) throw badRequest(field, 'must be a date YYYY-MM-DD');
  return day;
}

/** A day, or undefined when left empty. */
export function optionalDay(text: string, field: string): CalendarDate | undefined {
  return text.trim() === '' ? undefined : parseDay(text, field);
}

function named<T extends string>(
  table: Record<T, number>,
  text: string,
  field: string,
  required: boolean,
): number {
  const value = text.trim();
  if (value === '') {
    if (required) throw badRequest(field, 'is required');
    return 0;
  }
  if (!(value in table)) throw badRequest(field, `must be one of ${Object.keys(table).join(', ')}`);
  return table[value as T];
}

export const caseKindOf = (text: string, field = 'kind'): CaseKind =>
  named(CASE_KIND_OF_NAME, text, field, true) as CaseKind;

/** A status filter; empty = every status. */
export const caseStatusOf = (text: string, field = 'status'): CaseStatus =>
  named(CASE_STATUS_OF_NAME, text, field, false) as CaseStatus;

/** The lines of a text area (documents, missing items), trimmed, blanks dropped. */
export function linesOf(text: string, field: string, max = 50): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > max) throw badRequest(field, `must list at most ${max} items`);
  if (lines.some((l) => l.length > 300))
    throw badRequest(field, 'each item must be at most 300 characters');
  return lines;
}

export interface EligibilityText {
  categoryCodes: readonly string[];
  disabilityLevel: string;
  careSupportTypeCode: string;
}

/** Diện hưởng, mức độ khuyết tật, loại hỗ trợ chăm sóc. */
export function eligibilityOf(e: EligibilityText, field = 'eligibility'): Eligibility {
  const categoryCodes = [...new Set(e.categoryCodes.map((c) => c.trim()).filter((c) => c !== ''))];
  if (categoryCodes.some((c) => !/^[A-Za-z0-9_.-]{1,40}$/.test(c)))
    throw badRequest(`${field}.category_codes`, 'must be category codes of the catalogue');
  return {
    categoryCodes,
    disabilityLevel: named(
      DISABILITY_OF_NAME,
      e.disabilityLevel,
      `${field}.disability_level`,
      false,
    ) as DisabilityLevel,
    careSupportTypeCode: e.careSupportTypeCode.trim(),
  };
}

export interface PaymentText {
  channel: string;
  bankCode: string;
  accountNumber: string;
}

/** Hình thức chi trả; a bank transfer needs the bank and a 6–19 digit account number. */
export function paymentOf(p: PaymentText, field = 'payment'): PaymentAccount {
  const channel = named(CHANNEL_OF_NAME, p.channel, `${field}.channel`, true) as PaymentChannel;
  const bankCode = p.bankCode.trim();
  const accountNumber = p.accountNumber.replace(/\s+/g, '');
  if (channel === PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER) {
    if (bankCode === '') throw badRequest(`${field}.bank_code`, 'is required for a bank transfer');
    if (!/^[0-9]{6,19}$/.test(accountNumber))
      throw badRequest(`${field}.account_number`, 'must be 6 to 19 digits');
    return { channel, bankCode, accountNumber };
  }
  return { channel, bankCode: '', accountNumber: '' };
}

export interface DecisionText {
  number: string;
  signedOn: string;
  signer: string;
  effectiveMonth: string;
  reason: string;
}

/** Số quyết định, ngày ký, người ký, tháng có hiệu lực, lý do. */
export function decisionInputOf(d: DecisionText, field = 'decision'): DecisionInput {
  const number = d.number.trim();
  if (number === '') throw badRequest(`${field}.number`, 'is required');
  if (d.signedOn.trim() === '') throw badRequest(`${field}.signed_on`, 'is required');
  return {
    number,
    signedOn: parseDay(d.signedOn, `${field}.signed_on`),
    signer: d.signer.trim(),
    effectiveMonth: optionalMonth(d.effectiveMonth, `${field}.effective_month`),
    reason: d.reason.trim(),
  };
}

/** An expected version read from a page or a body (optimistic concurrency). */
export function versionOf(value: unknown): number {
  const v = typeof value === 'string' ? Number(value) : value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw badRequest('expected_version', 'must be the case version read (an integer ≥ 1)');
  return v;
}

/** The month range of an entitlement table: at most 120 months, `to` not before `from`. */
export function monthRange(
  fromText: string,
  toText: string,
): { fromMonth: CalendarMonth; toMonth?: CalendarMonth } {
  const fromMonth = parseMonth(fromText, 'from_month');
  const toMonth = optionalMonth(toText, 'to_month');
  if (toMonth !== undefined) {
    const span = (toMonth.year - fromMonth.year) * 12 + (toMonth.month - fromMonth.month);
    if (span < 0) throw badRequest('to_month', 'must not be before from_month');
    if (span >= 120) throw badRequest('to_month', 'must be at most 120 months after from_month');
    return { fromMonth, toMonth };
  }
  return { fromMonth };
}

/** The grounds of thôi hưởng the service knows. */
export const TERMINATION_GROUNDS = ['deceased', 'not_eligible', 'moved_away'] as const;

export function groundOf(text: string, field = 'ground'): string {
  const value = text.trim();
  if (!(TERMINATION_GROUNDS as readonly string[]).includes(value))
    throw badRequest(field, `must be one of ${TERMINATION_GROUNDS.join(', ')}`);
  return value;
}

/** A 5-digit commune code of the 2025 structure. */
export function communeCodeOf(text: string, field: string): string {
  const value = text.trim();
  if (!/^[0-9]{5}$/.test(value)) throw badRequest(field, 'must be a 5-digit commune code');
  return value;
}
