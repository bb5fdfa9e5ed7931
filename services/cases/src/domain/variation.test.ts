import { addMonths, compareMonths, monthOfDate } from '@posa/platform';
import fc from 'fast-check';
import { applyPeriodPlan, planPeriodChange, type CurrentPeriod } from './period-change';
import { SEEDED_CATALOGUE } from './policy.fixture';
import {
  assertVariable,
  parseGround,
  retroactiveDifference,
  retroactiveWindow,
  statusAfter,
  validateVariationDecision,
} from './variation';

const person = { birthYear: 1940, birthMonth: 5, birthDay: 3, provinceCode: '01' };
const start: CurrentPeriod[] = [
  {
    periodId: 'p0',
    fromMonth: '2026-01',
    toMonth: null,
    suspended: false,
    categoryCodes: ['nd20-5c'],
    disabilityLevel: null,
    careSupportTypeCode: null,
    decisionId: 'd0',
    decisionNumber: '1/QĐ-UBND',
  },
];
const ids = { decisionId: 'd1', decisionNumber: '2/QĐ-UBND', periodId: 'p1' };

describe('retroactiveDifference', () => {
  it('owes arrears for the months already due after a raise from 2026-03 signed 2026-06-10', () => {
    const plan = planPeriodChange(
      start,
      {
        kind: 'category_change',
        eligibility: {
          categoryCodes: ['nd20-5a'],
          disabilityLevel: null,
          careSupportTypeCode: null,
        },
      },
      '2026-03',
    );
    const after = applyPeriodPlan(start, plan, ids);
    const diff = retroactiveDifference(
      SEEDED_CATALOGUE,
      'monthly_allowance',
      person,
      start,
      after,
      '2026-03',
      '2026-06-10',
    );
    // 86 years old: nhóm 5c hệ số 1,0 → nhóm 5a hệ số 2,0 on mức chuẩn 500.000 đ.
    expect(diff.lines).toEqual([
      { month: '2026-03', beforeVnd: 500000, afterVnd: 1000000, deltaVnd: 500000 },
      { month: '2026-04', beforeVnd: 500000, afterVnd: 1000000, deltaVnd: 500000 },
      { month: '2026-05', beforeVnd: 500000, afterVnd: 1000000, deltaVnd: 500000 },
    ]);
    expect(diff.totalVnd).toBe(1500000);
  });

  it('recovers what was paid for months after a retroactive termination', () => {
    const after = applyPeriodPlan(
      start,
      planPeriodChange(start, { kind: 'termination' }, '2026-02'),
      ids,
    );
    const diff = retroactiveDifference(
      SEEDED_CATALOGUE,
      'monthly_allowance',
      person,
      start,
      after,
      '2026-02',
      '2026-04-01',
    );
    expect(diff.lines.map((l) => l.month)).toEqual(['2026-02', '2026-03']);
    expect(diff.totalVnd).toBe(-1000000);
  });

  it('has no lines for a decision whose effective month is not yet due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (offset) => {
        const signedOn = '2026-06-10';
        const month = addMonths(monthOfDate(signedOn), offset);
        expect(retroactiveWindow(month, signedOn)).toBeNull();
      }),
    );
  });

  it('covers exactly the months from the effective month to the month before signing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (back) => {
        const window = retroactiveWindow(addMonths('2026-06', -back), '2026-06-30');
        expect(window?.to).toBe('2026-05');
        expect(compareMonths(window!.to, window!.from) + 1).toBe(back);
      }),
    );
  });
});

describe('variation rules', () => {
  it('varies only active or suspended cases', () => {
    expect(() => assertVariable('active')).not.toThrow();
    expect(() => assertVariable('suspended')).not.toThrow();
    for (const s of ['submitted', 'rejected', 'terminated', 'transferred']) {
      expect(() => assertVariable(s)).toThrow(`case is ${s}`);
    }
  });

  it('leads to the status of the variation', () => {
    expect(statusAfter('category_change', 'suspended')).toBe('suspended');
    expect(statusAfter('suspension', 'active')).toBe('suspended');
    expect(statusAfter('resumption', 'suspended')).toBe('active');
    expect(statusAfter('termination', 'active')).toBe('terminated');
    expect(statusAfter('transfer_out', 'active')).toBe('transferred');
  });

  it('checks the decision fields and the ground', () => {
    const decision = {
      number: ' 12/QĐ-UBND ',
      signedOn: '2026-06-10',
      signer: 'Chủ tịch UBND xã',
      effectiveMonth: '2026-03',
      reason: 'Đủ 80 tuổi',
    };
    expect(validateVariationDecision(decision, '2026-06-10').number).toBe('12/QĐ-UBND');
    expect(() => validateVariationDecision(decision, '2026-06-09')).toThrow(
      'decision.signed_on: must not be after today (2026-06-09)',
    );
    expect(() => validateVariationDecision({ ...decision, signer: ' ' }, '2026-07-01')).toThrow(
      'decision.signer: is required',
    );
    expect(() => validateVariationDecision({ ...decision, reason: '' }, '2026-07-01')).toThrow(
      'decision.reason: is required',
    );
    expect(parseGround('deceased')).toBe('deceased');
    expect(() => parseGround('bored')).toThrow('ground: must be one of');
  });
});
