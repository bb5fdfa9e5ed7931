import fc from 'fast-check';
import { addCalendarDays, addWorkingDays, isWorkingDay } from './working-days';
import { SEEDED_HOLIDAYS } from './policy.fixture';

const NONE: ReadonlySet<string> = new Set();

const date = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addCalendarDays('2024-01-01', n));

describe('working days', () => {
  it('Monday to Friday are working days unless a holiday', () => {
    expect(isWorkingDay('2026-03-06', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', NONE)).toBe(false); // Sunday
    expect(isWorkingDay('2026-09-02', SEEDED_HOLIDAYS)).toBe(false); // Quốc khánh, Wednesday
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
    expect(addWorkingDays('2026-02-12', 10, SEEDED_HOLIDAYS)).toBe('2026-03-05');
    expect(addWorkingDays('2026-02-12', 10, NONE)).toBe('2026-02-26');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-06', -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-06', 1.5, NONE)).toThrow(RangeError);
  });

  it('never lands on a weekend or holiday, and lands exactly n working days later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n, SEEDED_HOLIDAYS);
        expect(isWorkingDay(end, SEEDED_HOLIDAYS)).toBe(true);
        let count = 0;
        for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) {
          if (isWorkingDay(d, SEEDED_HOLIDAYS)) count++;
        }
        expect(count).toBe(n === 0 && !isWorkingDay(start, SEEDED_HOLIDAYS) ? 1 : n);
      }),
    );
  });

  it('is monotonic in the start and in the count', () => {
    fc.assert(
      fc.property(date, date, fc.nat(40), fc.nat(40), (a, b, m, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(
          addWorkingDays(early, n, SEEDED_HOLIDAYS) <= addWorkingDays(late, n, SEEDED_HOLIDAYS),
        ).toBe(true);
        expect(
          addWorkingDays(a, few, SEEDED_HOLIDAYS) <= addWorkingDays(a, many, SEEDED_HOLIDAYS),
        ).toBe(true);
        // From a day off, 0 and 1 working days both end on the next working day.
        if (few < many && (few > 0 || isWorkingDay(a, SEEDED_HOLIDAYS))) {
          expect(
            addWorkingDays(a, few, SEEDED_HOLIDAYS) < addWorkingDays(a, many, SEEDED_HOLIDAYS),
          ).toBe(true);
        }
      }),
    );
  });
});
