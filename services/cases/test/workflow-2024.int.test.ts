import { status } from '@grpc/grpc-js';
import { CaseStatus } from '@posa/proto';
import {
  approval,
  application,
  COMMUNE,
  DISTRICT,
  elderly,
  OTHER_DISTRICT,
  registerHousehold,
} from './case-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

/**
 * A case filed on 2025-05-20 stays under Decree 20/2021 to the end: officers of a 2024 district
 * that held part of the commune appraise and verify, its approvers decide, even after
 * 2025-07-01; the commune's approver and another district are refused.
 */
let now = '2025-05-20';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('wf2024', { today: () => now });
});

afterAll(async () => {
  await h?.close();
});

it('finishes under the district rule after the reform', async () => {
  const officer = await h.signIn('officer', COMMUNE, ['officer']);
  const districtOfficer = await h.signIn('d-officer', DISTRICT, ['officer']);
  const districtApprover = await h.signIn('d-approver', DISTRICT, ['approver']);
  const otherDistrict = await h.signIn('o-officer', OTHER_DISTRICT, ['officer']);
  const communeApprover = await h.signIn('approver', COMMUNE, ['approver']);
  const reg = await registerHousehold(h, officer, [elderly]);

  const filed = (
    await h.cases.call(
      'submitApplication',
      application(reg, { applicationDate: { year: 2025, month: 5, day: 20 } }),
      { metadata: officer },
    )
  ).case!;
  expect(filed.procedureCode).toBe('nd20-2021');
  expect(filed.caseCode).toMatch(/^TC-00004-2025-/);
  await h.cases.call(
    'checkCompleteness',
    { caseId: filed.caseId, expectedVersion: 1, complete: true, missingItems: [], note: '' },
    { metadata: officer },
  );
  const appraise = {
    caseId: filed.caseId,
    expectedVersion: 2,
    eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
    proposedMonth: { year: 2025, month: 6 },
    opinion: 'Phòng LĐTBXH thẩm định: đủ điều kiện',
  };
  const byCommune = await rejectionOf(
    h.cases.call('appraiseCase', appraise, { metadata: officer }),
  );
  expect(byCommune.code).toBe(status.PERMISSION_DENIED);
  const byOther = await rejectionOf(
    h.cases.call('appraiseCase', appraise, { metadata: otherDistrict }),
  );
  expect([status.PERMISSION_DENIED, status.NOT_FOUND]).toContain(byOther.code);
  await h.cases.call('appraiseCase', appraise, { metadata: districtOfficer });
  await h.cases.call(
    'verifyBeneficiary',
    { caseId: filed.caseId, expectedVersion: 3 },
    { metadata: districtOfficer },
  );

  now = '2025-07-15';
  const decision = approval(filed.caseId, 4, {
    decisionNumber: '88/QĐ-UBND',
    signedOn: { year: 2025, month: 7, day: 10 },
    effectiveMonth: { year: 2025, month: 6 },
  });
  const refused = await rejectionOf(
    h.cases.call('approveCase', decision, { metadata: communeApprover }),
  );
  expect(refused.code).toBe(status.PERMISSION_DENIED);
  const before = await rejectionOf(
    h.cases.call(
      'approveCase',
      { ...decision, effectiveMonth: { year: 2025, month: 4 } },
      { metadata: districtApprover },
    ),
  );
  expect(before.code).toBe(status.INVALID_ARGUMENT);
  expect(before.field).toBe('effective_month');

  const approved = (await h.cases.call('approveCase', decision, { metadata: districtApprover }))
    .case!;
  expect(approved.status).toBe(CaseStatus.CASE_STATUS_ACTIVE);
  expect(approved.decisions[0]).toMatchObject({ unitCode: DISTRICT, number: '88/QĐ-UBND' });
  expect(approved.periods[0]!.fromMonth).toEqual({ year: 2025, month: 6 });

  // The district reads the case and lists it; the months from June 2025 are owed.
  const listed = await h.cases.call(
    'listCases',
    { unitCode: DISTRICT, status: 0, overdueOnly: false, flaggedOnly: false, page: undefined },
    { metadata: districtApprover },
  );
  expect(listed.cases.map((c) => c.caseId)).toEqual([filed.caseId]);
  const months = await h.cases.call(
    'getEntitlements',
    {
      caseId: filed.caseId,
      fromMonth: { year: 2025, month: 5 },
      toMonth: { year: 2025, month: 6 },
    },
    { metadata: districtApprover },
  );
  expect(months.months.map((m) => m.amountVnd)).toEqual(['0', '750000']);
});
