import { isWorkingDay, PUBLIC_HOLIDAY_DAYS } from '@posa/platform';
import fc from 'fast-check';
import { dueOn, isOverdue, OPEN_STEP_STATUSES } from './case-deadline';
import { CASE_STATUSES } from './case-record';
import { SEEDED_PROCEDURE_RULES } from './policy.fixture';

const nd147 = SEEDED_PROCEDURE_RULES.find((r) => r.code === 'nd147-2025')!;

describe('step deadlines', () => {
  it('counts working days of the rule, skipping weekends and holidays', () => {
    // Friday 2026-04-24; Thursday 30/4 and Friday 1/5 are holidays.
    const due = dueOn(nd147, 'completeness', '2026-04-24', PUBLIC_HOLIDAY_DAYS);
    expect(isWorkingDay(due, PUBLIC_HOLIDAY_DAYS)).toBe(true);
    expect(due > '2026-04-24').toBe(true);
  });

  it('is overdue only past the due date while the administration owes the step', () => {
    const row = { status: 'submitted' as const, stepDueOn: '2026-03-10' };
    expect(isOverdue(row, '2026-03-10')).toBe(false);
    expect(isOverdue(row, '2026-03-11')).toBe(true);
    expect(isOverdue({ ...row, status: 'returned' }, '2026-03-11')).toBe(false);
    expect(isOverdue({ ...row, status: 'active' }, '2026-03-11')).toBe(false);
    expect(isOverdue({ ...row, stepDueOn: null }, '2030-01-01')).toBe(false);
  });

  it('a due date is never before its start and always a working day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-01'), noInvalidDate: true }),
        fc.constantFrom('completeness', 'appraisal', 'decision' as const),
        fc.constantFrom(...CASE_STATUSES),
        (d, step, status) => {
          const start = d.toISOString().slice(0, 10);
          const due = dueOn(nd147, step, start, PUBLIC_HOLIDAY_DAYS);
          expect(due >= start).toBe(true);
          expect(isWorkingDay(due, PUBLIC_HOLIDAY_DAYS)).toBe(true);
          const overdue = isOverdue({ status, stepDueOn: due }, '2099-01-01');
          expect(overdue).toBe(OPEN_STEP_STATUSES.includes(status));
        },
      ),
    );
  });
});
