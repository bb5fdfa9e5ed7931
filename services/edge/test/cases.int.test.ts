/**
 * Cases through the edge's REST API, against the households and cases services in process (real
 * PostgreSQL) and real Keycloak tokens: an application filed by the commune officer, its steps to
 * the decision, the monthly entitlement with its explanation, a retroactive change with its
 * arrears, lists and filters, the policy catalogue and a provincial base level, and refusals
 * mapped to the JSON error shape with the field at fault.
 */
import { api, type Json } from './households-harness';
import { startCasesEdge, type CasesEdge } from './cases-harness';

const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội
const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà

let s: CasesEdge;
let base: string;
let officer: string;
let approver: string;
let stranger: string;
let provinceOfficer: string;
let household: Json;

beforeAll(async () => {
  s = await startCasesEdge('api', () => '2026-06-15');
  base = s.edge.baseUrl;
  const staff = async (name: string, unit: string, roles: string[]) =>
    s.edge.bearer(await s.edge.createStaff(name, unit, roles));
  officer = await staff('officer', COMMUNE, ['officer']);
  approver = await staff('approver', COMMUNE, ['approver']);
  stranger = await staff('stranger', OTHER_COMMUNE, ['officer']);
  provinceOfficer = await staff('province', '01', ['officer']);
  const created = await api(base, '/households', officer, {
    method: 'POST',
    body: {
      communeCode: COMMUNE,
      streetAddress: '5 Phố Liễu Giai',
      area: 'urban',
      reason: 'Khai báo mới',
      members: [
        {
          fullName: 'Lê Thị Tư',
          dateOfBirth: '1940-03-14',
          sex: 'female',
          ethnicGroupCode: '01',
          citizenId: '001140012345',
          relation: 'head',
        },
      ],
    },
  });
  expect(created.status).toBe(201);
  household = created.body;
});

afterAll(async () => {
  await s?.close();
});

const application = (over: Json = {}) => ({
  kind: 'monthly_allowance',
  householdId: household.id,
  memberId: household.members[0].id,
  eligibility: { categoryCodes: ['nd20-5c'] },
  payment: { channel: 'cash_at_commune' },
  applicationDate: '2026-01-05',
  documents: ['Tờ khai Mẫu số 1a'],
  ...over,
});

describe('cases API', () => {
  let caseId: string;
  let code: string;

  it('refuses an application with the field at fault, from the edge and from the service', async () => {
    const noAccount = await api(base, '/cases', officer, {
      method: 'POST',
      body: application({ payment: { channel: 'bank_transfer', bankCode: 'VBSP' } }),
    });
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'payment.account_number',
    });
    const unknown = await api(base, '/cases', officer, {
      method: 'POST',
      body: application({ eligibility: { categoryCodes: ['nd20-99'] } }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toMatch(/^eligibility\.category_codes/);
    const elsewhere = await api(base, '/cases', stranger, { method: 'POST', body: application() });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error).toMatchObject({ field: 'household_id' });
  });

  it('lets the commune officer file an application (201) and reads it back', async () => {
    const filed = await api(base, '/cases', officer, { method: 'POST', body: application() });
    expect(filed.status).toBe(201);
    caseId = filed.body.id;
    code = filed.body.code;
    expect(filed.body).toMatchObject({
      kind: 'monthly_allowance',
      status: 'submitted',
      communeCode: COMMUNE,
      applicationDate: '2026-01-05',
      eligibility: { categoryCodes: ['nd20-5c'], disabilityLevel: null },
      payment: { channel: 'cash_at_commune', accountNumber: null },
      beneficiary: { fullName: 'Lê Thị Tư', citizenId: '001140012345' },
      version: 1,
    });
    const read = await api(base, `/cases/${caseId}`, officer);
    expect(read.status).toBe(200);
    expect(read.body.steps.map((x: Json) => x.step)).toEqual(['submitted']);
    expect((await api(base, `/cases/${caseId}`, stranger)).status).toBe(404);
    expect((await api(base, '/cases/not-a-uuid', officer)).body.error.field).toBe('case_id');
  });

  it('takes the case through check, appraisal and verification to the decision', async () => {
    const post = (path: string, token: string, body: Json) =>
      api(base, `/cases/${caseId}/${path}`, token, { method: 'POST', body });
    const checked = await post('completeness', officer, { expectedVersion: 1, complete: true });
    expect(checked.status).toBe(200);
    expect(checked.body.status).toBe('checked');
    const stale = await post('appraise', officer, {
      expectedVersion: 1,
      eligibility: { categoryCodes: ['nd20-5c'] },
      proposedMonth: '2026-01',
    });
    expect(stale.status).toBe(409);
    const appraised = await post('appraise', officer, {
      expectedVersion: 2,
      eligibility: { categoryCodes: ['nd20-5c'] },
      proposedMonth: '2026-01',
      opinion: 'Đủ điều kiện',
    });
    expect(appraised.body.status).toBe('appraised');
    const verified = await post('verify', officer, { expectedVersion: 3 });
    expect(verified.body).toMatchObject({ status: 'verified', populationCheck: 'verified' });
    const decision = {
      expectedVersion: 4,
      decisionNumber: '05/QĐ-UBND',
      signedOn: '2026-01-20',
      signer: 'Chủ tịch UBND',
    };
    const byOfficer = await post('approve', officer, decision);
    expect(byOfficer.status).toBe(403);
    const badDay = await post('approve', approver, { ...decision, signedOn: '2026-01-32' });
    expect(badDay.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'signed_on' });
    const approved = await post('approve', approver, decision);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect(approved.body.decisions.map((d: Json) => [d.number, d.kind, d.effectiveMonth])).toEqual([
      ['05/QĐ-UBND', 'approval', '2026-01'],
    ]);
  });

  it('answers the entitlement of each month as integer VND with the explanation', async () => {
    const res = await api(
      base,
      `/cases/${caseId}/entitlements?fromMonth=2025-12&toMonth=2026-02`,
      approver,
    );
    expect(res.status).toBe(200);
    expect(res.body.months.map((m: Json) => [m.month, m.amountVnd, m.state])).toEqual([
      ['2025-12', 0, expect.any(String)],
      ['2026-01', 500000, 'active'],
      ['2026-02', 500000, 'active'],
    ]);
    expect(res.body.months[1]).toMatchObject({
      coefficientHundredths: 100,
      baseLevelVnd: 500000,
      decisionNumber: '05/QĐ-UBND',
    });
    expect(res.body.months[1].explanation).not.toBe('');
    const tooLong = await api(
      base,
      `/cases/${caseId}/entitlements?fromMonth=2016-01&toMonth=2026-02`,
      approver,
    );
    expect(tooLong.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'to_month' });
  });

  it('changes the category back to March and answers the arrears of the past months', async () => {
    const change = await api(base, `/cases/${caseId}/eligibility`, approver, {
      method: 'POST',
      body: {
        expectedVersion: 5,
        eligibility: { categoryCodes: ['nd20-5a'] },
        decision: {
          number: '21/QĐ-UBND',
          signedOn: '2026-06-10',
          signer: 'Chủ tịch UBND',
          effectiveMonth: '2026-03',
          reason: 'Hộ nghèo, không có người phụng dưỡng',
        },
      },
    });
    expect(change.status).toBe(200);
    expect(change.body.case.version).toBe(6);
    expect(
      change.body.arrears.lines.map((l: Json) => [l.month, l.beforeVnd, l.afterVnd, l.deltaVnd]),
    ).toEqual([
      ['2026-03', 500000, 1000000, 500000],
      ['2026-04', 500000, 1000000, 500000],
      ['2026-05', 500000, 1000000, 500000],
    ]);
    expect(change.body.arrears.totalVnd).toBe(1500000);
    const noDecision = await api(base, `/cases/${caseId}/suspend`, approver, {
      method: 'POST',
      body: { expectedVersion: 6, decision: { signedOn: '2026-06-10' } },
    });
    expect(noDecision.body.error.field).toBe('decision.number');
  });

  it('lists cases with filters and keyset paging, refusing a malformed unit', async () => {
    const second = await api(base, '/cases', officer, {
      method: 'POST',
      body: application({ applicationDate: '2026-06-01', requestId: 'second' }),
    });
    expect(second.status).toBe(201);
    const page1 = await api(base, '/cases?pageSize=1', officer);
    expect(page1.body.cases.map((c: Json) => c.code)).toEqual([code]);
    expect(page1.body.cases[0].citizenIdMasked).not.toContain('0011400');
    const token = encodeURIComponent(page1.body.nextPageToken);
    const page2 = await api(base, `/cases?pageSize=1&pageToken=${token}`, officer);
    expect(page2.body.cases.map((c: Json) => c.code)).toEqual([second.body.code]);
    const active = await api(base, `/cases?unitCode=${COMMUNE}&status=active`, approver);
    expect(active.body.cases.map((c: Json) => c.id)).toEqual([caseId]);
    expect((await api(base, '/cases?unitCode=0004', officer)).body.error.field).toBe('unit_code');
    expect((await api(base, '/cases?status=open', officer)).body.error.field).toBe('status');
  });

  it('reads the policy catalogue with its tags and lets a province officer raise its base level', async () => {
    const catalogue = await api(base, '/policy-catalogue?asOf=2026-06-15', stranger);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.baseLevels).toContainEqual(
      expect.objectContaining({ provinceCode: null, amountVnd: 500000, tag: 'C' }),
    );
    expect(catalogue.body.categories.map((c: Json) => c.code)).toContain('nd20-5c');
    const rules = await api(base, '/policy-catalogue/procedure-rules', stranger);
    expect(rules.body.rules).toContainEqual(
      expect.objectContaining({ code: 'nd147-2025', decisionLevel: 'commune' }),
    );
    const raise = {
      provinceCode: '01',
      amountVnd: 600000,
      validFrom: '2027-01-01',
      legalSource: 'Nghị quyết 12/2026/NQ-HĐND',
      tag: 'S',
      reason: 'HĐND thành phố nâng mức chuẩn',
    };
    const refused = await api(base, '/policy-catalogue/base-levels', officer, {
      method: 'POST',
      body: raise,
    });
    expect(refused.status).toBe(403);
    const bad = await api(base, '/policy-catalogue/base-levels', provinceOfficer, {
      method: 'POST',
      body: { ...raise, amountVnd: 600000.5 },
    });
    expect(bad.body.error.field).toBe('amount_vnd');
    const recorded = await api(base, '/policy-catalogue/base-levels', provinceOfficer, {
      method: 'POST',
      body: raise,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.baseLevels).toContainEqual(
      expect.objectContaining({
        provinceCode: '01',
        amountVnd: 600000,
        validFrom: '2027-01-01',
        tag: 'S',
      }),
    );
  });
});
