import fc from 'fast-check';
import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('writes the millisecond time in the first 48 bits, with version 7 and variant 10', () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 24, 4, 0, 0, 123));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(
      Date.UTC(2026, 10, 24, 4, 0, 0, 123),
    );
  });

  it('sorts ids of different milliseconds by time, as text and as PostgreSQL uuid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (t, gap) => {
          const later = Math.min(t + gap, 2 ** 48 - 1);
          expect(timeOrderedId(t) < timeOrderedId(later)).toBe(true);
        },
      ),
    );
  });

  it('never repeats an id within one millisecond', () => {
    const ids = new Set(Array.from({ length: 50_000 }, () => timeOrderedId(1_700_000_000_000)));
    expect(ids.size).toBe(50_000);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('refuses a time that is not a 48-bit millisecond count', () => {
    expect(() => timeOrderedId(-1)).toThrow('nowMs must be a millisecond timestamp');
    expect(() => timeOrderedId(2 ** 48)).toThrow('nowMs must be a millisecond timestamp');
    expect(() => timeOrderedId(1.5)).toThrow('nowMs must be a millisecond timestamp');
  });
});
