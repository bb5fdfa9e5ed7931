/**
 * The mix of the synthetic ledger: categories (diện hưởng) with their age bands, payment
 * channels (hình thức chi trả) and banks. Shares are an approximation of the national caseload
 * for load testing, not statistics; every bank code is one the payments service knows.
 */
import type { CaseKind } from '../../../services/cases/src/domain/entitlement';
import { WeightedTable } from '../households/seeded-random';

export type PaymentChannel = 'cash_at_commune' | 'post_office' | 'bank_transfer';

export interface Profile {
  kind: CaseKind;
  categoryCodes: string[];
  careSupportTypeCode: string | null;
  disabled: boolean;
  /** Age band in whole years at the bench month, both included. */
  minYears: number;
  maxYears: number;
}

const allowance = (codes: string[], min: number, max: number, disabled = false): Profile => ({
  kind: 'monthly_allowance',
  categoryCodes: codes,
  careSupportTypeCode: null,
  disabled,
  minYears: min,
  maxYears: max,
});
const care = (code: string, min: number, max: number): Profile => ({
  kind: 'care_support',
  categoryCodes: [],
  careSupportTypeCode: code,
  disabled: false,
  minYears: min,
  maxYears: max,
});

/** Shares per mille of the caseload. */
export const PROFILES = new WeightedTable<Profile>([
  [allowance(['nd20-5c'], 80, 100), 440],
  [allowance(['nd20-6'], 1, 90, true), 300],
  [allowance(['nd20-5c', 'nd20-6'], 80, 95, true), 50],
  [allowance(['nd20-5a'], 60, 90), 50],
  [allowance(['nd20-5b'], 75, 79), 20],
  [allowance(['nd20-1'], 0, 15), 20],
  [allowance(['nd20-2'], 16, 21), 5],
  [allowance(['nd20-3'], 0, 15), 1],
  [allowance(['nd20-4'], 20, 50), 20],
  [allowance(['nd20-7'], 0, 2), 15],
  [allowance(['nd20-8'], 20, 60), 4],
  [allowance(['nd20-5d'], 60, 90), 2],
  [care('cs-household-carer', 20, 70), 60],
  [care('cs-foster-child', 25, 60), 8],
  [care('cs-disabled-parent-one', 18, 45), 3],
  [care('cs-foster-elderly-disabled', 25, 65), 2],
]);

export const CHANNELS = new WeightedTable<PaymentChannel>([
  ['cash_at_commune', 60],
  ['post_office', 25],
  ['bank_transfer', 15],
]);

/** Bank codes with the length of their account numbers (both within the cases input rules). */
export const BANKS = new WeightedTable<readonly [string, number]>([
  [['VBA', 13], 45],
  [['VBSP', 14], 20],
  [['BIDV', 12], 12],
  [['CTG', 12], 10],
  [['VCB', 10], 8],
  [['LPB', 12], 5],
]);
