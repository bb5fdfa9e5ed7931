/**
 * Village meeting (họp dân) rule: the meeting must be agreed by at least the configured share
 * of attendees (50 %: exactly half passes). The public posting's working days are counted by
 * workingDaysBetween of @posa/platform, public holidays excluded.
 */

/** Agreed when agreed / attendees ≥ minPercent / 100, in integer arithmetic. */
export function meetingAgrees(attendees: number, agreed: number, minPercent: number): boolean {
  return agreed * 100 >= minPercent * attendees;
}
