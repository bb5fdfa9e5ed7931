import fc from 'fast-check';
import { addDays } from './review-procedure';
import { meetingAgrees, workingDaysBetween } from './review-meeting';

describe('village meeting threshold (50 %)', () => {
  it('passes at exactly half and fails one below', () => {
    expect(meetingAgrees(10, 5, 50)).toBe(true);
    expect(meetingAgrees(10, 4, 50)).toBe(false);
    expect(meetingAgrees(7, 4, 50)).toBe(true);
    expect(meetingAgrees(7, 3, 50)).toBe(false);
  });

  it('agrees exactly when 2 × agreed ≥ attendees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (attendees, n) => {
        const agreed = n % (attendees + 1);
        expect(meetingAgrees(attendees, agreed, 50)).toBe(2 * agreed >= attendees);
      }),
    );
  });
});

/** Independent count, day by day. */
function slowCount(from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

describe('working days (Mon–Fri, no holiday calendar)', () => {
  it('counts known weeks', () => {
    // 2026-11-20 is a Friday
    expect(workingDaysBetween('2026-11-20', '2026-11-24')).toBe(3);
    expect(workingDaysBetween('2026-11-21', '2026-11-22')).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-25')).toBe(3);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(1);
    expect(workingDaysBetween('2026-11-24', '2026-11-23')).toBe(0);
  });

  it('agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 60 }),
        (start, length) => {
          const from = addDays('2020-01-01', start);
          const to = addDays(from, length);
          expect(workingDaysBetween(from, to)).toBe(slowCount(from, to));
        },
      ),
    );
  });
});
