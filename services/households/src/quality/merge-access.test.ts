import { status } from '@grpc/grpc-js';
import { UnitTree, type Principal, type Role } from '@posa/auth';
import type { PersonOnFile } from './candidate-rules';
import {
  assertCanDecide,
  assertCanDismiss,
  assertCanPropose,
  visibleProposal,
} from './merge-access';

const tree = new UnitTree([
  { code: '01', parentCode: 'VN' },
  { code: '00004', parentCode: '01' },
  { code: '00008', parentCode: '01' },
  { code: '79', parentCode: 'VN' },
  { code: '25747', parentCode: '79' },
]);

const who = (userId: string, unitCode: string, roles: Role[]): Principal => ({
  userId,
  unitCode,
  roles: new Set(roles),
  isService: false,
});

const person = (memberId: string, communeCode: string, over: Partial<PersonOnFile> = {}) => ({
  id: memberId,
  person: {
    memberId,
    householdId: `h-${memberId}`,
    householdCode: 'c',
    communeCode,
    provinceCode: communeCode === '25747' ? '79' : '01',
    fullName: 'A',
    nameSearch: 'a',
    dateOfBirth: { year: 1990, month: null, day: null },
    citizenId: null,
    present: true,
    deceased: false,
    mergedIntoMemberId: null,
    ...over,
  },
});

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { code?: number }).code;
  }
  return undefined;
}

const proposal = { id: 'p', communeCode: '00004', status: 'proposed' as const, proposedBy: 'u1' };

describe('merge access rules', () => {
  it('lets an officer propose only within the own commune and only live members', () => {
    const officer = who('u1', '00004', ['officer']);
    expect(
      codeOf(() => assertCanPropose(officer, person('x', '00004'), person('y', '00004'))),
    ).toBeUndefined();
    expect(
      codeOf(() => assertCanPropose(officer, person('x', '00004'), person('y', '25747'))),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      codeOf(() => assertCanPropose(officer, person('x', '00004'), { id: 'y', person: undefined })),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      codeOf(() =>
        assertCanPropose(officer, person('x', '00004'), person('y', '00004', { deceased: true })),
      ),
    ).toBe(status.FAILED_PRECONDITION);
    const analyst = who('u2', '00004', ['analyst']);
    expect(
      codeOf(() => assertCanPropose(analyst, person('x', '00004'), person('y', '00004'))),
    ).toBe(status.PERMISSION_DENIED);
  });

  it('needs a second person to confirm, an approver of the commune or above', () => {
    expect(
      codeOf(() =>
        assertCanDecide(who('u1', '00004', ['officer', 'approver']), proposal, 'confirm'),
      ),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      codeOf(() => assertCanDecide(who('u1', '00004', ['approver']), proposal, 'reject')),
    ).toBeUndefined();
    expect(
      codeOf(() => assertCanDecide(who('u3', '01', ['approver']), proposal, 'confirm')),
    ).toBeUndefined();
    expect(codeOf(() => assertCanDecide(who('u3', '01', ['officer']), proposal, 'confirm'))).toBe(
      status.PERMISSION_DENIED,
    );
    expect(
      codeOf(() =>
        assertCanDecide(
          who('u3', '01', ['approver']),
          { ...proposal, status: 'rejected' },
          'confirm',
        ),
      ),
    ).toBe(status.FAILED_PRECONDITION);
  });

  it('hides proposals outside the jurisdiction', () => {
    expect(codeOf(() => visibleProposal(who('u4', '79', ['approver']), 'p', proposal, tree))).toBe(
      status.NOT_FOUND,
    );
    expect(visibleProposal(who('u4', '01', ['approver']), 'p', proposal, tree)).toBe(proposal);
  });

  it('dismisses only pairs wholly within the jurisdiction', () => {
    const province = who('u5', '01', ['approver']);
    expect(
      codeOf(() => assertCanDismiss(province, person('x', '00004'), person('y', '00008'), tree)),
    ).toBeUndefined();
    expect(
      codeOf(() => assertCanDismiss(province, person('x', '00004'), person('y', '25747'), tree)),
    ).toBe(status.PERMISSION_DENIED);
  });
});
