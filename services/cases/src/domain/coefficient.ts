/**
 * Coefficients (hệ số) of the monthly allowance: the person's age on a date, the rule of a
 * category that applies, and the amount base level × coefficient rounded to the dong.
 */
import { FailedPreconditionError } from '@posa/platform';
import {
  inForceOn,
  type CoefficientRule,
  type DisabilityLevel,
  type PolicyCatalogue,
} from './policy-catalogue';

/** What the entitlement needs to know of the beneficiary. */
export interface BeneficiaryFacts {
  birthYear: number;
  /** 1–12, null when only the year is known (counted as January). */
  birthMonth: number | null;
  /** 1–31, null when unknown (counted as the 1st). */
  birthDay: number | null;
  /** Province of the managing commune: chooses a provincial base level. */
  provinceCode: string;
}

/**
 * Full months of age on a date (YYYY-MM-DD). A birth known only by year counts as 1 January,
 * one known only by month as the 1st of that month [M]. On the first day of the month of the
 * 4th birthday a child born on the 15th is still 47 months old.
 */
export function ageInMonthsOn(person: BeneficiaryFacts, date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const birthMonth = person.birthMonth ?? 1;
  const birthDay = person.birthDay ?? 1;
  const months = (year - person.birthYear) * 12 + (month - birthMonth);
  return day < birthDay ? months - 1 : months;
}

/** True when the rule's age band and disability level cover the person. */
export function ruleCovers(
  rule: CoefficientRule,
  ageMonths: number,
  disabilityLevel: DisabilityLevel | null,
): boolean {
  if (rule.minAgeMonths !== null && ageMonths < rule.minAgeMonths) return false;
  if (rule.maxAgeMonths !== null && ageMonths >= rule.maxAgeMonths) return false;
  return rule.disabilityLevel === null || rule.disabilityLevel === disabilityLevel;
}

/**
 * The coefficient rule of a category that applies to the person on a date (the first day of a
 * month). When several lines cover the person the highest coefficient wins. No line at all is
 * an error naming the category: an amount is never silently 0.
 */
export function coefficientFor(
  catalogue: PolicyCatalogue,
  categoryCode: string,
  person: BeneficiaryFacts,
  disabilityLevel: DisabilityLevel | null,
  date: string,
): CoefficientRule {
  const age = ageInMonthsOn(person, date);
  let best: CoefficientRule | undefined;
  for (const rule of catalogue.coefficientRules) {
    if (rule.categoryCode !== categoryCode || !inForceOn(rule, date)) continue;
    if (!ruleCovers(rule, age, disabilityLevel)) continue;
    if (best === undefined || rule.coefficientHundredths > best.coefficientHundredths) best = rule;
  }
  if (best === undefined) {
    throw new FailedPreconditionError(
      `category ${categoryCode}: no coefficient rule (hệ số) in force on ${date} covers ` +
        `the beneficiary's age band and disability level`,
    );
  }
  return best;
}

/**
 * Base level × coefficient in hundredths, rounded half up to the dong with integer arithmetic
 * only: floor((base × coef + 50) / 100).
 */
export function amountOf(baseLevelVnd: number, coefficientHundredths: number): number {
  if (!Number.isSafeInteger(baseLevelVnd) || baseLevelVnd < 0) {
    throw new RangeError(`base level must be a non-negative safe integer, got ${baseLevelVnd}`);
  }
  if (!Number.isSafeInteger(coefficientHundredths) || coefficientHundredths < 0) {
    throw new RangeError(
      `coefficient must be a non-negative integer, got ${coefficientHundredths}`,
    );
  }
  const scaled = baseLevelVnd * coefficientHundredths + 50;
  if (!Number.isSafeInteger(scaled)) throw new RangeError('amount exceeds the safe integer range');
  return (scaled - (scaled % 100)) / 100;
}

/** Dong with Vietnamese grouping: 750000 -> '750.000'. */
export function formatVnd(amount: number): string {
  const digits = String(Math.abs(amount));
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += '.';
    grouped += digits[i];
  }
  return amount < 0 ? `-${grouped}` : grouped;
}

/** A coefficient in hundredths with a decimal comma: 150 -> '1,5', 200 -> '2', 125 -> '1,25'. */
export function formatCoefficient(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  if (cents === 0) return String(whole);
  const fraction = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${whole},${fraction}`;
}
