/** Calendar dates as the API carries them ({year, month, day}) and as ISO strings. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The date in Vietnam (UTC+7, no daylight saving) at the given instant, as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, or null when the parts are not a real full date. */
export function isoFromParts(parts: DateParts): string | null {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function partsFromIso(iso: string): DateParts {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
