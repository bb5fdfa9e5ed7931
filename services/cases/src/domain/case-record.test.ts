import { dateOfBirthText, periodInputsOf, type PeriodRow } from './case-record';

describe('case record conversions', () => {
  it('writes the date of birth with the parts that are known', () => {
    expect(dateOfBirthText({ birthYear: 1950, birthMonth: null, birthDay: null })).toBe('1950');
    expect(dateOfBirthText({ birthYear: 1950, birthMonth: 3, birthDay: null })).toBe('1950-03');
    expect(dateOfBirthText({ birthYear: 1950, birthMonth: 3, birthDay: 7 })).toBe('1950-03-07');
  });

  it('gives the engine the periods without their storage fields', () => {
    const p: PeriodRow = {
      id: 'p',
      caseId: 'c',
      citizenId: '001050012345',
      kind: 'monthly_allowance',
      fromMonth: '2026-01',
      toMonth: null,
      suspended: false,
      categoryCodes: ['nd20-5c'],
      disabilityLevel: null,
      careSupportTypeCode: null,
      decisionId: 'd',
      decisionNumber: '1/QĐ',
    };
    expect(periodInputsOf([p])).toEqual([
      {
        fromMonth: '2026-01',
        toMonth: null,
        suspended: false,
        categoryCodes: ['nd20-5c'],
        disabilityLevel: null,
        careSupportTypeCode: null,
        decisionId: 'd',
        decisionNumber: '1/QĐ',
      },
    ]);
  });
});
