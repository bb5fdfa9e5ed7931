/**
 * A CalendarMonth of a payments request as a month ('YYYY-MM'); the month arithmetic is
 * @posa/platform's (calendar-month.ts), shared with the cases service.
 */
import { InvalidArgumentError, type Month } from '@posa/platform';

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
