/**
 * Who may generate, approve, close and read payrolls, and what bad requests are told: commune
 * officers generate their commune, a province officer the whole province, the commune approver
 * approves and closes, readers above see within their jurisdiction only, and lists mask
 * citizen IDs to the last 4 digits. The ledger is loaded with the bulk path (applyLedgerBatch).
 */
import { status } from '@grpc/grpc-js';
import { PayrollStatus } from '@posa/proto';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import { entitlement } from './payroll-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

const PROVINCE = '92'; // Thành phố Cần Thơ
const COMMUNE = '31135'; // Phường Ninh Kiều
const NEIGHBOUR = '31120'; // Phường Cái Khế
const ELSEWHERE = '00004'; // Phường Ba Đình, Hà Nội
const MAY = { year: 2026, month: 5 };

let h: Harness;
let officer: Record<string, string>;
let approver: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('payroll_access', { today: () => '2026-05-20' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  const common = { provinceCode: PROVINCE, fromMonth: '2026-05', amountVnd: 750_000 };
  await applyLedgerBatch(h.app.pool, [
    entitlement({ ...common, communeCode: COMMUNE, citizenId: '001150012345' }),
    entitlement({ ...common, communeCode: COMMUNE, channel: 'post_office' }),
    entitlement({ ...common, communeCode: NEIGHBOUR }),
    entitlement({ ...common, communeCode: ELSEWHERE, provinceCode: '01' }),
  ]);
});

afterAll(async () => {
  await h?.close();
});

it('lets only the commune officer generate, and names bad fields', async () => {
  const neighbour = await h.signIn('neighbour', NEIGHBOUR, ['officer']);
  const denied = await rejectionOf(
    h.payrolls.call(
      'generatePayroll',
      { communeCode: COMMUNE, month: MAY },
      { metadata: neighbour },
    ),
  );
  expect(denied.code).toBe(status.PERMISSION_DENIED);
  const byApprover = await rejectionOf(
    h.payrolls.call(
      'generatePayroll',
      { communeCode: COMMUNE, month: MAY },
      { metadata: approver },
    ),
  );
  expect(byApprover.code).toBe(status.PERMISSION_DENIED);
  const badCommune = await rejectionOf(
    h.payrolls.call('generatePayroll', { communeCode: '99999', month: MAY }, { metadata: officer }),
  );
  expect([badCommune.code, badCommune.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('commune_code'),
  ]);
  const badMonth = await rejectionOf(
    h.payrolls.call(
      'generatePayroll',
      { communeCode: COMMUNE, month: { year: 2026, month: 13 } },
      { metadata: officer },
    ),
  );
  expect([badMonth.code, badMonth.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('month.month'),
  ]);
  const future = await rejectionOf(
    h.payrolls.call(
      'generatePayroll',
      { communeCode: COMMUNE, month: { year: 2026, month: 6 } },
      { metadata: officer },
    ),
  );
  expect(future.code).toBe(status.INVALID_ARGUMENT);

  const res = await h.payrolls.call(
    'generatePayroll',
    { communeCode: COMMUNE, month: MAY },
    { metadata: officer },
  );
  expect(res.payroll!.totals!.lines).toBe(2);
  expect(res.payroll!.totals!.totalVnd).toBe('1500000');
});

it('lets a province officer generate the province commune by commune, not a commune officer', async () => {
  const denied = await rejectionOf(
    h.payrolls.call('generatePayrolls', { unitCode: PROVINCE, month: MAY }, { metadata: officer }),
  );
  expect(denied.code).toBe(status.PERMISSION_DENIED);
  const notProvince = await rejectionOf(
    h.payrolls.call('generatePayrolls', { unitCode: COMMUNE, month: MAY }, { metadata: officer }),
  );
  expect([notProvince.code, notProvince.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('unit_code'),
  ]);
  const province = await h.signIn('province', PROVINCE, ['officer']);
  const res = await h.payrolls.call(
    'generatePayrolls',
    { unitCode: PROVINCE, month: MAY },
    { metadata: province },
  );
  expect(res.payrolls.map((p) => [p.communeCode, p.totals!.lines])).toEqual([
    [NEIGHBOUR, 1],
    [COMMUNE, 2],
  ]);
  expect(res.regenerated).toBe(2);
  expect(res.skipped).toEqual([]);
});

it('reads within the jurisdiction only, and masks citizen IDs', async () => {
  const [payroll] = (
    await h.payrolls.call('listPayrolls', { unitCode: COMMUNE, status: 0 }, { metadata: officer })
  ).payrolls;
  const analyst = await h.signIn('analyst', PROVINCE, ['analyst']);
  const outsider = await h.signIn('outsider', '01', ['analyst']);
  const read = await h.payrolls.call(
    'getPayroll',
    { payrollId: payroll!.payrollId },
    { metadata: analyst },
  );
  expect(read.payroll!.communeCode).toBe(COMMUNE);
  const hidden = await rejectionOf(
    h.payrolls.call('getPayroll', { payrollId: payroll!.payrollId }, { metadata: outsider }),
  );
  expect(hidden.code).toBe(status.NOT_FOUND);
  const outOfReach = await rejectionOf(
    h.payrolls.call('listPayrolls', { unitCode: PROVINCE, status: 0 }, { metadata: outsider }),
  );
  expect(outOfReach.code).toBe(status.PERMISSION_DENIED);

  const province = await h.payrolls.call(
    'listPayrolls',
    {
      unitCode: PROVINCE,
      month: MAY,
      status: PayrollStatus.PAYROLL_STATUS_DRAFT,
      page: { pageSize: 1, pageToken: '' },
    },
    { metadata: analyst },
  );
  expect(province.payrolls.map((p) => p.communeCode)).toEqual([NEIGHBOUR]);
  const next = await h.payrolls.call(
    'listPayrolls',
    {
      unitCode: PROVINCE,
      month: MAY,
      status: PayrollStatus.PAYROLL_STATUS_DRAFT,
      page: { pageSize: 1, pageToken: province.page!.nextPageToken },
    },
    { metadata: analyst },
  );
  expect(next.payrolls.map((p) => p.communeCode)).toEqual([COMMUNE]);
  const wrongToken = await rejectionOf(
    h.payrolls.call(
      'listPayrolls',
      {
        unitCode: PROVINCE,
        status: 0,
        page: { pageSize: 1, pageToken: province.page!.nextPageToken },
      },
      { metadata: analyst },
    ),
  );
  expect([wrongToken.code, wrongToken.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('page.page_token'),
  ]);

  const lines = await h.payrolls.call(
    'listPayrollLines',
    { payrollId: payroll!.payrollId, channel: '' },
    { metadata: analyst },
  );
  expect(lines.lines).toHaveLength(2);
  expect(lines.lines.map((l) => l.citizenId)).toContain('********2345');
  for (const line of lines.lines) expect(line.citizenId).toMatch(/^\*{8}[0-9]{4}$/);
  const post = await h.payrolls.call(
    'listPayrollLines',
    { payrollId: payroll!.payrollId, channel: 'post_office' },
    { metadata: analyst },
  );
  expect(post.lines.map((l) => l.channel)).toEqual(['post_office']);
  const badChannel = await rejectionOf(
    h.payrolls.call(
      'listPayrollLines',
      { payrollId: payroll!.payrollId, channel: 'pigeon' },
      { metadata: analyst },
    ),
  );
  expect([badChannel.code, badChannel.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('channel'),
  ]);
});

it('lets only the commune approver approve and close, at the expected version', async () => {
  const [payroll] = (
    await h.payrolls.call('listPayrolls', { unitCode: COMMUNE, status: 0 }, { metadata: officer })
  ).payrolls;
  const id = payroll!.payrollId;
  const byOfficer = await rejectionOf(
    h.payrolls.call(
      'approvePayroll',
      { payrollId: id, expectedVersion: payroll!.version },
      { metadata: officer },
    ),
  );
  expect(byOfficer.code).toBe(status.PERMISSION_DENIED);
  const noVersion = await rejectionOf(
    h.payrolls.call(
      'approvePayroll',
      { payrollId: id, expectedVersion: 0 },
      { metadata: approver },
    ),
  );
  expect([noVersion.code, noVersion.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('expected_version'),
  ]);
  const stale = await rejectionOf(
    h.payrolls.call(
      'approvePayroll',
      { payrollId: id, expectedVersion: payroll!.version + 1 },
      { metadata: approver },
    ),
  );
  expect(stale.code).toBe(status.ABORTED);
  const notApproved = await rejectionOf(
    h.payrolls.call(
      'closePayroll',
      { payrollId: id, expectedVersion: payroll!.version },
      { metadata: approver },
    ),
  );
  expect(notApproved.code).toBe(status.FAILED_PRECONDITION);
  const approved = await h.payrolls.call(
    'approvePayroll',
    { payrollId: id, expectedVersion: payroll!.version },
    { metadata: approver },
  );
  expect(approved.payroll!.status).toBe(PayrollStatus.PAYROLL_STATUS_APPROVED);
  const closed = await h.payrolls.call(
    'closePayroll',
    { payrollId: id, expectedVersion: approved.payroll!.version },
    { metadata: approver },
  );
  expect(closed.payroll!.status).toBe(PayrollStatus.PAYROLL_STATUS_CLOSED);
  const badId = await rejectionOf(
    h.payrolls.call('getPayroll', { payrollId: 'nope' }, { metadata: approver }),
  );
  expect([badId.code, badId.message]).toEqual([
    status.INVALID_ARGUMENT,
    expect.stringContaining('payroll_id'),
  ]);
});
