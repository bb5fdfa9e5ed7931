/**
 * Months (tháng) as 'YYYY-MM' strings: the unit of the monthly allowance (cases) and of the
 * ledger and payrolls (payments). The string form sorts like the calendar, so months compare
 * as strings; SQL stores a month as its first day ('YYYY-MM-01').
 */
import { InvalidArgumentError } from './grpc/errors';

export type Month = string;

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;
const DATE = /^([0-9]{4})-(0[1-9]|1[0-2])-([0-2][0-9]|3[01])$/;

/** Checks a 'YYYY-MM' text (years 1900–9999); InvalidArgumentError(field) otherwise. */
export function parseMonth(text: string, field: string): Month {
  const match = MONTH.exec(text);
  if (match === null) throw new InvalidArgumentError(field, 'must be a month as YYYY-MM');
  if (Number(match[1]) < 1900) throw new InvalidArgumentError(field, 'must be in 1900 or later');
  return text;
}

/** The month of a 'YYYY-MM-DD' date. */
export function monthOfDate(date: string): Month {
  if (!DATE.test(date)) throw new TypeError(`monthOfDate: not a YYYY-MM-DD date: ${date}`);
  return date.slice(0, 7);
}

/** Months since year 0: a plain integer for arithmetic. */
export function monthIndex(month: Month): number {
  const match = MONTH.exec(month);
  if (match === null) throw new TypeError(`not a YYYY-MM month: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The month of a month index. */
export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: Month, n: number): Month {
  if (!Number.isInteger(n)) throw new TypeError(`addMonths: n must be an integer, got ${n}`);
  return monthFromIndex(monthIndex(month) + n);
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}

/** Every month from `from` to `to`, both included; [] when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const first = monthIndex(from);
  const last = monthIndex(to);
  const months: Month[] = [];
  for (let i = first; i <= last; i++) months.push(monthFromIndex(i));
  return months;
}

/** The first day of the month, 'YYYY-MM-01': the day rules are judged on. */
export function firstDayOf(month: Month): string {
  monthIndex(month);
  return `${month}-01`;
}

/**
 * The first month whose first day is on or after `date`: a rule valid from 2024-07-01 applies
 * from 2024-07, one valid from 2024-07-15 first applies in 2024-08.
 */
export function firstMonthStartingOnOrAfter(date: string): Month {
  const month = monthOfDate(date);
  return date.endsWith('-01') ? month : addMonths(month, 1);
}

/** The CalendarMonth message of a month. */
export function monthToProto(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}
