/**
 * Validation of what officers and approvers send: eligibility against the policy catalogue,
 * the payment account, dates and texts of decisions. Every refusal names the field.
 */
import { DomainError, InvalidArgumentError, type Month } from '@posa/platform';
import type { CaseKind, EligibilityFacts, PaymentFacts } from './case-record';
import { factsOf } from './case-record';
import type { CaseRow } from './case-record';
import { monthlyEntitlement } from './entitlement';
import {
  careSupportTypeInForce,
  categoryInForce,
  inForceOn,
  type DisabilityLevel,
  type PolicyCatalogue,
} from './policy-catalogue';

/** Trimmed text of at most `max` characters; required ones may not be blank. */
export function validateText(raw: string, field: string, max: number, required: boolean): string {
  const text = raw.trim();
  if (required && text === '') throw new InvalidArgumentError(field, 'is required');
  if (text.length > max) throw new InvalidArgumentError(field, `is longer than ${max} characters`);
  return text;
}

/** A list of short texts (documents, missing items): trimmed, blanks refused. */
export function validateItems(
  raw: readonly string[],
  field: string,
  options: { required: boolean; maxItems?: number; maxLength?: number },
): string[] {
  const maxItems = options.maxItems ?? 50;
  const maxLength = options.maxLength ?? 200;
  if (options.required && raw.length === 0) {
    throw new InvalidArgumentError(field, 'must name at least one item');
  }
  if (raw.length > maxItems)
    throw new InvalidArgumentError(field, `has more than ${maxItems} items`);
  return raw.map((item, i) => validateText(item, `${field}[${i}]`, maxLength, true));
}

/** A category "needs" a disability level when every coefficient line in force names one. */
export function categoryNeedsDisability(
  catalogue: PolicyCatalogue,
  code: string,
  date: string,
): boolean {
  const lines = catalogue.coefficientRules.filter(
    (r) => r.categoryCode === code && inForceOn(r, date),
  );
  return lines.length > 0 && lines.every((r) => r.disabilityLevel !== null);
}

/**
 * The eligibility of a case of `kind` as the catalogue has it on `date`: a monthly allowance
 * names categories in force (diện hưởng) and no care-support type; care support names a type
 * in force and no categories. A disability level is required when a category needs one.
 */
export function validateEligibility(
  catalogue: PolicyCatalogue,
  kind: CaseKind,
  raw: {
    categoryCodes: readonly string[];
    disabilityLevel: DisabilityLevel | null;
    careSupportTypeCode: string;
  },
  date: string,
  field: string,
): EligibilityFacts {
  const codes = [...new Set(raw.categoryCodes.map((c) => c.trim()))];
  const type = raw.careSupportTypeCode.trim();
  if (kind === 'monthly_allowance') {
    if (codes.length === 0) {
      throw new InvalidArgumentError(`${field}.category_codes`, 'must name at least one category');
    }
    if (type !== '') {
      throw new InvalidArgumentError(
        `${field}.care_support_type_code`,
        'is only for care-support cases',
      );
    }
    for (const code of codes) {
      if (categoryInForce(catalogue, code, date) === undefined) {
        throw new InvalidArgumentError(
          `${field}.category_codes`,
          `${code} is not a category in force on ${date}`,
        );
      }
    }
    const needs = codes.some((c) => categoryNeedsDisability(catalogue, c, date));
    if (needs && raw.disabilityLevel === null) {
      throw new InvalidArgumentError(
        `${field}.disability_level`,
        'is required for the disability category',
      );
    }
    return {
      categoryCodes: codes,
      disabilityLevel: raw.disabilityLevel,
      careSupportTypeCode: null,
    };
  }
  if (codes.length > 0) {
    throw new InvalidArgumentError(
      `${field}.category_codes`,
      'care-support cases name a care-support type, not categories',
    );
  }
  if (type === '') throw new InvalidArgumentError(`${field}.care_support_type_code`, 'is required');
  if (careSupportTypeInForce(catalogue, type, date) === undefined) {
    throw new InvalidArgumentError(
      `${field}.care_support_type_code`,
      `${type} is not a care-support type in force on ${date}`,
    );
  }
  return { categoryCodes: [], disabilityLevel: raw.disabilityLevel, careSupportTypeCode: type };
}

/**
 * Checks that the catalogue gives the person an amount in `month` with this eligibility (a
 * coefficient line covers the age band and disability level); INVALID_ARGUMENT naming `field`.
 */
export function assertAmountDefined(
  catalogue: PolicyCatalogue,
  row: CaseRow,
  eligibility: EligibilityFacts,
  month: Month,
  field: string,
): void {
  try {
    const period = {
      fromMonth: month,
      toMonth: null,
      suspended: false,
      ...eligibility,
      decisionId: '',
      decisionNumber: '',
    };
    monthlyEntitlement(catalogue, row.kind, factsOf(row), [period], month);
  } catch (err) {
    if (err instanceof DomainError) throw new InvalidArgumentError(field, err.message);
    throw err;
  }
}

const BANK_CODE = /^[A-Z0-9]{2,20}$/;
const ACCOUNT = /^[0-9]{6,19}$/;

/** Hình thức chi trả: bank transfers need a bank code and a 6–19 digit account number. */
export function validatePayment(
  channel: PaymentFacts['paymentChannel'],
  bankCode: string,
  accountNumber: string,
  field: string,
): PaymentFacts {
  const bank = bankCode.trim().toUpperCase();
  const account = accountNumber.trim();
  if (channel !== 'bank_transfer') {
    if (bank !== '' || account !== '') {
      throw new InvalidArgumentError(`${field}.bank_code`, 'is only for bank transfers');
    }
    return { paymentChannel: channel, bankCode: null, accountNumber: null };
  }
  if (!BANK_CODE.test(bank)) {
    throw new InvalidArgumentError(`${field}.bank_code`, 'must be 2–20 letters or digits');
  }
  if (!ACCOUNT.test(account)) {
    throw new InvalidArgumentError(`${field}.account_number`, 'must be 6 to 19 digits');
  }
  return { paymentChannel: channel, bankCode: bank, accountNumber: account };
}

/** A date (YYYY-MM-DD) that is not after today. */
export function notInFuture(date: string, today: string, field: string): string {
  if (date > today) throw new InvalidArgumentError(field, 'must not be in the future');
  return date;
}

export interface DecisionFields {
  number: string;
  signedOn: string;
  signer: string;
}

/** Số quyết định, ngày ký and người ký: required; signed neither in the future nor before filing. */
export function validateDecisionFields(
  raw: DecisionFields,
  today: string,
  applicationDate: string,
): DecisionFields {
  const number = validateText(raw.number, 'decision_number', 50, true);
  const signer = validateText(raw.signer, 'signer', 200, true);
  notInFuture(raw.signedOn, today, 'signed_on');
  if (raw.signedOn < applicationDate) {
    throw new InvalidArgumentError('signed_on', 'is before the application date');
  }
  return { number, signedOn: raw.signedOn, signer };
}
