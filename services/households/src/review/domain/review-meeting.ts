/**
 * Village meeting (họp dân) and public posting (niêm yết công khai) rules. The meeting must
 * be agreed by at least the configured share of attendees (50 %: exactly half passes). The
 * posting lasts at least N working days, counted Monday to Friday: there is no holiday
 * calendar yet, so public holidays count as working days.
 */

/** Agreed when agreed / attendees ≥ minPercent / 100, in integer arithmetic. */
export function meetingAgrees(attendees: number, agreed: number, minPercent: number): boolean {
  return agreed * 100 >= minPercent * attendees;
}

/** Monday–Friday days from `from` to `to`, both inclusive (0 when to < from). */
export function workingDaysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end < start) return 0;
  const days = Math.round((end - start) / 86_400_000) + 1;
  const startDow = new Date(start).getUTCDay();
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let i = 0; i < days % 7; i++) {
    const dow = (startDow + weeks * 7 + i) % 7;
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}
