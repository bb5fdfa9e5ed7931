import { PermissionDeniedError, NotFoundError } from '@posa/platform';
import type { Principal, Role } from '@posa/auth';
import { loadPredecessorDistricts, loadUnits } from '@posa/units';
import type { CaseRow } from '../domain/case-record';
import { SEEDED_PROCEDURE_RULES } from '../domain/policy.fixture';
import { assertCaseReadable, assertCommuneOfficer, assertCompetent } from './case-access';
import { effectiveMonthOf } from './case-decision-handlers';
import { decodePageToken, encodePageToken } from './case-list-request';

const deps = { units: loadUnits(), predecessors: loadPredecessorDistricts() };
const nd20 = SEEDED_PROCEDURE_RULES.find((r) => r.code === 'nd20-2021')!;
const nd147 = SEEDED_PROCEDURE_RULES.find((r) => r.code === 'nd147-2025')!;
const row = {
  code: 'TC-00004-2026-000001',
  communeCode: '00004',
  applicationDate: '2025-05-20',
} as CaseRow;

const who = (unitCode: string, ...roles: Role[]): Principal => ({
  userId: 'u',
  unitCode,
  roles: new Set(roles),
  isService: false,
});

describe('case access', () => {
  it('lets units containing the commune and its 2024 districts read, hides it from others', () => {
    expect(assertCaseReadable(who('01', 'analyst'), row, 'x', deps)).toBe(row);
    expect(assertCaseReadable(who('001', 'auditor'), row, 'x', deps)).toBe(row);
    expect(() => assertCaseReadable(who('00008', 'officer'), row, 'x', deps)).toThrow(
      NotFoundError,
    );
    expect(() => assertCaseReadable(who('005', 'approver'), row, 'x', deps)).toThrow(NotFoundError);
    expect(() => assertCaseReadable(who('00004', 'unit_admin'), row, 'x', deps)).toThrow(
      NotFoundError,
    );
  });

  it('gives appraisal and decision to the level of the rule', () => {
    expect(() =>
      assertCompetent(who('001', 'officer'), row, nd20, 'appraisal', deps),
    ).not.toThrow();
    expect(() =>
      assertCompetent(who('003', 'approver'), row, nd20, 'decision', deps),
    ).not.toThrow();
    expect(() => assertCompetent(who('00004', 'approver'), row, nd20, 'decision', deps)).toThrow(
      PermissionDeniedError,
    );
    expect(() => assertCompetent(who('001', 'officer'), row, nd20, 'decision', deps)).toThrow(
      PermissionDeniedError,
    );
    expect(() =>
      assertCompetent(who('00004', 'approver'), row, nd147, 'decision', deps),
    ).not.toThrow();
    expect(() => assertCompetent(who('001', 'approver'), row, nd147, 'decision', deps)).toThrow(
      PermissionDeniedError,
    );
    expect(() => assertCommuneOfficer(who('00004', 'approver'), '00004')).toThrow(
      PermissionDeniedError,
    );
  });
});

describe('effective month of an approval', () => {
  it('defaults to the month of signing and keeps the rule’s lower bound', () => {
    expect(effectiveMonthOf(undefined, '2025-07-10', row, nd20)).toBe('2025-07');
    expect(effectiveMonthOf('2025-06', '2025-07-10', row, nd20)).toBe('2025-06');
    expect(() => effectiveMonthOf('2025-04', '2025-07-10', row, nd20)).toThrow(/application/);
    expect(() => effectiveMonthOf('2025-06', '2025-07-10', row, nd147)).toThrow(/signed/);
    expect(effectiveMonthOf('2025-08', '2025-07-10', row, nd147)).toBe('2025-08');
  });
});

describe('list page tokens', () => {
  it('carry the last code and belong to one query', () => {
    const token = encodePageToken('q1', 'TC-00004-2026-000002');
    expect(decodePageToken('q1', token)).toBe('TC-00004-2026-000002');
    expect(decodePageToken('q1', '')).toBeUndefined();
    expect(() => decodePageToken('q2', token)).toThrow(/another unit or filter/);
    expect(() => decodePageToken('q1', 'not-json')).toThrow(/not a token/);
  });
});
