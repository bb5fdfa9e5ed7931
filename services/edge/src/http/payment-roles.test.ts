import type { Principal, Role } from '@posa/auth';
import { generatesFor, payrollActionsFor, type PayrollFacts } from './payment-roles';

const person = (unitCode: string, ...roles: Role[]): Principal => ({
  userId: 'u',
  unitCode,
  roles: new Set(roles),
  isService: false,
});

const facts = (status: PayrollFacts['status']): PayrollFacts => ({
  communeCode: '00004',
  provinceCode: '01',
  status,
});

describe('the payroll actions a user is offered', () => {
  it('lets commune officers generate their commune and province officers their province', () => {
    expect(generatesFor(person('00004', 'officer'))).toEqual({ kind: 'commune', code: '00004' });
    expect(generatesFor(person('01', 'officer'))).toEqual({ kind: 'province', code: '01' });
    expect(generatesFor(person('00004', 'approver'))).toBeUndefined();
    expect(generatesFor(person('VN', 'officer'))).toBeUndefined();
    expect(generatesFor(undefined)).toBeUndefined();
  });

  it('offers regenerate on a draft to the commune’s and the province’s officers only', () => {
    expect(payrollActionsFor(person('00004', 'officer'), facts('draft'))).toEqual(['regenerate']);
    expect(payrollActionsFor(person('01', 'officer'), facts('draft'))).toEqual(['regenerate']);
    expect(payrollActionsFor(person('00007', 'officer'), facts('draft'))).toEqual([]);
    expect(payrollActionsFor(person('00004', 'officer'), facts('approved'))).not.toContain(
      'regenerate',
    );
  });

  it('offers approve on a draft and close once approved to the commune’s approver', () => {
    const approver = person('00004', 'approver');
    expect(payrollActionsFor(approver, facts('draft'))).toEqual(['approve']);
    expect(payrollActionsFor(approver, facts('approved'))).toEqual(['close', 'download_files']);
    expect(payrollActionsFor(approver, facts('closed'))).toEqual(['download_files']);
    expect(payrollActionsFor(person('01', 'approver'), facts('draft'))).toEqual([]);
  });

  it('offers results to the commune’s officer on a closed payroll only', () => {
    expect(payrollActionsFor(person('00004', 'officer'), facts('closed'))).toEqual([
      'download_files',
      'record_result',
      'upload_results',
    ]);
    expect(payrollActionsFor(person('01', 'officer'), facts('closed'))).toEqual(['download_files']);
  });

  it('offers nothing to analysts and auditors, and nothing to anyone signed out', () => {
    for (const status of ['draft', 'approved', 'closed'] as const) {
      expect(payrollActionsFor(person('00004', 'analyst', 'auditor'), facts(status))).toEqual([]);
      expect(payrollActionsFor(undefined, facts(status))).toEqual([]);
    }
  });
});
