import type { Principal, Role } from '@posa/auth';
import { caseActionsFor, filesCasesOf, type CaseFacts } from './case-roles';

const person = (unitCode: string, ...roles: Role[]): Principal => ({
  userId: 'u',
  unitCode,
  roles: new Set(roles),
  isService: false,
});

const COMMUNE = '00004';
const facts = (status: CaseFacts['status'], openFlags = 0): CaseFacts => ({
  status,
  communeCode: COMMUNE,
  openFlags,
});
const NEW_RULE = { appraisalLevel: 'commune', decisionLevel: 'commune' } as const;
const OLD_RULE = { appraisalLevel: 'district', decisionLevel: 'district' } as const;

describe('the case forms a user is offered', () => {
  it('offers filing to officers of a commune only', () => {
    expect(filesCasesOf(person(COMMUNE, 'officer'))).toBe(COMMUNE);
    expect(filesCasesOf(person(COMMUNE, 'approver'))).toBeUndefined();
    expect(filesCasesOf(person('01', 'officer'))).toBeUndefined();
    expect(filesCasesOf(undefined)).toBeUndefined();
  });

  it('offers the completeness check and resubmission to the officer of the case’s commune', () => {
    expect(caseActionsFor(person(COMMUNE, 'officer'), facts('submitted'), NEW_RULE)).toEqual([
      'completeness',
    ]);
    expect(caseActionsFor(person(COMMUNE, 'officer'), facts('returned'), NEW_RULE)).toEqual([
      'resubmit',
    ]);
    expect(caseActionsFor(person('00008', 'officer'), facts('submitted'), NEW_RULE)).toEqual([]);
    expect(
      caseActionsFor(person(COMMUNE, 'analyst', 'auditor'), facts('submitted'), NEW_RULE),
    ).toEqual([]);
  });

  it('offers appraisal and decision to the level the procedure rule names', () => {
    const commune = person(COMMUNE, 'officer', 'approver');
    const district = person('001', 'officer', 'approver');
    expect(caseActionsFor(commune, facts('checked'), NEW_RULE)).toEqual(['appraise', 'reject']);
    expect(caseActionsFor(district, facts('checked'), NEW_RULE)).toEqual([]);
    expect(caseActionsFor(district, facts('checked'), OLD_RULE)).toEqual(['appraise', 'reject']);
    expect(caseActionsFor(commune, facts('checked'), OLD_RULE)).toEqual([]);
    expect(caseActionsFor(person(COMMUNE, 'officer'), facts('appraised'), NEW_RULE)).toEqual([
      'verify',
    ]);
    expect(caseActionsFor(person(COMMUNE, 'approver'), facts('verified'), NEW_RULE)).toEqual([
      'approve',
      'reject',
    ]);
    // Unknown rule: both levels are offered; the service decides.
    expect(caseActionsFor(district, facts('verified'))).toEqual(['approve', 'reject']);
  });

  it('offers variations of a decided case to the commune approver, by status', () => {
    const approver = person(COMMUNE, 'approver');
    expect(caseActionsFor(approver, facts('active'), NEW_RULE)).toEqual([
      'change_eligibility',
      'suspend',
      'terminate',
      'transfer',
    ]);
    expect(caseActionsFor(approver, facts('suspended'), NEW_RULE)).toEqual([
      'resume',
      'terminate',
      'transfer',
    ]);
    expect(caseActionsFor(approver, facts('terminated'), NEW_RULE)).toEqual([]);
    expect(caseActionsFor(person(COMMUNE, 'officer'), facts('active'), NEW_RULE)).toEqual([]);
  });

  it('offers the acceptance of a transfer to another commune and flags to the own commune', () => {
    expect(caseActionsFor(person('00008', 'approver'), facts('transferred'), NEW_RULE)).toEqual([
      'accept_transfer',
    ]);
    expect(caseActionsFor(person(COMMUNE, 'approver'), facts('transferred'), NEW_RULE)).toEqual([]);
    expect(caseActionsFor(person(COMMUNE, 'officer'), facts('active', 1), NEW_RULE)).toEqual([
      'resolve_flag',
    ]);
    expect(caseActionsFor(person('00008', 'officer'), facts('active', 1), NEW_RULE)).toEqual([]);
    expect(caseActionsFor(undefined, facts('active', 1))).toEqual([]);
  });
});
