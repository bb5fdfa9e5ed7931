/** Names of the case enums in JSON, forms and dictionaries, and the proto values they stand for. */
import { CaseKind, CaseStatus, DisabilityLevel, PaymentChannel } from '@posa/proto';

export const CASE_STATUS_OF_NAME = {
  submitted: CaseStatus.CASE_STATUS_SUBMITTED,
  returned: CaseStatus.CASE_STATUS_RETURNED,
  checked: CaseStatus.CASE_STATUS_CHECKED,
  appraised: CaseStatus.CASE_STATUS_APPRAISED,
  verified: CaseStatus.CASE_STATUS_VERIFIED,
  active: CaseStatus.CASE_STATUS_ACTIVE,
  rejected: CaseStatus.CASE_STATUS_REJECTED,
  suspended: CaseStatus.CASE_STATUS_SUSPENDED,
  terminated: CaseStatus.CASE_STATUS_TERMINATED,
  transferred: CaseStatus.CASE_STATUS_TRANSFERRED,
} as const;
export const CASE_KIND_OF_NAME = {
  monthly_allowance: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
  care_support: CaseKind.CASE_KIND_CARE_SUPPORT,
} as const;
export const DISABILITY_OF_NAME = {
  severe: DisabilityLevel.DISABILITY_LEVEL_SEVERE,
  extremely_severe: DisabilityLevel.DISABILITY_LEVEL_EXTREMELY_SEVERE,
} as const;
export const CHANNEL_OF_NAME = {
  cash_at_commune: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE,
  post_office: PaymentChannel.PAYMENT_CHANNEL_POST_OFFICE,
  bank_transfer: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
} as const;
export type CaseStatusName = keyof typeof CASE_STATUS_OF_NAME;
export type CaseKindName = keyof typeof CASE_KIND_OF_NAME;
export type DisabilityName = keyof typeof DISABILITY_OF_NAME;
export type ChannelName = keyof typeof CHANNEL_OF_NAME;
export const CASE_STATUSES = Object.keys(CASE_STATUS_OF_NAME) as CaseStatusName[];
export const CASE_KINDS = Object.keys(CASE_KIND_OF_NAME) as CaseKindName[];
export const DISABILITY_LEVELS = Object.keys(DISABILITY_OF_NAME) as DisabilityName[];
export const CHANNELS = Object.keys(CHANNEL_OF_NAME) as ChannelName[];

/** The name of an enum value in a table, null for UNSPECIFIED or an unknown value. */
export function nameIn<T extends string>(table: Record<T, number>, value: number): T | null {
  return (Object.keys(table) as T[]).find((k) => table[k] === value) ?? null;
}
