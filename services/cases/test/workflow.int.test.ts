import { status } from '@grpc/grpc-js';
import { CaseStatus } from '@posa/proto';
import {
  approval,
  application,
  COMMUNE,
  elderly,
  grandson,
  registerHousehold,
  type Registered,
} from './case-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

/**
 * The 2026 path under Decree 147/2025: the commune files, returns, re-files, checks, appraises,
 * verifies against the population database and decides; the allowance runs from the month of
 * signing. Real households service, real PostgreSQL and Keycloak.
 */
let h: Harness;
let officer: Record<string, string>;
let approver: Record<string, string>;
let reg: Registered;

beforeAll(async () => {
  h = await startHarness('workflow', { today: () => '2026-03-20' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  reg = await registerHousehold(h, officer, [elderly, grandson]);
});

afterAll(async () => {
  await h?.close();
});

it('takes a case from filing to decision and prices the months', async () => {
  const filed = (await h.cases.call('submitApplication', application(reg), { metadata: officer }))
    .case!;
  expect(filed.caseCode).toMatch(/^TC-00004-2026-[0-9]{6}$/);
  expect(filed.status).toBe(CaseStatus.CASE_STATUS_SUBMITTED);
  expect(filed.procedureCode).toBe('nd147-2025');
  expect(filed.beneficiary).toMatchObject({
    memberId: reg.memberIds[0],
    householdId: reg.householdId,
    fullName: 'Trần Thị Lan',
    citizenId: '001150012345',
    sex: 'female',
  });
  // 3 working days after Monday 2026-03-02.
  expect(filed.stepDueOn).toEqual({ year: 2026, month: 3, day: 5 });

  const returned = (
    await h.cases.call(
      'checkCompleteness',
      {
        caseId: filed.caseId,
        expectedVersion: 1,
        complete: false,
        missingItems: ['Giấy xác nhận hộ nghèo'],
        note: '',
      },
      { metadata: officer },
    )
  ).case!;
  expect(returned.status).toBe(CaseStatus.CASE_STATUS_RETURNED);
  expect(returned.missingItems).toEqual(['Giấy xác nhận hộ nghèo']);
  expect(returned.overdue).toBe(false);

  const refiled = (
    await h.cases.call(
      'resubmitApplication',
      { caseId: filed.caseId, expectedVersion: 2, documents: ['Giấy xác nhận hộ nghèo'], note: '' },
      { metadata: officer },
    )
  ).case!;
  expect(refiled.status).toBe(CaseStatus.CASE_STATUS_SUBMITTED);
  expect(refiled.missingItems).toEqual([]);

  const checked = (
    await h.cases.call(
      'checkCompleteness',
      { caseId: filed.caseId, expectedVersion: 3, complete: true, missingItems: [], note: 'đủ' },
      { metadata: officer },
    )
  ).case!;
  expect(checked.status).toBe(CaseStatus.CASE_STATUS_CHECKED);

  const appraised = (
    await h.cases.call(
      'appraiseCase',
      {
        caseId: filed.caseId,
        expectedVersion: 4,
        eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
        proposedMonth: { year: 2026, month: 3 },
        opinion: 'Đủ điều kiện',
      },
      { metadata: officer },
    )
  ).case!;
  expect(appraised.status).toBe(CaseStatus.CASE_STATUS_APPRAISED);

  const before = await h.cases.call(
    'getEntitlements',
    { caseId: filed.caseId, fromMonth: { year: 2026, month: 3 }, toMonth: undefined },
    { metadata: officer },
  );
  expect(before.months.map((m) => m.state)).toEqual(['not_decided']);

  const verified = (
    await h.cases.call(
      'verifyBeneficiary',
      { caseId: filed.caseId, expectedVersion: 5 },
      { metadata: officer },
    )
  ).case!;
  expect(verified.status).toBe(CaseStatus.CASE_STATUS_VERIFIED);
  expect(verified.populationCheck).toBe('verified');

  const approved = (
    await h.cases.call('approveCase', approval(filed.caseId, 6), { metadata: approver })
  ).case!;
  expect(approved.status).toBe(CaseStatus.CASE_STATUS_ACTIVE);
  expect(approved.version).toBe(7);
  expect(approved.stepDueOn).toBeUndefined();
  expect(approved.decisions).toHaveLength(1);
  expect(approved.decisions[0]).toMatchObject({
    kind: 'approval',
    unitCode: COMMUNE,
    effectiveMonth: { year: 2026, month: 3 },
  });
  expect(approved.periods).toEqual([
    expect.objectContaining({ fromMonth: { year: 2026, month: 3 }, toMonth: undefined }),
  ]);
  expect(approved.steps.map((s) => s.step)).toEqual([
    'submitted',
    'returned',
    'resubmitted',
    'checked',
    'appraised',
    'verified',
    'approved',
  ]);
  expect(approved.steps.every((s) => s.actorId !== '' && s.at !== undefined)).toBe(true);

  const months = await h.cases.call(
    'getEntitlements',
    {
      caseId: filed.caseId,
      fromMonth: { year: 2026, month: 1 },
      toMonth: { year: 2026, month: 5 },
    },
    { metadata: approver },
  );
  expect(months.months.map((m) => [m.state, m.amountVnd])).toEqual([
    ['before_start', '0'],
    ['before_start', '0'],
    ['active', '750000'],
    ['active', '750000'],
    ['active', '750000'],
  ]);
  expect(months.months[2]).toMatchObject({
    categoryCode: 'nd20-5a',
    coefficientHundredths: 150,
    baseLevelVnd: '500000',
    decisionNumber: '01/QĐ-UBND',
  });
  expect(months.months[2]!.explanation).toContain('750.000');
});

it('files once per request id', async () => {
  const req = application(reg, {
    requestId: 'req-1',
    memberId: reg.memberIds[1]!,
    eligibility: { categoryCodes: ['nd20-1'], disabilityLevel: 0, careSupportTypeCode: '' },
  });
  const first = (await h.cases.call('submitApplication', req, { metadata: officer })).case!;
  const again = (await h.cases.call('submitApplication', req, { metadata: officer })).case!;
  expect(again.caseId).toBe(first.caseId);
  expect(again.beneficiary!.citizenId).toBe('');
});

it('refuses bad input naming the field, and stale versions', async () => {
  const bad = async (over: Parameters<typeof application>[1], field: string) => {
    const err = await rejectionOf(
      h.cases.call('submitApplication', application(reg, over), { metadata: officer }),
    );
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.field).toBe(field);
  };
  await bad({ applicationDate: { year: 2026, month: 3, day: 21 } }, 'application_date');
  await bad(
    { eligibility: { categoryCodes: ['nope'], disabilityLevel: 0, careSupportTypeCode: '' } },
    'eligibility.category_codes',
  );
  await bad(
    { payment: { channel: 3, bankCode: 'VCB', accountNumber: '12ab' } },
    'payment.account_number',
  );
  await bad({ memberId: '00000000-0000-4000-8000-000000000000' }, 'member_id');
  await bad({ kind: 0 }, 'kind');

  const filed = (await h.cases.call('submitApplication', application(reg), { metadata: officer }))
    .case!;
  const missing = await rejectionOf(
    h.cases.call(
      'checkCompleteness',
      { caseId: filed.caseId, expectedVersion: 1, complete: false, missingItems: [], note: '' },
      { metadata: officer },
    ),
  );
  expect(missing.field).toBe('missing_items');
  const stale = await rejectionOf(
    h.cases.call(
      'checkCompleteness',
      { caseId: filed.caseId, expectedVersion: 7, complete: true, missingItems: [], note: '' },
      { metadata: officer },
    ),
  );
  expect(stale.code).toBe(status.ABORTED);
  const early = await rejectionOf(
    h.cases.call('approveCase', approval(filed.caseId, 1), { metadata: approver }),
  );
  expect(early.code).toBe(status.FAILED_PRECONDITION);
});

it('keeps a case appraised when the person cannot be verified', async () => {
  const child = (
    await h.cases.call(
      'submitApplication',
      application(reg, {
        memberId: reg.memberIds[1]!,
        eligibility: { categoryCodes: ['nd20-1'], disabilityLevel: 0, careSupportTypeCode: '' },
      }),
      { metadata: officer },
    )
  ).case!;
  await h.cases.call(
    'checkCompleteness',
    { caseId: child.caseId, expectedVersion: 1, complete: true, missingItems: [], note: '' },
    { metadata: officer },
  );
  await h.cases.call(
    'appraiseCase',
    {
      caseId: child.caseId,
      expectedVersion: 2,
      eligibility: { categoryCodes: ['nd20-1'], disabilityLevel: 0, careSupportTypeCode: '' },
      proposedMonth: { year: 2026, month: 3 },
      opinion: '',
    },
    { metadata: officer },
  );
  const noId = await rejectionOf(
    h.cases.call(
      'verifyBeneficiary',
      { caseId: child.caseId, expectedVersion: 3 },
      { metadata: officer },
    ),
  );
  expect(noId.code).toBe(status.FAILED_PRECONDITION);
  expect(noId.message).toContain('citizen_id');

  const other = await registerHousehold(h, officer, [
    { ...elderly, fullName: 'Lê Thị Hoa', citizenId: '001150099990' },
  ]);
  const unknown = (
    await h.cases.call('submitApplication', application(other), { metadata: officer })
  ).case!;
  await h.cases.call(
    'checkCompleteness',
    { caseId: unknown.caseId, expectedVersion: 1, complete: true, missingItems: [], note: '' },
    { metadata: officer },
  );
  await h.cases.call(
    'appraiseCase',
    {
      caseId: unknown.caseId,
      expectedVersion: 2,
      eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
      proposedMonth: { year: 2026, month: 3 },
      opinion: '',
    },
    { metadata: officer },
  );
  const failed = (
    await h.cases.call(
      'verifyBeneficiary',
      { caseId: unknown.caseId, expectedVersion: 3 },
      { metadata: officer },
    )
  ).case!;
  expect(failed.status).toBe(CaseStatus.CASE_STATUS_APPRAISED);
  expect(failed.populationCheck).toBe('not_found');
  expect(failed.steps.at(-1)!.step).toBe('verification_failed');
  expect(failed.version).toBe(4);
});
