/**
 * Payments through the edge's REST API, against the households, cases and payments services in
 * process (real PostgreSQL, real Keycloak tokens; cases feed the payments ledger over the shared
 * in-process bus): a case approved from January is paid in January's payroll, approved and
 * closed by the commune's approver, its files checked against the signed checksum list and the
 * public key, the line recorded unpaid and carried over into February's payroll; refusals come
 * back as { code, field, message } and amounts as integer VND text.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { api, type Json } from './households-harness';
import { activeCase, startPaymentsEdge, type PaymentsEdge } from './payments-harness';

const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội
const OTHER_COMMUNE = '00008';

let s: PaymentsEdge;
let base: string;
let officer: string;
let approver: string;
let stranger: string;
let auditor: string;
let caseCode: string;

beforeAll(async () => {
  s = await startPaymentsEdge('api', () => '2026-03-16');
  base = s.edge.baseUrl;
  const staff = async (name: string, unit: string, roles: string[]) =>
    s.edge.bearer(await s.edge.createStaff(name, unit, roles));
  officer = await staff('officer', COMMUNE, ['officer']);
  approver = await staff('approver', COMMUNE, ['approver']);
  stranger = await staff('stranger', OTHER_COMMUNE, ['officer']);
  auditor = await staff('auditor', '01', ['auditor']);
  const made = await activeCase(
    base,
    { officer, approver },
    COMMUNE,
    { fullName: 'Lê Thị Tư', citizenId: '001140012345', dateOfBirth: '1940-03-14' },
    { fromMonth: '2026-01', signedOn: '2026-01-20', number: '05/QĐ-UBND' },
  );
  caseCode = made.code;
});

afterAll(async () => {
  await s?.close();
});

const post = (path: string, token: string, body: Json) =>
  api(base, path, token, { method: 'POST', body });

/** Generates until the ledger has caught up with the approval (the bus delivers it shortly). */
async function generateWithLine(month: string): Promise<Json> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const res = await post('/payrolls', officer, { communeCode: COMMUNE, month });
    expect(res.status).toBe(200);
    const payroll = res.body.payrolls[0].payroll;
    if (payroll.totals.lines > 0) return payroll;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the ledger never received the approved case');
}

async function download(
  path: string,
  token: string,
): Promise<{ status: number; bytes: Buffer; type: string }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    bytes: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? '',
  };
}

describe('payments API', () => {
  let january: Json;

  it('refuses bad input with the field, and another commune’s officer', async () => {
    const badMonth = await post('/payrolls', officer, { communeCode: COMMUNE, month: '2026-13' });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'month' });
    const badUnit = await post('/payrolls', officer, { communeCode: '001', month: '2026-01' });
    expect(badUnit.body.error.field).toBe('commune_code');
    const elsewhere = await post('/payrolls', stranger, { communeCode: COMMUNE, month: '2026-01' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('generates January’s payroll with the case’s line, amounts as integer VND text', async () => {
    january = await generateWithLine('2026-01');
    expect(january).toMatchObject({
      communeCode: COMMUNE,
      month: '2026-01',
      status: 'draft',
      totals: { lines: 1, currentVnd: '500000', totalVnd: '500000' },
    });
    const lines = await api(base, `/payrolls/${january.id}/lines`, officer);
    expect(lines.status).toBe(200);
    expect(lines.body.lines).toHaveLength(1);
    const line = lines.body.lines[0];
    expect(line).toMatchObject({
      caseCode,
      channel: 'cash_at_commune',
      totalVnd: '500000',
      outcome: 'pending',
      items: [{ forMonth: '2026-01', kind: 'current', amountVnd: '500000' }],
    });
    expect(line.citizenId).not.toBe('001140012345');
    const listed = await api(base, `/payrolls?unitCode=01&month=2026-01`, auditor);
    expect(listed.body.payrolls.map((p: Json) => p.id)).toEqual([january.id]);
    expect((await api(base, `/payrolls/${january.id}`, stranger)).status).toBe(404);
  });

  it('lets only the commune’s approver approve and close, with the version read', async () => {
    const byOfficer = await post(`/payrolls/${january.id}/approve`, officer, {
      expectedVersion: january.version,
    });
    expect(byOfficer.status).toBe(403);
    const noVersion = await post(`/payrolls/${january.id}/approve`, approver, {});
    expect(noVersion.body.error.field).toBe('expected_version');
    const stale = await post(`/payrolls/${january.id}/approve`, approver, {
      expectedVersion: january.version + 5,
    });
    expect(stale.status).toBe(409);
    const approved = await post(`/payrolls/${january.id}/approve`, approver, {
      expectedVersion: january.version,
    });
    expect([approved.status, approved.body.error?.message]).toEqual([200, undefined]);
    expect(approved.body.status).toBe('approved');
    const again = await post('/payrolls', officer, { communeCode: COMMUNE, month: '2026-01' });
    expect(again.body.payrolls[0]).toMatchObject({ regenerated: false });
    const closed = await post(`/payrolls/${january.id}/close`, approver, {
      expectedVersion: approved.body.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    january = closed.body;
  });

  it('serves the payment files, listed in a checksum file signed with the public key', async () => {
    const listed = await api(base, `/payrolls/${january.id}/files`, approver);
    expect(listed.status).toBe(200);
    const files: Json[] = listed.body.files;
    const csv = files.find((f) => f.format === 'csv' && f.channel === 'cash_at_commune');
    const sums = files.find((f) => f.format === 'checksums');
    const sig = files.find((f) => f.format === 'signature');
    expect(csv).toMatchObject({ lines: 1, totalVnd: '500000' });
    const csvFile = await download(`/payrolls/${january.id}/files/${csv?.fileName}`, approver);
    expect(csvFile.status).toBe(200);
    expect(csvFile.type).toContain('text/csv');
    expect(createHash('sha256').update(csvFile.bytes).digest('hex')).toBe(csv?.sha256);
    const sumsFile = await download(`/payrolls/${january.id}/files/${sums?.fileName}`, approver);
    expect(sumsFile.bytes.toString('utf8')).toContain(`${csv?.sha256}`);
    const sigFile = await download(`/payrolls/${january.id}/files/${sig?.fileName}`, approver);
    const key = await api(base, '/payment-signing-key', auditor);
    expect(key.body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const publicKey = createPublicKey(key.body.publicKeyPem);
    expect(verify(null, sumsFile.bytes, publicKey, sigFile.bytes)).toBe(true);
    const tampered = Buffer.concat([sumsFile.bytes, Buffer.from(' ')]);
    expect(verify(null, tampered, publicKey, sigFile.bytes)).toBe(false);
    const badName = await api(base, `/payrolls/${january.id}/files/..%2Fsecret`, approver);
    expect(badName.status).toBe(400);
  });

  it('records the line unpaid with a reason and carries it into February', async () => {
    const lines = await api(base, `/payrolls/${january.id}/lines`, officer);
    const lineId: string = lines.body.lines[0].id;
    const noReason = await post(`/payroll-lines/${lineId}/result`, officer, { outcome: 'unpaid' });
    expect(noReason.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'reason' });
    const byApprover = await post(`/payroll-lines/${lineId}/result`, approver, {
      outcome: 'unpaid',
      reason: 'không liên lạc được',
    });
    expect(byApprover.status).toBe(403);
    const recorded = await post(`/payroll-lines/${lineId}/result`, officer, {
      outcome: 'unpaid',
      reason: 'không liên lạc được',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ lineId, outcome: 'unpaid' });
    const february = await generateWithLine('2026-02');
    expect(february.totals).toMatchObject({
      lines: 1,
      currentVnd: '500000',
      carriedOverVnd: '500000',
      totalVnd: '1000000',
    });
    const febLines = await api(base, `/payrolls/${february.id}/lines`, officer);
    expect(
      febLines.body.lines[0].items.map((i: Json) => [i.forMonth, i.kind, i.amountVnd]).sort(),
    ).toEqual([
      ['2026-01', 'carried_over', '500000'],
      ['2026-02', 'current', '500000'],
    ]);
  });

  it('reconciles January for the province with the commune as a child', async () => {
    const res = await api(base, '/reconciliation?unitCode=01&month=2026-01', auditor);
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({
      unitCode: '01',
      figures: { plannedVnd: '500000', unpaidVnd: '500000', paidVnd: '0' },
    });
    expect(res.body.children.find((c: Json) => c.unitCode === COMMUNE)).toMatchObject({
      payrollsClosed: 1,
    });
    const badMonth = await api(base, '/reconciliation?unitCode=01&month=01-2026', auditor);
    expect(badMonth.body.error.field).toBe('month');
  });
});
