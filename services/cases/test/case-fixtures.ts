/** Households registered through the real households service, and the requests of a case. */
import {
  Area,
  CaseKind,
  PaymentChannel,
  Sex,
  type ApproveCaseRequest,
  type Case,
  type MemberInput,
  type SubmitApplicationRequest,
} from '@posa/proto';
import type { Harness } from './harness';

export const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội; predecessors in 2024 districts 001–003
export const DISTRICT = '001'; // Quận Ba Đình (2024), held part of commune 00004
export const OTHER_DISTRICT = '005'; // held part of 00008, not of 00004
export const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà, Hà Nội
export const PROVINCE = '01';

/** Born 1950 (aged 76 in 2026: group 5a, hệ số 1.5); the ID encodes female, 1950. */
export const elderly: MemberInput = {
  fullName: 'Trần Thị Lan',
  dateOfBirth: { year: 1950, month: 3, day: 14 },
  sex: Sex.SEX_FEMALE,
  ethnicGroupCode: '01',
  citizenId: '001150012345',
  relation: 'head',
};

/** No citizen ID recorded. */
export const grandson: MemberInput = {
  fullName: 'Trần Văn Minh',
  dateOfBirth: { year: 2015, month: 6, day: 1 },
  sex: Sex.SEX_MALE,
  ethnicGroupCode: '01',
  citizenId: '',
  relation: 'grandchild',
};

export interface Registered {
  householdId: string;
  /** Member ids in the order given. */
  memberIds: string[];
}

/** Registers a household of `communeCode` with the members (the first is the head). */
export async function registerHousehold(
  h: Harness,
  officer: Record<string, string>,
  members: MemberInput[],
  communeCode = COMMUNE,
): Promise<Registered> {
  const res = await h.households.call(
    'createHousehold',
    {
      communeCode,
      villageCode: 'TDP-03',
      streetAddress: '5 Phố Liễu Giai',
      area: Area.AREA_URBAN,
      members,
      reason: 'đăng ký hộ',
    },
    { metadata: officer },
  );
  const household = res.household!;
  const memberIds = members.map(
    (m) => household.members.find((x) => x.fullName === m.fullName)!.id,
  );
  return { householdId: household.id, memberIds };
}

/** An application for group 5a (người cao tuổi thuộc hộ nghèo), paid by bank transfer. */
export function application(
  reg: Registered,
  over: Partial<SubmitApplicationRequest> = {},
): SubmitApplicationRequest {
  return {
    kind: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
    householdId: reg.householdId,
    memberId: reg.memberIds[0]!,
    eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
    payment: {
      channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
      bankCode: 'VBSP',
      accountNumber: '1234567890',
    },
    applicationDate: { year: 2026, month: 3, day: 2 },
    documents: ['Tờ khai Mẫu số 1a', 'Bản sao giấy khai sinh'],
    requestId: '',
    ...over,
  };
}

export function approval(
  caseId: string,
  expectedVersion: number,
  over: Partial<ApproveCaseRequest> = {},
): ApproveCaseRequest {
  return {
    caseId,
    expectedVersion,
    decisionNumber: '01/QĐ-UBND',
    signedOn: { year: 2026, month: 3, day: 18 },
    signer: 'Chủ tịch UBND',
    effectiveMonth: undefined,
    ...over,
  };
}

/** Files a case and takes it to `verified` (version 4) as the commune (Decree 147/2025). */
export async function verifiedCase(
  h: Harness,
  officer: Record<string, string>,
  reg: Registered,
  over: Partial<SubmitApplicationRequest> = {},
): Promise<Case> {
  const req = application(reg, over);
  const c = (await h.cases.call('submitApplication', req, { metadata: officer })).case!;
  await h.cases.call(
    'checkCompleteness',
    { caseId: c.caseId, expectedVersion: 1, complete: true, missingItems: [], note: '' },
    { metadata: officer },
  );
  const applied = req.applicationDate!;
  await h.cases.call(
    'appraiseCase',
    {
      caseId: c.caseId,
      expectedVersion: 2,
      eligibility: req.eligibility,
      proposedMonth: { year: applied.year, month: applied.month },
      opinion: '',
    },
    { metadata: officer },
  );
  return (
    await h.cases.call(
      'verifyBeneficiary',
      { caseId: c.caseId, expectedVersion: 3 },
      { metadata: officer },
    )
  ).case!;
}

/** A verified case approved by the commune's approver (version 5, status active). */
export async function approvedCase(
  h: Harness,
  officer: Record<string, string>,
  approver: Record<string, string>,
  reg: Registered,
  decision: Partial<ApproveCaseRequest> = {},
  over: Partial<SubmitApplicationRequest> = {},
): Promise<Case> {
  const c = await verifiedCase(h, officer, reg, over);
  return (
    await h.cases.call('approveCase', approval(c.caseId, 4, decision), { metadata: approver })
  ).case!;
}
