import { status } from '@grpc/grpc-js';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  ComplaintServiceClient,
  type ComplaintServiceService,
  type FileComplaintRequest,
} from '@posa/proto';
import { serviceAccountToken } from '@posa/testing';
import {
  application,
  COMMUNE,
  elderly,
  OTHER_COMMUNE,
  PROVINCE,
  registerHousehold,
} from './case-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

/**
 * Complaints about data: routed to the commune of the case, answered and closed there within
 * the time limit, overdue when today passes the due date, tracked by citizens with the
 * tracking code and their citizen ID. Real PostgreSQL, Keycloak and households service.
 */
let h: Harness;
let complaints: GrpcClient<ComplaintServiceService>;
let edge: Record<string, string>;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;
let provinceAnalyst: Record<string, string>;
let provinceOfficer: Record<string, string>;
let caseId: string;
let today = '2026-03-20'; // Friday; 10 working days later is Friday 2026-04-03

const complaint = (over: Partial<FileComplaintRequest> = {}): FileComplaintRequest => ({
  subjectKind: 'other',
  subjectId: '',
  managingUnitCode: COMMUNE,
  complainantName: 'Lê Văn An',
  complainantCitizenId: '001080000123',
  complainantPhone: '0912345678',
  content: 'Ngày sinh của tôi trong hồ sơ bị ghi sai.',
  sourceAddress: '',
  ...over,
});

beforeAll(async () => {
  h = await startHarness('complaints', { today: () => today });
  complaints = createGrpcClient(ComplaintServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  edge = { authorization: `Bearer ${await serviceAccountToken()}` };
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherOfficer = await h.signIn('other', OTHER_COMMUNE, ['officer']);
  provinceAnalyst = await h.signIn('analyst', PROVINCE, ['analyst']);
  provinceOfficer = await h.signIn('provofficer', PROVINCE, ['officer']);
  const reg = await registerHousehold(h, officer, [elderly]);
  caseId = (await h.cases.call('submitApplication', application(reg), { metadata: officer })).case!
    .caseId;
});

afterAll(async () => {
  complaints?.close();
  await h?.close();
});

it('routes a complaint about a case to its commune, where it is answered then closed', async () => {
  const filed = (
    await complaints.call(
      'fileComplaint',
      complaint({
        subjectKind: 'case',
        subjectId: caseId,
        managingUnitCode: '',
        complainantCitizenId: '',
      }),
      { metadata: provinceAnalyst },
    )
  ).complaint!;
  expect(filed).toMatchObject({
    source: 'staff',
    subjectKind: 'case',
    subjectId: caseId,
    managingUnitCode: COMMUNE,
    status: 'open',
    dueOn: { year: 2026, month: 4, day: 3 },
    overdue: false,
    version: 1,
  });
  expect(filed.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

  const foreignAnswer = await rejectionOf(
    complaints.call(
      'answerComplaint',
      { complaintId: filed.complaintId, expectedVersion: 1, answer: 'không' },
      { metadata: otherOfficer },
    ),
  );
  expect(foreignAnswer.code).toBe(status.PERMISSION_DENIED);
  const foreignRead = await rejectionOf(
    complaints.call('getComplaint', { complaintId: filed.complaintId }, { metadata: otherOfficer }),
  );
  expect(foreignRead.code).toBe(status.NOT_FOUND);

  const early = await rejectionOf(
    complaints.call(
      'closeComplaint',
      { complaintId: filed.complaintId, expectedVersion: 1, note: '' },
      { metadata: officer },
    ),
  );
  expect(early.code).toBe(status.FAILED_PRECONDITION);
  const answered = (
    await complaints.call(
      'answerComplaint',
      { complaintId: filed.complaintId, expectedVersion: 1, answer: 'Đã sửa ngày sinh.' },
      { metadata: officer },
    )
  ).complaint!;
  expect(answered).toMatchObject({ status: 'answered', answer: 'Đã sửa ngày sinh.', version: 2 });
  const stale = await rejectionOf(
    complaints.call(
      'closeComplaint',
      { complaintId: filed.complaintId, expectedVersion: 1, note: '' },
      { metadata: officer },
    ),
  );
  expect(stale.code).toBe(status.ABORTED);
  const closed = (
    await complaints.call(
      'closeComplaint',
      { complaintId: filed.complaintId, expectedVersion: 2, note: 'Công dân đồng ý' },
      { metadata: officer },
    )
  ).complaint!;
  expect(closed).toMatchObject({ status: 'closed', version: 3 });
  expect(closed.closedAt).toBeDefined();
});

it('takes citizen complaints through the edge and lets only the pair of code and ID track them', async () => {
  const missingUnit = await rejectionOf(
    complaints.call('fileComplaint', complaint({ managingUnitCode: '' }), { metadata: edge }),
  );
  expect(missingUnit.field).toBe('managing_unit_code');
  const noId = await rejectionOf(
    complaints.call('fileComplaint', complaint({ complainantCitizenId: '' }), { metadata: edge }),
  );
  expect(noId.field).toBe('complainant_citizen_id');

  const filed = (await complaints.call('fileComplaint', complaint(), { metadata: edge }))
    .complaint!;
  expect(filed).toMatchObject({ source: 'citizen', managingUnitCode: COMMUNE });
  const track = await complaints.call(
    'trackComplaint',
    { trackingCode: filed.trackingCode, citizenId: '001080000123' },
    { metadata: edge },
  );
  expect(track).toMatchObject({
    status: 'open',
    answer: '',
    dueOn: { year: 2026, month: 4, day: 3 },
  });
  const wrong = await rejectionOf(
    complaints.call(
      'trackComplaint',
      { trackingCode: filed.trackingCode, citizenId: '001080000124' },
      { metadata: edge },
    ),
  );
  expect(wrong.code).toBe(status.NOT_FOUND);
  const staffTrack = await rejectionOf(
    complaints.call(
      'trackComplaint',
      { trackingCode: filed.trackingCode, citizenId: '001080000123' },
      { metadata: officer },
    ),
  );
  expect(staffTrack.code).toBe(status.PERMISSION_DENIED);

  const list = await complaints.call(
    'listComplaints',
    { unitCode: COMMUNE, status: 'open', overdueOnly: false, page: undefined },
    { metadata: officer },
  );
  const listed = list.complaints.find((c) => c.complaintId === filed.complaintId)!;
  expect(listed.complainantCitizenId).toBe('********0123');
});

it('is rerouted by the province to the commune that manages the record', async () => {
  const filed = (await complaints.call('fileComplaint', complaint(), { metadata: officer }))
    .complaint!;
  const byOther = await rejectionOf(
    complaints.call(
      'rerouteComplaint',
      {
        complaintId: filed.complaintId,
        expectedVersion: 1,
        managingUnitCode: OTHER_COMMUNE,
        reason: 'x',
      },
      { metadata: otherOfficer },
    ),
  );
  expect(byOther.code).toBe(status.PERMISSION_DENIED);
  const moved = (
    await complaints.call(
      'rerouteComplaint',
      {
        complaintId: filed.complaintId,
        expectedVersion: 1,
        managingUnitCode: OTHER_COMMUNE,
        reason: 'Hồ sơ do phường Ngọc Hà quản lý',
      },
      { metadata: provinceOfficer },
    )
  ).complaint!;
  expect(moved).toMatchObject({ managingUnitCode: OTHER_COMMUNE, version: 2, dueOn: filed.dueOn });
  const answered = (
    await complaints.call(
      'answerComplaint',
      { complaintId: filed.complaintId, expectedVersion: 2, answer: 'Đã kiểm tra.' },
      { metadata: otherOfficer },
    )
  ).complaint!;
  expect(answered.status).toBe('answered');
});

it('flags open complaints past their due date as overdue', async () => {
  const late = (await complaints.call('fileComplaint', complaint(), { metadata: officer }))
    .complaint!;
  const done = (await complaints.call('fileComplaint', complaint(), { metadata: officer }))
    .complaint!;
  await complaints.call(
    'answerComplaint',
    { complaintId: done.complaintId, expectedVersion: 1, answer: 'Đã trả lời.' },
    { metadata: officer },
  );
  const overdueIds = async () =>
    (
      await complaints.call(
        'listComplaints',
        {
          unitCode: COMMUNE,
          status: '',
          overdueOnly: true,
          page: { pageSize: 200, pageToken: '' },
        },
        { metadata: officer },
      )
    ).complaints.map((c) => c.complaintId);
  expect(await overdueIds()).toEqual([]);
  today = '2026-04-06'; // the Monday after the due date
  try {
    const ids = await overdueIds();
    expect(ids).toContain(late.complaintId);
    expect(ids).not.toContain(done.complaintId);
    const got = await complaints.call(
      'getComplaint',
      { complaintId: late.complaintId },
      { metadata: officer },
    );
    expect(got.complaint!.overdue).toBe(true);
  } finally {
    today = '2026-03-20';
  }
});
