import fc from 'fast-check';
import { InvalidArgumentError } from './grpc/errors';
import {
  addMonths,
  compareMonths,
  firstDayOf,
  firstMonthStartingOnOrAfter,
  monthOfDate,
  monthsBetween,
  parseMonth,
} from './calendar-month';

const month = fc
  .record({ year: fc.integer({ min: 1950, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, m }) => `${year}-${String(m).padStart(2, '0')}`);

describe('parseMonth', () => {
  it('accepts YYYY-MM', () => {
    expect(parseMonth('2024-07', 'from_month')).toBe('2024-07');
  });

  it.each(['2024-13', '2024-7', '24-07', '2024-07-01', '', '1899-12'])(
    'refuses %j naming the field',
    (text) => {
      const call = () => parseMonth(text, 'from_month');
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/^from_month: /);
    },
  );
});

describe('month arithmetic', () => {
  it('crosses year ends both ways', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-07', 30)).toBe('2027-01');
  });

  it('lists months inclusively and nothing when reversed', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsBetween('2024-07', '2024-07')).toEqual(['2024-07']);
    expect(monthsBetween('2024-08', '2024-07')).toEqual([]);
  });

  it('gives the month of a date and the first day of a month', () => {
    expect(monthOfDate('2021-06-30')).toBe('2021-06');
    expect(firstDayOf('2021-07')).toBe('2021-07-01');
    expect(firstMonthStartingOnOrAfter('2024-07-01')).toBe('2024-07');
    expect(firstMonthStartingOnOrAfter('2024-07-15')).toBe('2024-08');
    expect(firstMonthStartingOnOrAfter('2024-12-31')).toBe('2025-01');
  });

  it('adding then subtracting is the identity, and order follows the count', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -600, max: 600 }), (m, n) => {
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
        expect(Math.sign(compareMonths(addMonths(m, n), m))).toBe(Math.sign(n));
      }),
    );
  });

  it('monthsBetween has to − from + 1 consecutive months', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 200 }), (m, n) => {
        const list = monthsBetween(m, addMonths(m, n));
        expect(list).toHaveLength(n + 1);
        list.forEach((x, i) => expect(x).toBe(addMonths(m, i)));
      }),
    );
  });
});
