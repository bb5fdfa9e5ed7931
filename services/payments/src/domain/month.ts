/**
 * Months (tháng) as 'YYYY-MM' strings, the unit of the ledger and of payrolls. The string form
 * sorts like the calendar. SQL stores the first day of the month ('YYYY-MM-01').
 */
import { InvalidArgumentError } from '@posa/platform';

export type Month = string;

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

/** A CalendarMonth of the proto as 'YYYY-MM'; InvalidArgumentError(field) when absent or invalid. */
export function monthFromProto(
  value: { year: number; month: number } | undefined,
  field: string,
): Month {
  if (value === undefined || (value.year === 0 && value.month === 0)) {
    throw new InvalidArgumentError(field, 'is required');
  }
  if (!Number.isInteger(value.year) || value.year < 1900 || value.year > 9999) {
    throw new InvalidArgumentError(`${field}.year`, 'must be a year from 1900 to 9999');
  }
  if (!Number.isInteger(value.month) || value.month < 1 || value.month > 12) {
    throw new InvalidArgumentError(`${field}.month`, 'must be 1 to 12');
  }
  return `${String(value.year).padStart(4, '0')}-${String(value.month).padStart(2, '0')}`;
}

/** The CalendarMonth message of a month. */
export function monthToProto(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** Months since year 0, for arithmetic. */
export function monthIndex(month: Month): number {
  const match = MONTH.exec(month);
  if (match === null) throw new TypeError(`not a YYYY-MM month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthFromIndex(i));
  return months;
}

/** 'YYYY-MM-01', as SQL stores a month. */
export function monthDate(month: Month): string {
  monthIndex(month);
  return `${month}-01`;
}
