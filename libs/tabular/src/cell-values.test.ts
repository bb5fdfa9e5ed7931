import { citizenIdOf, dateOf, flagOf, listOf, textOf, wholeOf } from './cell-values';

describe('reading import cells', () => {
  it('normalises text to NFC and trims it', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n \u0110u\u031B\u0301c '; // NFD as some keyboards type
    expect(textOf(decomposed)).toBe('Nguyễn Văn Đức');
    expect(textOf(decomposed)).toHaveLength('Nguyễn Văn Đức'.length);
    expect(textOf(123456789012)).toBe('123456789012');
    expect(textOf(null)).toBe('');
  });

  it.each([
    ['14/03/1985', { year: 1985, month: 3, day: 14 }],
    ['4/3/1985', { year: 1985, month: 3, day: 4 }],
    ['03/1985', { year: 1985, month: 3, day: 0 }],
    ['1985', { year: 1985, month: 0, day: 0 }],
    ['1985-03-14', { year: 1985, month: 3, day: 14 }],
    // Excel serials: 31120 is 14 Mar 1985, 45658 is 1 Jan 2025; also as text
    [31120, { year: 1985, month: 3, day: 14 }],
    [45658, { year: 2025, month: 1, day: 1 }],
    ['31120', { year: 1985, month: 3, day: 14 }],
    [1985, { year: 1985, month: 0, day: 0 }],
    [new Date(Date.UTC(1990, 11, 31)), { year: 1990, month: 12, day: 31 }],
  ])('reads the date of birth %p', (cell, date) => {
    expect(dateOf(cell)).toEqual({ ok: true, value: date });
  });

  it('refuses what is not a date and leaves an empty cell empty', () => {
    expect(dateOf('14.03.85')).toMatchObject({ ok: false });
    expect(dateOf(31120.5)).toMatchObject({ ok: false });
    expect(dateOf('')).toEqual({ ok: true, value: undefined });
  });

  it('keeps the leading zeros of a citizen ID and refuses one Excel shortened', () => {
    expect(citizenIdOf('001085012345')).toEqual({ ok: true, value: '001085012345' });
    expect(citizenIdOf('001 085 012 345')).toEqual({ ok: true, value: '001085012345' });
    const shortened = citizenIdOf(1085012345);
    expect(shortened.ok).toBe(false);
    expect(!shortened.ok && shortened.reason).toContain('format the column as text');
    expect(citizenIdOf(201085012345)).toEqual({ ok: true, value: '201085012345' });
  });

  it('reads grouped amounts, flags and lists', () => {
    expect(wholeOf('1.500.000')).toEqual({ ok: true, value: 1_500_000 });
    expect(wholeOf('1,500,000')).toEqual({ ok: true, value: 1_500_000 });
    expect(wholeOf('-5')).toMatchObject({ ok: false });
    expect(wholeOf(2.5)).toMatchObject({ ok: false });
    expect(flagOf('Có')).toEqual({ ok: true, value: true });
    expect(flagOf('khong')).toEqual({ ok: true, value: false });
    expect(flagOf('maybe')).toMatchObject({ ok: false });
    expect(listOf('a; b,c ;')).toEqual(['a', 'b', 'c']);
  });
});
