import fc from 'fast-check';
import { PUBLIC_HOLIDAY_DAYS as HOLIDAYS, PUBLIC_HOLIDAYS } from './public-holidays';
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

const NONE: ReadonlySet<string> = new Set();

const date = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addCalendarDays('2024-01-01', n));

describe('working days', () => {
  it('Monday to Friday are working days unless a holiday', () => {
    expect(isWorkingDay('2026-03-06', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', NONE)).toBe(false); // Sunday
    expect(isWorkingDay('2026-09-02', HOLIDAYS)).toBe(false); // Quốc khánh, Wednesday
  });

  it('counts from the day after the start', () => {
    // Friday + 1 working day = Monday; + 5 = next Friday.
    expect(addWorkingDays('2026-03-06', 1, NONE)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 5, NONE)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-07', 0, NONE)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 0, NONE)).toBe('2026-03-06');
  });

  it('skips Tết: 10 working days from 2026-02-12 end on 2026-03-05', () => {
    // 13/2 (1), Tết 16–20/2 skipped, 23–27/2 (2–6), 2–5/3 (7–10).
    expect(addWorkingDays('2026-02-12', 10, HOLIDAYS)).toBe('2026-03-05');
    expect(addWorkingDays('2026-02-12', 10, NONE)).toBe('2026-02-26');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-06', -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5, NONE)).toThrow(RangeError);
  });

  it('never lands on a weekend or holiday, and lands exactly n working days later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n, HOLIDAYS);
        expect(isWorkingDay(end, HOLIDAYS)).toBe(true);
        let count = 0;
        for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) {
          if (isWorkingDay(d, HOLIDAYS)) count++;
        }
        expect(count).toBe(n === 0 && !isWorkingDay(start, HOLIDAYS) ? 1 : n);
      }),
    );
  });

  it('is monotonic in the start and in the count', () => {
    fc.assert(
      fc.property(date, date, fc.nat(40), fc.nat(40), (a, b, m, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(addWorkingDays(early, n, HOLIDAYS) <= addWorkingDays(late, n, HOLIDAYS)).toBe(true);
        expect(addWorkingDays(a, few, HOLIDAYS) <= addWorkingDays(a, many, HOLIDAYS)).toBe(true);
        // From a day off, 0 and 1 working days both end on the next working day.
        if (few < many && (few > 0 || isWorkingDay(a, HOLIDAYS))) {
          expect(addWorkingDays(a, few, HOLIDAYS) < addWorkingDays(a, many, HOLIDAYS)).toBe(true);
        }
      }),
    );
  });

  it('counts the working days of a period, both ends included', () => {
    // 2026-11-20 is a Friday
    expect(workingDaysBetween('2026-11-20', '2026-11-24', NONE)).toBe(3);
    expect(workingDaysBetween('2026-11-21', '2026-11-22', NONE)).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-23', NONE)).toBe(1);
    expect(workingDaysBetween('2026-11-24', '2026-11-23', NONE)).toBe(0);
    // Friday 24/4/2026 to Tuesday 28/4: Monday 27/4 is the day off for Giỗ Tổ Hùng Vương
    expect(workingDaysBetween('2026-04-24', '2026-04-28', HOLIDAYS)).toBe(2);
  });

  it('counts a period as many working days as addWorkingDays steps over', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, HOLIDAYS);
        expect(workingDaysBetween(addCalendarDays(start, 1), end, HOLIDAYS)).toBe(n);
      }),
    );
  });
});

describe('public holidays', () => {
  it('are weekdays, listed once, in date order', () => {
    const days = PUBLIC_HOLIDAYS.map((h) => h.day);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort()).toEqual(days);
    for (const day of days) expect(isWorkingDay(day, NONE)).toBe(true);
  });
});
