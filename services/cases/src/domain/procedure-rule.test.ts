import { FailedPreconditionError } from '@posa/platform';
import { ruleInForce } from './procedure-rule';
import { SEEDED_PROCEDURE_RULES } from './policy.fixture';

describe('ruleInForce', () => {
  it.each([
    ['2021-07-01', 'nd20-2021', 'district'],
    ['2025-06-30', 'nd20-2021', 'district'],
    ['2025-07-01', 'nd147-2025', 'commune'],
    ['2030-01-01', 'nd147-2025', 'commune'],
  ])('on %s the rule is %s (decided by the %s)', (date, code, level) => {
    const rule = ruleInForce(SEEDED_PROCEDURE_RULES, date);
    expect(rule.code).toBe(code);
    expect(rule.decisionLevel).toBe(level);
  });

  it('the 2025 rule gives the commune 10 working days from a complete file to the decision', () => {
    const rule = ruleInForce(SEEDED_PROCEDURE_RULES, '2025-07-01');
    expect(rule.appraisalDays + rule.decisionDays).toBe(10);
  });

  it('is an error before any rule', () => {
    expect(() => ruleInForce(SEEDED_PROCEDURE_RULES, '2021-06-30')).toThrow(
      FailedPreconditionError,
    );
  });
});
