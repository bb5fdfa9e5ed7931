import { addCalendarDays } from '@posa/platform';
import fc from 'fast-check';
import { inPeriodicWindow, isOverdue, monthlyDeadline, procedureInForce } from './review-procedure';
import { COMMUNE_ALONE_PROCEDURE, PROCEDURES } from './review-procedure.fixture';

const REFORM = '2025-07-01';
/** Days around the 2025-07-01 boundary, as ISO dates. */
const dayNearReform = fc.integer({ min: -400, max: 400 }).map((d) => addCalendarDays(REFORM, d));

describe('procedure in force (rule selection by date)', () => {
  it('needs the district opinion exactly for dates before 2025-07-01', () => {
    fc.assert(
      fc.property(dayNearReform, (day) => {
        const p = procedureInForce(PROCEDURES, day);
        expect(p).toBeDefined();
        expect(p!.needsDistrictOpinion).toBe(day < REFORM);
      }),
    );
  });

  it('switches on the boundary day itself', () => {
    expect(procedureInForce(PROCEDURES, '2025-06-30')!.code).toBe('qd-24-2021');
    expect(procedureInForce(PROCEDURES, '2025-07-01')!.code).toBe('two-tier-2025');
  });

  it('has nothing before the first procedure', () => {
    expect(procedureInForce(PROCEDURES, '2021-08-31')).toBeUndefined();
  });
});

describe('periodic window 1 Sep – 14 Dec', () => {
  it.each([
    ['2026-08-31', false],
    ['2026-09-01', true],
    ['2026-12-14', true],
    ['2026-12-15', false],
    ['2026-01-10', false],
  ])('%s in window: %s', (day, expected) => {
    expect(inPeriodicWindow(COMMUNE_ALONE_PROCEDURE, day)).toBe(expected);
  });
});

describe('monthly deadline and overdue', () => {
  it('is 15 days after the start, across month ends', () => {
    expect(monthlyDeadline(COMMUNE_ALONE_PROCEDURE, '2026-02-20')).toBe('2026-03-07');
  });

  it('flags undecided rounds past the deadline and late decisions', () => {
    expect(isOverdue('2026-03-07', null, '2026-03-07')).toBe(false);
    expect(isOverdue('2026-03-07', null, '2026-03-08')).toBe(true);
    expect(isOverdue('2026-03-07', '2026-03-06', '2026-04-01')).toBe(false);
    expect(isOverdue('2026-03-07', '2026-03-09', '2026-04-01')).toBe(true);
    expect(isOverdue(null, null, '2030-01-01')).toBe(false);
  });
});
