import { InvalidArgumentError, isoFromParts, todayInVietnam } from '@posa/platform';
import { levelOfCode, structureInForce } from './structures';
import { chooseStructure } from './version';

describe('chooseStructure', () => {
  const today = '2026-01-15';

  it('switches structure between 2025-06-30 and 2025-07-01', () => {
    expect(chooseStructure({ asOf: { year: 2025, month: 6, day: 30 } }, today)).toBe('2024');
    expect(chooseStructure({ asOf: { year: 2025, month: 7, day: 1 } }, today)).toBe('2025');
    expect(chooseStructure({ asOf: { year: 2025, month: 3, day: 1 } }, today)).toBe('2024');
  });

  it('uses today when no date is given and the explicit structure when one is', () => {
    expect(chooseStructure({}, today)).toBe('2025');
    expect(chooseStructure({}, '2025-05-01')).toBe('2024');
    expect(
      chooseStructure({ structure: '2024', asOf: { year: 2026, month: 1, day: 1 } }, today),
    ).toBe('2024');
  });

  it('refuses dates before the catalogue and impossible dates, naming as_of', () => {
    const before = (): string =>
      chooseStructure({ asOf: { year: 2025, month: 2, day: 28 } }, today);
    expect(before).toThrow(InvalidArgumentError);
    expect(before).toThrow(/as_of: no administrative structure .* 2025-02-28/);
    expect(() => chooseStructure({ asOf: { year: 2025, month: 2, day: 29 } }, today)).toThrow(
      /as_of: must be a full/,
    );
    expect(() => chooseStructure({ asOf: { year: 2025, month: 0, day: 0 } }, today)).toThrow(
      /as_of/,
    );
  });
});

describe('calendar and structures', () => {
  it('computes the date in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('formats valid dates only', () => {
    expect(isoFromParts({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
    expect(isoFromParts({ year: 2025, month: 13, day: 1 })).toBeNull();
  });

  it('knows which levels each structure has', () => {
    expect(levelOfCode('2024', '001')).toBe('district');
    expect(levelOfCode('2025', '001')).toBeUndefined();
    expect(levelOfCode('2025', '00004')).toBe('commune');
    expect(levelOfCode('2025', '1a')).toBeUndefined();
    expect(structureInForce('2099-12-31')?.id).toBe('2025');
  });
});
