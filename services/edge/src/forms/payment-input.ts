/**
 * Input of the payment pages and API (chi trả): months, payroll statuses, channels, outcomes of
 * a line (kết quả chi trả), the expected version, file names and the unit a payroll is generated
 * for. Pure parsing: each refusal names the field as the payments service names it
 * (`outcome`, `reason`, `paid_on`, `expected_version`, `commune_code`).
 */
import { PayrollStatus, type CalendarMonth, type RecordPaymentResultRequest } from '@posa/proto';
import { badRequest } from '../http/errors';
import { optionalDay, parseMonth } from './case-input';
import type { Source } from './case-source';

export const PAYROLL_STATUS_OF_NAME = {
  draft: PayrollStatus.PAYROLL_STATUS_DRAFT,
  approved: PayrollStatus.PAYROLL_STATUS_APPROVED,
  closed: PayrollStatus.PAYROLL_STATUS_CLOSED,
} as const;
export type PayrollStatusName = keyof typeof PAYROLL_STATUS_OF_NAME;
export const PAYROLL_STATUSES = Object.keys(PAYROLL_STATUS_OF_NAME) as PayrollStatusName[];

/** Hình thức chi trả: tại xã, qua bưu điện, chuyển khoản. */
export const PAYMENT_CHANNELS = ['cash_at_commune', 'post_office', 'bank_transfer'] as const;
export type PaymentChannelName = (typeof PAYMENT_CHANNELS)[number];

/** Kết quả một dòng: đã chi, chưa chi được (chuyển kỳ sau), bị trả lại. */
export const OUTCOMES = ['paid', 'unpaid', 'returned'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];

/** Kinds of the items of a line: kỳ này, truy lĩnh, thu hồi, chuyển kỳ trước. */
export const ITEM_KINDS = ['current', 'arrears', 'recovery', 'carried_over'] as const;

export const RESULT_IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;

/** The status name of a proto value; null for UNSPECIFIED or an unknown value. */
export function payrollStatusName(value: number): PayrollStatusName | null {
  return PAYROLL_STATUSES.find((s) => PAYROLL_STATUS_OF_NAME[s] === value) ?? null;
}

/** A status filter: '' for every status, else one of draft, approved, closed. */
export function payrollStatusOf(text: string, field = 'status'): PayrollStatus {
  const value = text.trim();
  if (value === '') return PayrollStatus.PAYROLL_STATUS_UNSPECIFIED;
  if (!(PAYROLL_STATUSES as readonly string[]).includes(value))
    throw badRequest(field, `must be one of ${PAYROLL_STATUSES.join(', ')}`);
  return PAYROLL_STATUS_OF_NAME[value as PayrollStatusName];
}

/** A month filter: undefined when empty, else "YYYY-MM". */
export function monthFilterOf(text: string, field = 'month'): CalendarMonth | undefined {
  return text.trim() === '' ? undefined : parseMonth(text, field);
}

/** A channel filter: '' for every channel. */
export function channelFilterOf(text: string, field = 'channel'): string {
  const value = text.trim();
  if (value !== '' && !(PAYMENT_CHANNELS as readonly string[]).includes(value))
    throw badRequest(field, `must be one of ${PAYMENT_CHANNELS.join(', ')}`);
  return value;
}

/** What a payroll is generated for: one commune, or every commune of a province. */
export type GenerationTarget =
  { kind: 'commune'; code: string } | { kind: 'province'; code: string };

export function generationTargetOf(text: string, field = 'commune_code'): GenerationTarget {
  const value = text.trim();
  if (/^[0-9]{5}$/.test(value)) return { kind: 'commune', code: value };
  if (/^[0-9]{2}$/.test(value)) return { kind: 'province', code: value };
  throw badRequest(field, 'must be a 5-digit commune or a 2-digit province code');
}

/** The payroll version read from the page or the body (optimistic concurrency). */
export function payrollVersionOf(text: string, field = 'expected_version'): number {
  const value = text.trim();
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) < 1)
    throw badRequest(field, 'must be the payroll version read (an integer ≥ 1)');
  return Number(value);
}

/**
 * Kết quả chi trả of one line: an outcome, the reason (required when unpaid or returned, at most
 * 500 characters) and the day paid (optional, YYYY-MM-DD).
 */
export function resultRequestOf(src: Source, lineId: string): RecordPaymentResultRequest {
  const outcome = src.text('outcome').trim();
  if (!(OUTCOMES as readonly string[]).includes(outcome))
    throw badRequest('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  const reason = src.text('reason').trim();
  if (outcome !== 'paid' && reason === '')
    throw badRequest('reason', 'is required when the line is unpaid or returned');
  if (reason.length > 500) throw badRequest('reason', 'must be at most 500 characters');
  const paidOn = optionalDay(src.text('paid_on'), 'paid_on');
  return { lineId, outcome, reason, ...(paidOn ? { paidOn } : {}) };
}

/** The mode of a result-file import: all_or_nothing (default) or valid_rows. */
export function resultImportModeOf(text: string, field = 'mode'): string {
  const value = text.trim();
  if (value === '') return 'all_or_nothing';
  if (!(RESULT_IMPORT_MODES as readonly string[]).includes(value))
    throw badRequest(field, `must be one of ${RESULT_IMPORT_MODES.join(', ')}`);
  return value;
}

/** A result file's name: .csv or .xlsx, no path, at most 255 characters. */
export function resultFileNameOf(text: string, field = 'file_name'): string {
  const value = text.trim();
  if (value === '' || value.length > 255 || /[\\/]/.test(value))
    throw badRequest(field, 'must be a file name (without a folder) of at most 255 characters');
  if (!/\.(csv|xlsx)$/i.test(value)) throw badRequest(field, 'must be a .csv or .xlsx file');
  return value;
}

/** The name of a payment file of a payroll, as ListPaymentFiles gives it. */
export function paymentFileNameOf(text: string, field = 'file_name'): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(text))
    throw badRequest(field, 'must be the name of a payment file of the payroll');
  return text;
}
