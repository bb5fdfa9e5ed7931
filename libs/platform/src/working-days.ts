/**
 * Working days (ngày làm việc) for time limits: Monday to Friday, except public holidays
 * (ngày nghỉ lễ, Tết; PUBLIC_HOLIDAY_DAYS of public-holidays.ts, passed in by the caller).
 */

const DATE = /^([0-9]{4})-(0[1-9]|1[0-2])-([0-2][0-9]|3[01])$/;

function toUtc(date: string): Date {
  const match = DATE.exec(date);
  const d = new Date(`${date}T00:00:00Z`);
  if (match === null || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new TypeError(`not a YYYY-MM-DD date: ${date}`);
  }
  return d;
}

/** The date `n` calendar days after `date`. */
export function addCalendarDays(date: string, n: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * The day a time limit of `days` working days that starts on `date` ends: the `days`-th working
 * day after `date` (the starting day is not counted). With 0 days: `date` itself when it is a
 * working day, else the next working day.
 */
export function addWorkingDays(date: string, days: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
  let day = date;
  if (days === 0) {
    while (!isWorkingDay(day, holidays)) day = addCalendarDays(day, 1);
    return day;
  }
  let left = days;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/** Working days from `from` to `to`, both counted (0 when `to` is before `from`). */
export function workingDaysBetween(
  from: string,
  to: string,
  holidays: ReadonlySet<string>,
): number {
  toUtc(from);
  toUtc(to);
  let count = 0;
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, holidays)) count++;
  }
  return count;
}
