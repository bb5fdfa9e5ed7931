import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  CaseKind,
  CaseStatus,
  OnlineApplicationServiceClient,
  PaymentChannel,
  type OnlineApplicationServiceService,
  type SubmitOnlineApplicationRequest,
} from '@posa/proto';
import { serviceAccountToken } from '@posa/testing';
import { EICAR_TEST_STRING } from '../src/online/attachment-scanner';
import { approval, COMMUNE, elderly, OTHER_COMMUNE, registerHousehold } from './case-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

/**
 * The citizen online service end to end: the edge's real `posa-services` token submits and
 * tracks, commune officers read, accept into a case (which the tracking status follows to the
 * decision) or decline. Real PostgreSQL, Keycloak and households service.
 */
let h: Harness;
let online: GrpcClient<OnlineApplicationServiceService>;
let edge: Record<string, string>;
let officer: Record<string, string>;
let approver: Record<string, string>;
let otherOfficer: Record<string, string>;

const TODAY = '2026-03-20'; // a Friday: 3 working days later is Wednesday 2026-03-25
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

/** A woman born in 1950 with a citizen ID ending in `n` (never 0: the simulator knows those). */
function submission(
  n: number,
  over: Partial<SubmitOnlineApplicationRequest> = {},
): SubmitOnlineApplicationRequest {
  return {
    kind: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
    applicant: {
      fullName: 'Trần Thị Lan',
      dateOfBirth: { year: 1950, month: 3, day: 14 },
      sex: 'female',
      citizenId: `001150${String(n).padStart(6, '0')}`,
      phone: '0912345678',
      email: '',
      communeCode: COMMUNE,
      streetAddress: '5 Phố Liễu Giai',
    },
    filedByName: '',
    filedByRelation: '',
    circumstances: 'Tôi 76 tuổi, sống một mình, thuộc hộ nghèo.',
    suggestedCategoryCode: 'nd20-5a',
    payment: {
      channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
      bankCode: 'VBSP',
      accountNumber: '1234567890',
    },
    attachments: [
      { fileName: 'to-khai.pdf', mediaType: 'application/pdf', content: PDF },
      { fileName: 'cccd.png', mediaType: 'image/png', content: PNG },
    ],
    sourceAddress: `198.51.100.${n % 250}`,
    ...over,
  };
}

async function storedCounts(): Promise<number[]> {
  const { rows } = await h.app.pool.query<{ a: string; f: string; c: string }>(
    `SELECT (SELECT count(*) FROM online_application) AS a,
            (SELECT count(*) FROM online_attachment) AS f,
            (SELECT count(*) FROM online_attachment_content) AS c`,
  );
  return [Number(rows[0]!.a), Number(rows[0]!.f), Number(rows[0]!.c)];
}

beforeAll(async () => {
  h = await startHarness('online', {
    today: () => TODAY,
    env: { ONLINE_MAX_PER_CITIZEN_PER_DAY: '2', ONLINE_MAX_PER_SOURCE_PER_HOUR: '3' },
  });
  online = createGrpcClient(OnlineApplicationServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
    channelOptions: { 'grpc.max_receive_message_length': 32 * 1024 * 1024 },
  });
  edge = { authorization: `Bearer ${await serviceAccountToken()}` };
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
});

afterAll(async () => {
  online?.close();
  await h?.close();
});

it('stores a submission with a PDF and a PNG; tracking needs the right citizen ID', async () => {
  const res = await online.call('submitOnlineApplication', submission(11), { metadata: edge });
  expect(res.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  expect(res.attachments.map((a) => [a.mediaType, a.scanStatus, a.sizeBytes])).toEqual([
    ['application/pdf', 'clean', String(PDF.length)],
    ['image/png', 'clean', String(PNG.length)],
  ]);
  expect(res.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

  const track = await online.call(
    'trackOnlineApplication',
    { trackingCode: res.trackingCode.toLowerCase(), citizenId: '001150000011' },
    { metadata: edge },
  );
  expect(track).toMatchObject({ status: 'received', communeCode: COMMUNE, caseCode: '' });

  const wrongId = await rejectionOf(
    online.call(
      'trackOnlineApplication',
      { trackingCode: res.trackingCode, citizenId: '001150000012' },
      { metadata: edge },
    ),
  );
  const wrongCode = await rejectionOf(
    online.call(
      'trackOnlineApplication',
      { trackingCode: 'ZZZZZZZZZZ', citizenId: '001150000011' },
      { metadata: edge },
    ),
  );
  expect(wrongId.code).toBe(status.NOT_FOUND);
  expect(wrongCode.code).toBe(status.NOT_FOUND);
  expect(wrongId.message).toBe(wrongCode.message);

  // Staff: the list masks the citizen ID, the application itself shows it, files come back whole.
  const list = await online.call(
    'listOnlineApplications',
    { unitCode: '', status: 'received', page: undefined },
    { metadata: officer },
  );
  const listed = list.applications.find((a) => a.trackingCode === res.trackingCode)!;
  expect(listed.applicant!.citizenId).toBe('********0011');
  expect(listed.dueOn).toEqual({ year: 2026, month: 3, day: 25 });
  expect(listed.overdue).toBe(false);
  const full = await online.call(
    'getOnlineApplication',
    { applicationId: listed.applicationId },
    { metadata: officer },
  );
  expect(full.application!.applicant!.citizenId).toBe('001150000011');
  const file = await online.call(
    'getOnlineAttachment',
    { applicationId: listed.applicationId, attachmentId: res.attachments[0]!.attachmentId },
    { metadata: officer },
  );
  expect(Buffer.from(file.content).equals(PDF)).toBe(true);

  const foreign = await rejectionOf(
    online.call(
      'getOnlineApplication',
      { applicationId: listed.applicationId },
      { metadata: otherOfficer },
    ),
  );
  expect(foreign.code).toBe(status.NOT_FOUND);
});

it('refuses an EICAR attachment, naming it, and stores nothing', async () => {
  const before = await storedCounts();
  const infected = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR_TEST_STRING)]);
  const err = await rejectionOf(
    online.call(
      'submitOnlineApplication',
      submission(21, {
        attachments: [
          { fileName: 'a.pdf', mediaType: 'application/pdf', content: PDF },
          { fileName: 'b.pdf', mediaType: 'application/pdf', content: infected },
        ],
      }),
      { metadata: edge },
    ),
  );
  expect(err.code).toBe(status.INVALID_ARGUMENT);
  expect(err.field).toBe('attachments[1]');
  expect(await storedCounts()).toEqual(before);
});

it('refuses a JPEG declared as PDF and bad applicant fields, naming the field', async () => {
  const bad = async (over: Partial<SubmitOnlineApplicationRequest>, field: string) => {
    const err = await rejectionOf(
      online.call('submitOnlineApplication', submission(31, over), { metadata: edge }),
    );
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.field).toBe(field);
  };
  await bad(
    { attachments: [{ fileName: 'anh.pdf', mediaType: 'application/pdf', content: JPEG }] },
    'attachments[0].media_type',
  );
  const applicant = submission(31).applicant!;
  await bad({ applicant: { ...applicant, citizenId: '001050000031' } }, 'applicant.citizen_id');
  await bad({ applicant: { ...applicant, communeCode: '99999' } }, 'applicant.commune_code');
  await bad({ suggestedCategoryCode: 'nope' }, 'suggested_category_code');
  await bad({ kind: 0 }, 'kind');
});

it('lets only the edge submit and only officers decide', async () => {
  const staffSubmit = await rejectionOf(
    online.call('submitOnlineApplication', submission(41), { metadata: officer }),
  );
  expect(staffSubmit.code).toBe(status.PERMISSION_DENIED);
  const res = await online.call('submitOnlineApplication', submission(42), { metadata: edge });
  const id = (
    await online.call(
      'listOnlineApplications',
      { unitCode: COMMUNE, status: '', page: { pageSize: 200, pageToken: '' } },
      { metadata: officer },
    )
  ).applications.find((a) => a.trackingCode === res.trackingCode)!.applicationId;
  const serviceAccept = await rejectionOf(
    online.call(
      'acceptOnlineApplication',
      { applicationId: id, householdId: '', memberId: '', eligibility: undefined },
      { metadata: edge },
    ),
  );
  expect(serviceAccept.code).toBe(status.PERMISSION_DENIED);
  const serviceList = await rejectionOf(
    online.call(
      'listOnlineApplications',
      { unitCode: '', status: '', page: undefined },
      { metadata: edge },
    ),
  );
  expect(serviceList.code).toBe(status.PERMISSION_DENIED);
  const foreignDecline = await rejectionOf(
    online.call(
      'declineOnlineApplication',
      { applicationId: id, reason: 'x' },
      { metadata: otherOfficer },
    ),
  );
  expect(foreignDecline.code).toBe(status.PERMISSION_DENIED);

  const noReason = await rejectionOf(
    online.call(
      'declineOnlineApplication',
      { applicationId: id, reason: ' ' },
      { metadata: officer },
    ),
  );
  expect(noReason.field).toBe('reason');
  const declined = await online.call(
    'declineOnlineApplication',
    { applicationId: id, reason: 'Trùng hồ sơ đã nộp trực tiếp' },
    { metadata: officer },
  );
  expect(declined.application).toMatchObject({
    status: 'declined',
    declineReason: 'Trùng hồ sơ đã nộp trực tiếp',
  });
  const track = await online.call(
    'trackOnlineApplication',
    { trackingCode: res.trackingCode, citizenId: '001150000042' },
    { metadata: edge },
  );
  expect(track).toMatchObject({ status: 'declined', reason: 'Trùng hồ sơ đã nộp trực tiếp' });
  const again = await rejectionOf(
    online.call(
      'declineOnlineApplication',
      { applicationId: id, reason: 'lại' },
      { metadata: officer },
    ),
  );
  expect(again.code).toBe(status.FAILED_PRECONDITION);
});

it('accepts into an online case and tracking follows the case to the approval', async () => {
  const reg = await registerHousehold(h, officer, [elderly]);
  const res = await online.call(
    'submitOnlineApplication',
    submission(12345, { sourceAddress: '203.0.113.9' }),
    { metadata: edge },
  );
  const id = (
    await online.call(
      'listOnlineApplications',
      { unitCode: COMMUNE, status: 'received', page: { pageSize: 200, pageToken: '' } },
      { metadata: officer },
    )
  ).applications.find((a) => a.trackingCode === res.trackingCode)!.applicationId;
  const eligibility = { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' };
  const accepted = await online.call(
    'acceptOnlineApplication',
    { applicationId: id, householdId: reg.householdId, memberId: reg.memberIds[0]!, eligibility },
    { metadata: officer },
  );
  const c = accepted.case!;
  expect(accepted.application).toMatchObject({ status: 'accepted', caseId: c.caseId });
  expect(c).toMatchObject({ channel: 'online', status: CaseStatus.CASE_STATUS_SUBMITTED });
  const track = () =>
    online.call(
      'trackOnlineApplication',
      { trackingCode: res.trackingCode, citizenId: '001150012345' },
      { metadata: edge },
    );
  expect(await track()).toMatchObject({ status: 'processing', caseCode: c.caseCode });

  const call = { metadata: officer };
  await h.cases.call(
    'checkCompleteness',
    {
      caseId: c.caseId,
      expectedVersion: 1,
      complete: false,
      missingItems: ['Giấy xác nhận hộ nghèo'],
      note: '',
    },
    call,
  );
  expect(await track()).toMatchObject({
    status: 'needs_documents',
    missingItems: ['Giấy xác nhận hộ nghèo'],
  });
  await h.cases.call(
    'resubmitApplication',
    { caseId: c.caseId, expectedVersion: 2, documents: ['Giấy xác nhận hộ nghèo'], note: '' },
    call,
  );
  await h.cases.call(
    'checkCompleteness',
    { caseId: c.caseId, expectedVersion: 3, complete: true, missingItems: [], note: '' },
    call,
  );
  await h.cases.call(
    'appraiseCase',
    {
      caseId: c.caseId,
      expectedVersion: 4,
      eligibility,
      proposedMonth: { year: 2026, month: 3 },
      opinion: '',
    },
    call,
  );
  await h.cases.call('verifyBeneficiary', { caseId: c.caseId, expectedVersion: 5 }, call);
  expect((await track()).status).toBe('processing');
  await h.cases.call(
    'approveCase',
    approval(c.caseId, 6, {
      decisionNumber: '07/QĐ-UBND',
      signedOn: { year: 2026, month: 3, day: 20 },
    }),
    { metadata: approver },
  );
  const approved = await track();
  expect(approved).toMatchObject({
    status: 'approved',
    decisionNumber: '07/QĐ-UBND',
    decisionSignedOn: { year: 2026, month: 3, day: 20 },
    effectiveMonth: { year: 2026, month: 3 },
    caseCode: c.caseCode,
  });
  // The citizen's view carries no amount, coefficient or category.
  expect(JSON.stringify(approved)).not.toMatch(/nd20|750|150|amount/i);

  const twice = await rejectionOf(
    online.call(
      'acceptOnlineApplication',
      { applicationId: id, householdId: reg.householdId, memberId: reg.memberIds[0]!, eligibility },
      { metadata: officer },
    ),
  );
  expect(twice.code).toBe(status.FAILED_PRECONDITION);
});

it('limits submissions per citizen ID and per source address', async () => {
  const sameCitizen = (source: string) =>
    online.call('submitOnlineApplication', submission(51, { sourceAddress: source }), {
      metadata: edge,
    });
  await sameCitizen('192.0.2.1');
  await sameCitizen('192.0.2.2');
  const third = await rejectionOf(sameCitizen('192.0.2.3'));
  expect(third.code).toBe(status.RESOURCE_EXHAUSTED);

  const sameSource = (n: number) =>
    online.call('submitOnlineApplication', submission(n, { sourceAddress: '192.0.2.99' }), {
      metadata: edge,
    });
  await sameSource(61);
  await sameSource(62);
  await sameSource(63);
  const fourth = await rejectionOf(sameSource(64));
  expect(fourth.code).toBe(status.RESOURCE_EXHAUSTED);
});

it('takes files up to the size limit beyond the default gRPC message size, and refuses larger', async () => {
  const big = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, 0x20)]);
  const limit = 5 * 1024 * 1024;
  const res = await online.call(
    'submitOnlineApplication',
    submission(71, {
      attachments: [
        { fileName: 'a.pdf', mediaType: 'application/pdf', content: big(limit) },
        { fileName: 'b.pdf', mediaType: 'application/pdf', content: big(limit) },
      ],
    }),
    { metadata: edge },
  );
  expect(res.attachments.map((a) => a.sizeBytes)).toEqual([String(limit), String(limit)]);
  const tooBig = await rejectionOf(
    online.call(
      'submitOnlineApplication',
      submission(72, {
        attachments: [{ fileName: 'a.pdf', mediaType: 'application/pdf', content: big(limit + 1) }],
      }),
      { metadata: edge },
    ),
  );
  expect(tooBig.field).toBe('attachments[0].content');
});
