import { status } from '@grpc/grpc-js';
import { CaseStatus, type Case } from '@posa/proto';
import {
  approval,
  application,
  COMMUNE,
  elderly,
  OTHER_COMMUNE,
  PROVINCE,
  registerHousehold,
  type Registered,
  verifiedCase,
} from './case-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

/**
 * Jurisdiction, rejection, the overdue flag, the list of a unit and the database's refusal of
 * two allowances of one person over the same months. Today is fixed at 2026-03-20.
 */
let h: Harness;
let officer: Record<string, string>;
let approver: Record<string, string>;
let reg: Registered;

beforeAll(async () => {
  h = await startHarness('access', { today: () => '2026-03-20' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  reg = await registerHousehold(h, officer, [elderly]);
});

afterAll(async () => {
  await h?.close();
});

async function file(over: Parameters<typeof application>[1] = {}): Promise<Case> {
  return (await h.cases.call('submitApplication', application(reg, over), { metadata: officer }))
    .case!;
}

it('keeps cases within the jurisdiction', async () => {
  const c = await file();
  const stranger = await h.signIn('stranger', OTHER_COMMUNE, ['officer']);
  const analyst = await h.signIn('analyst', PROVINCE, ['analyst']);
  const auditor = await h.signIn('auditor', COMMUNE, ['auditor']);

  const notFound = await rejectionOf(
    h.cases.call('getCase', { caseId: c.caseId }, { metadata: stranger }),
  );
  expect(notFound.code).toBe(status.NOT_FOUND);
  const check = {
    caseId: c.caseId,
    expectedVersion: 1,
    complete: true,
    missingItems: [],
    note: '',
  };
  const foreign = await rejectionOf(
    h.cases.call('checkCompleteness', check, { metadata: stranger }),
  );
  expect(foreign.code).toBe(status.NOT_FOUND);
  const foreignFiling = await rejectionOf(
    h.cases.call('submitApplication', application(reg), { metadata: stranger }),
  );
  expect(foreignFiling.code).toBe(status.INVALID_ARGUMENT);
  expect(foreignFiling.field).toBe('household_id');

  const read = await h.cases.call('getCase', { caseId: c.caseId }, { metadata: analyst });
  expect(read.case!.caseId).toBe(c.caseId);
  const audited = await h.cases.call('getCase', { caseId: c.caseId }, { metadata: auditor });
  expect(audited.case!.version).toBe(1);
  const auditorWrite = await rejectionOf(
    h.cases.call('checkCompleteness', check, { metadata: auditor }),
  );
  expect(auditorWrite.code).toBe(status.PERMISSION_DENIED);
  const analystList = await rejectionOf(
    h.cases.call(
      'listCases',
      { unitCode: '79', status: 0, overdueOnly: false, flaggedOnly: false, page: undefined },
      { metadata: analyst },
    ),
  );
  expect(analystList.code).toBe(status.PERMISSION_DENIED);
});

it('rejects in writing with reasons', async () => {
  const c = await file();
  const noReason = await rejectionOf(
    h.cases.call(
      'rejectCase',
      {
        caseId: c.caseId,
        expectedVersion: 1,
        reason: ' ',
        decisionNumber: '7/QĐ-UBND',
        signedOn: { year: 2026, month: 3, day: 19 },
        signer: 'Chủ tịch UBND',
      },
      { metadata: approver },
    ),
  );
  expect(noReason.field).toBe('reason');
  const rejected = (
    await h.cases.call(
      'rejectCase',
      {
        caseId: c.caseId,
        expectedVersion: 1,
        reason: 'Không thuộc hộ nghèo',
        decisionNumber: '7/QĐ-UBND',
        signedOn: { year: 2026, month: 3, day: 19 },
        signer: 'Chủ tịch UBND',
      },
      { metadata: approver },
    )
  ).case!;
  expect(rejected.status).toBe(CaseStatus.CASE_STATUS_REJECTED);
  expect(rejected.decisions).toEqual([
    expect.objectContaining({
      kind: 'rejection',
      reason: 'Không thuộc hộ nghèo',
      unitCode: COMMUNE,
    }),
  ]);
  expect(rejected.periods).toEqual([]);
  expect(rejected.overdue).toBe(false);
});

it('flags overdue steps and lists the unit in pages with masked citizen IDs', async () => {
  // Filed 2026-03-02 with 3 working days for the check: due 2026-03-05, overdue on 2026-03-20.
  const late = await file();
  expect(late.overdue).toBe(true);
  const fresh = await file({ applicationDate: { year: 2026, month: 3, day: 19 } });
  expect(fresh.overdue).toBe(false);

  const all: string[] = [];
  let token = '';
  do {
    const page = await h.cases.call(
      'listCases',
      {
        unitCode: '',
        status: 0,
        overdueOnly: false,
        flaggedOnly: false,
        page: { pageSize: 2, pageToken: token },
      },
      { metadata: officer },
    );
    for (const s of page.cases) {
      expect(s.citizenIdMasked).toBe('********2345');
      all.push(s.caseCode);
    }
    token = page.page!.nextPageToken;
  } while (token !== '');
  expect(all).toEqual([...all].sort());
  expect(new Set(all).size).toBe(all.length);
  expect(all).toEqual(expect.arrayContaining([late.caseCode, fresh.caseCode]));

  const overdue = await h.cases.call(
    'listCases',
    {
      unitCode: PROVINCE,
      status: CaseStatus.CASE_STATUS_SUBMITTED,
      overdueOnly: true,
      flaggedOnly: false,
      page: undefined,
    },
    { metadata: await h.signIn('p-analyst', PROVINCE, ['analyst']) },
  );
  expect(overdue.cases.map((s) => s.caseId)).toContain(late.caseId);
  expect(overdue.cases.map((s) => s.caseId)).not.toContain(fresh.caseId);
  expect(overdue.cases.every((s) => s.overdue)).toBe(true);

  const first = await h.cases.call(
    'listCases',
    {
      unitCode: '',
      status: 0,
      overdueOnly: false,
      flaggedOnly: false,
      page: { pageSize: 1, pageToken: '' },
    },
    { metadata: officer },
  );
  const wrongQuery = await rejectionOf(
    h.cases.call(
      'listCases',
      {
        unitCode: '',
        status: 0,
        overdueOnly: true,
        flaggedOnly: false,
        page: { pageSize: 1, pageToken: first.page!.nextPageToken },
      },
      { metadata: officer },
    ),
  );
  expect(wrongQuery.field).toBe('page.page_token');
});

it('refuses a second allowance of one person over the same months', async () => {
  const a = await verifiedCase(h, officer, reg);
  const b = await verifiedCase(h, officer, reg);
  await h.cases.call('approveCase', approval(a.caseId, 4, { decisionNumber: '20/QĐ-UBND' }), {
    metadata: approver,
  });
  const second = await rejectionOf(
    h.cases.call(
      'approveCase',
      approval(b.caseId, 4, {
        decisionNumber: '21/QĐ-UBND',
        effectiveMonth: { year: 2026, month: 4 },
      }),
      { metadata: approver },
    ),
  );
  expect(second.code).toBe(status.FAILED_PRECONDITION);
  expect(second.message).toContain('citizen_id');
  const unchanged = await h.cases.call('getCase', { caseId: b.caseId }, { metadata: approver });
  expect(unchanged.case!.status).toBe(CaseStatus.CASE_STATUS_VERIFIED);
  expect(unchanged.case!.version).toBe(4);
  expect(unchanged.case!.decisions).toEqual([]);
});

it('shows open review flags in the case and the flagged list', async () => {
  const c = await file();
  const plain = await file();
  // A flag as the household-events consumer raises it (review_flag of migration 0003).
  await h.app.pool.query(
    `INSERT INTO review_flag (id, case_id, reason, source_event_id, raised_at)
     VALUES (gen_random_uuid(), $1, 'member_deceased', 'evt-1', now())`,
    [c.caseId],
  );
  const got = (await h.cases.call('getCase', { caseId: c.caseId }, { metadata: officer })).case!;
  expect(got.flags).toEqual([
    expect.objectContaining({ reason: 'member_deceased', resolution: '', resolvedAt: undefined }),
  ]);
  const flagged = await h.cases.call(
    'listCases',
    { unitCode: COMMUNE, status: 0, overdueOnly: false, flaggedOnly: true, page: undefined },
    { metadata: officer },
  );
  expect(flagged.cases.map((s) => [s.caseId, s.flagged])).toEqual([[c.caseId, true]]);
  expect(flagged.cases.map((s) => s.caseId)).not.toContain(plain.caseId);
});

// Last: it stops the population-database simulator.
it('writes nothing when the population database does not answer', async () => {
  const c = await file();
  await h.cases.call(
    'checkCompleteness',
    { caseId: c.caseId, expectedVersion: 1, complete: true, missingItems: [], note: '' },
    { metadata: officer },
  );
  await h.cases.call(
    'appraiseCase',
    {
      caseId: c.caseId,
      expectedVersion: 2,
      eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
      proposedMonth: { year: 2026, month: 3 },
      opinion: '',
    },
    { metadata: officer },
  );
  await h.simulator.stop();
  const err = await rejectionOf(
    h.cases.call(
      'verifyBeneficiary',
      { caseId: c.caseId, expectedVersion: 3 },
      { metadata: officer },
    ),
  );
  expect(err.code).toBe(status.UNAVAILABLE);
  const after = (await h.cases.call('getCase', { caseId: c.caseId }, { metadata: officer })).case!;
  expect(after.version).toBe(3);
  expect(after.populationCheck).toBe('');
});
