/**
 * Payment results of a closed payroll: console entries and their rules, the agent's file with
 * bad rows (rejected, reported), the fixed file (recorded), the same file again (idempotent),
 * valid_rows, the audit and the event, the unpaid amount carried over into next month's payroll
 * by the generation, and corrections bounded by the next payroll's status.
 */
import { status } from '@grpc/grpc-js';
import { PassThrough } from 'node:stream';
import { PaymentResultRecorded, type ImportPaymentResultsRequest } from '@posa/proto';
import { xlsxKeyedRows, xlsxRows, type CellValue } from '@posa/tabular';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import { RESULT_COLUMNS } from '../src/results/result-file';
import { entitlement } from './payroll-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

const PROVINCE = '92'; // Thành phố Cần Thơ
const COMMUNE = '31135'; // Phường Ninh Kiều
const NEIGHBOUR = '31120'; // Phường Cái Khế
const MAY = { year: 2026, month: 5 };
const JUNE = { year: 2026, month: 6 };

let h: Harness;
let today = '2026-05-20';
let officer: Record<string, string>;
let approver: Record<string, string>;
let mayId: string;
const ids = ['001150011111', '001150022222', '001150033333', '001150044444'];
const lineOf: Record<string, { lineId: string; caseCode: string; totalVnd: string }> = {};

async function closedPayroll(month: { year: number; month: number }): Promise<string> {
  const gen = await h.payrolls.call(
    'generatePayroll',
    { communeCode: COMMUNE, month },
    { metadata: officer },
  );
  const id = gen.payroll!.payrollId;
  const approved = await h.payrolls.call(
    'approvePayroll',
    { payrollId: id, expectedVersion: gen.payroll!.version },
    { metadata: approver },
  );
  await h.payrolls.call(
    'closePayroll',
    { payrollId: id, expectedVersion: approved.payroll!.version },
    { metadata: approver },
  );
  return id;
}

async function lines(payrollId: string) {
  const res = await h.payrolls.call(
    'listPayrollLines',
    { payrollId, channel: '', page: { pageSize: 100, pageToken: '' } },
    { metadata: approver },
  );
  return res.lines;
}

function upload(
  payrollId: string,
  bytes: Buffer,
  mode = '',
  who = officer,
): Promise<{
  importId: string;
  status: string;
  rows: number;
  recorded: number;
  invalidRows: number;
  duplicate: boolean;
}> {
  const messages: ImportPaymentResultsRequest[] = [
    { payrollId, fileName: 'ket-qua-thang-5.csv', mode, chunk: bytes.subarray(0, 10) },
    { payrollId: '', fileName: '', mode: '', chunk: bytes.subarray(10) },
  ];
  return h.results.clientStream('importPaymentResults', messages, { metadata: who });
}

const csv = (rows: string[][]) =>
  Buffer.from(
    `\uFEFF${[['case_code', 'citizen_id', 'amount', 'outcome', 'reason', 'paid_on'], ...rows]
      .map((r) => r.join(','))
      .join('\r\n')}\r\n`,
    'utf8',
  );

async function outcomes(payrollId: string): Promise<string[]> {
  return (await lines(payrollId)).map((l) => `${l.caseCode}:${l.outcome}`);
}

beforeAll(async () => {
  h = await startHarness('results', { today: () => today });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  const common = { communeCode: COMMUNE, provinceCode: PROVINCE, fromMonth: '2026-05' };
  await applyLedgerBatch(h.app.pool, [
    entitlement({ ...common, amountVnd: 750_000, citizenId: ids[0] }),
    entitlement({ ...common, amountVnd: 750_000, citizenId: ids[1] }),
    entitlement({ ...common, amountVnd: 1_000_000, citizenId: ids[2], channel: 'post_office' }),
    entitlement({
      ...common,
      amountVnd: 1_500_000,
      citizenId: ids[3],
      channel: 'bank_transfer',
      bankCode: 'VBSP',
      accountNumber: '1234567890',
    }),
  ]);
  mayId = await closedPayroll(MAY);
  const res = await h.app.pool.query<{
    id: string;
    case_code: string;
    citizen_id: string;
    total_vnd: string;
  }>('SELECT id, case_code, citizen_id, total_vnd::text FROM payroll_line WHERE payroll_id = $1', [
    mayId,
  ]);
  for (const r of res.rows) {
    lineOf[r.citizen_id] = { lineId: r.id, caseCode: r.case_code, totalVnd: r.total_vnd };
  }
});

afterAll(async () => {
  await h?.close();
});

it('records one result at the console by the commune officer only, naming bad fields', async () => {
  const a = lineOf[ids[0]!]!;
  const record = (req: object, who = officer) =>
    h.results.call(
      'recordPaymentResult',
      {
        lineId: a.lineId,
        outcome: 'paid',
        reason: '',
        paidOn: { year: 2026, month: 5, day: 15 },
        ...req,
      },
      { metadata: who },
    );
  expect((await rejectionOf(record({}, approver))).code).toBe(status.PERMISSION_DENIED);
  const neighbour = await h.signIn('neighbour', NEIGHBOUR, ['officer']);
  expect((await rejectionOf(record({}, neighbour))).code).toBe(status.NOT_FOUND);
  const bad = async (req: object) => {
    const err = await rejectionOf(record(req));
    return [err.code, err.message.split(':')[0]];
  };
  expect(await bad({ outcome: 'lost' })).toEqual([status.INVALID_ARGUMENT, 'outcome']);
  expect(await bad({ paidOn: { year: 2026, month: 5, day: 21 } })).toEqual([
    status.INVALID_ARGUMENT,
    'paid_on',
  ]);
  expect(await bad({ paidOn: { year: 2026, month: 2, day: 30 } })).toEqual([
    status.INVALID_ARGUMENT,
    'paid_on',
  ]);
  expect(await bad({ outcome: 'unpaid', paidOn: undefined })).toEqual([
    status.INVALID_ARGUMENT,
    'reason',
  ]);
  expect(await bad({ lineId: 'x' })).toEqual([status.INVALID_ARGUMENT, 'line_id']);
  expect(await record({})).toEqual({ lineId: a.lineId, outcome: 'paid' });
  await record({}); // the same result again changes nothing
  const audit = await h.app.pool.query(
    'SELECT outcome, previous_outcome, source FROM payment_result_change WHERE line_id = $1',
    [a.lineId],
  );
  expect(audit.rows).toEqual([{ outcome: 'paid', previous_outcome: 'pending', source: 'console' }]);
  const events = await h.app.pool.query<{ payload: Buffer }>(
    `SELECT payload FROM posa_outbox WHERE event_type = 'com.posa.payments.result-recorded.v1' ORDER BY seq`,
  );
  expect(events.rows).toHaveLength(1);
  expect(PaymentResultRecorded.decode(events.rows[0]!.payload)).toMatchObject({
    payrollId: mayId,
    communeCode: COMMUNE,
    paidLines: 1,
    paidVnd: '750000',
    source: 'console',
  });
});

it('rejects a file with bad rows, reports them, then records the fixed file once', async () => {
  const template = await h.results.call(
    'getResultTemplate',
    { payrollId: mayId },
    { metadata: officer },
  );
  const templateRows = [];
  for await (const r of await xlsxKeyedRows(PassThrough.from(template.content), RESULT_COLUMNS))
    templateRows.push(r);
  expect(templateRows.map((r) => r.cells['citizen_id']).sort()).toEqual([...ids].sort());
  expect(
    templateRows.every((r) => r.cells['outcome'] === undefined || r.cells['outcome'] === ''),
  ).toBe(true);

  const [b, c, d] = [lineOf[ids[1]!]!, lineOf[ids[2]!]!, lineOf[ids[3]!]!];
  const bad = csv([
    [b.caseCode, '001150099999', '750000', 'unpaid', 'vắng nhà', ''],
    [c.caseCode, ids[2]!, '1000001', 'paid', '', '16/05/2026'],
    [d.caseCode, ids[3]!, '1.500.000', 'lost', '', ''],
  ]);
  const rejected = await upload(mayId, bad);
  expect(rejected).toMatchObject({
    status: 'rejected',
    rows: 3,
    recorded: 0,
    invalidRows: 3,
    duplicate: false,
  });
  expect(await outcomes(mayId)).toEqual(
    expect.arrayContaining([`${b.caseCode}:pending`, `${c.caseCode}:pending`]),
  );

  const report = await h.results.call(
    'getResultImportReport',
    { importId: rejected.importId },
    { metadata: officer },
  );
  const sheet: CellValue[][] = [];
  for await (const r of await xlsxRows(PassThrough.from(report.content))) sheet.push(r.values);
  expect(sheet).toContainEqual(['status', 'rejected']);
  // the issues are on the second sheet: read them from the database the report is written from
  const issues = await h.app.pool.query(
    'SELECT row_no, column_key, value, reason FROM result_import_issue WHERE import_id = $1 ORDER BY seq',
    [rejected.importId],
  );
  expect(issues.rows).toEqual([
    {
      row_no: 2,
      column_key: 'citizen_id',
      value: '001150099999',
      reason: "does not match the line's citizen ID",
    },
    {
      row_no: 3,
      column_key: 'amount',
      value: '1000001',
      reason: 'is not the planned total of the line (1000000)',
    },
    { row_no: 4, column_key: 'outcome', value: 'lost', reason: 'must be paid, unpaid or returned' },
  ]);

  const fixed = csv([
    [b.caseCode, ids[1]!, '750000', 'unpaid', 'vắng nhà', ''],
    [c.caseCode, ids[2]!, '1000000', 'paid', '', '16/05/2026'],
    [d.caseCode, ids[3]!, '1.500.000', 'returned', 'tài khoản đã đóng', ''],
  ]);
  const done = await upload(mayId, fixed);
  expect(done).toMatchObject({
    status: 'done',
    rows: 3,
    recorded: 3,
    invalidRows: 0,
    duplicate: false,
  });
  expect((await outcomes(mayId)).sort()).toEqual(
    [
      `${lineOf[ids[0]!]!.caseCode}:paid`,
      `${b.caseCode}:unpaid`,
      `${c.caseCode}:paid`,
      `${d.caseCode}:returned`,
    ].sort(),
  );
  const again = await upload(mayId, fixed);
  expect(again).toEqual({ ...done, duplicate: true });
  const changes = await h.app.pool.query(
    'SELECT count(*)::int AS n FROM payment_result_change WHERE payroll_id = $1',
    [mayId],
  );
  expect(changes.rows[0].n).toBe(4);
  const event = await h.app.pool.query<{ payload: Buffer }>(
    `SELECT payload FROM posa_outbox WHERE event_type = 'com.posa.payments.result-recorded.v1' ORDER BY seq DESC LIMIT 1`,
  );
  expect(PaymentResultRecorded.decode(event.rows[0]!.payload)).toMatchObject({
    paidLines: 1,
    paidVnd: '1000000',
    unpaidLines: 1,
    unpaidVnd: '750000',
    returnedLines: 1,
    returnedVnd: '1500000',
    source: 'import',
  });
});

it('records the valid rows only on request, and refuses an unreadable file whole', async () => {
  const d = lineOf[ids[3]!]!;
  const mixed = csv([
    [d.caseCode, ids[3]!, '1500000', 'returned', 'sai số tài khoản', ''],
    ['TC-KHONG-CO', ids[0]!, '750000', 'paid', '', '15/05/2026'],
  ]);
  const some = await upload(mayId, mixed, 'valid_rows');
  expect(some).toMatchObject({ status: 'done', rows: 2, recorded: 1, invalidRows: 1 });
  const reason = await h.app.pool.query('SELECT reason FROM payment_result WHERE line_id = $1', [
    d.lineId,
  ]);
  expect(reason.rows[0].reason).toBe('sai số tài khoản');
  const unreadable = await upload(mayId, Buffer.from('amount,outcome\n"open,1\n'), 'valid_rows');
  expect(unreadable).toMatchObject({ status: 'rejected', recorded: 0 });
  const bad = await rejectionOf(upload(mayId, mixed, 'sometimes'));
  expect([bad.code, bad.message.split(':')[0]]).toEqual([status.INVALID_ARGUMENT, 'mode']);
});

it('carries the unpaid amount into next month and bounds corrections by the next payroll', async () => {
  const [a, b] = [lineOf[ids[0]!]!, lineOf[ids[1]!]!];
  today = '2026-06-20';
  const gen = await h.payrolls.call(
    'generatePayroll',
    { communeCode: COMMUNE, month: JUNE },
    { metadata: officer },
  );
  const june = await lines(gen.payroll!.payrollId);
  const bJune = june.find((l) => l.caseCode === b.caseCode)!;
  expect(bJune.items.map((i) => [i.forMonth, i.kind, i.amountVnd])).toEqual(
    expect.arrayContaining([
      [MAY, 'carried_over', '750000'],
      [JUNE, 'current', '750000'],
    ]),
  );
  expect(bJune.totalVnd).toBe('1500000');
  expect(june.find((l) => l.caseCode === a.caseCode)!.totalVnd).toBe('750000');

  const approved = await h.payrolls.call(
    'approvePayroll',
    { payrollId: gen.payroll!.payrollId, expectedVersion: gen.payroll!.version },
    { metadata: approver },
  );
  const flip = await rejectionOf(
    h.results.call(
      'recordPaymentResult',
      { lineId: b.lineId, outcome: 'paid', reason: '', paidOn: { year: 2026, month: 6, day: 1 } },
      { metadata: officer },
    ),
  );
  expect([flip.code, flip.message]).toEqual([
    status.FAILED_PRECONDITION,
    expect.stringContaining('2026-06 is approved'),
  ]);
  await h.results.call(
    'recordPaymentResult',
    { lineId: a.lineId, outcome: 'paid', reason: '', paidOn: { year: 2026, month: 5, day: 16 } },
    { metadata: officer },
  );
  await h.payrolls.call(
    'closePayroll',
    { payrollId: gen.payroll!.payrollId, expectedVersion: approved.payroll!.version },
    { metadata: approver },
  );
  const late = await rejectionOf(
    h.results.call(
      'recordPaymentResult',
      { lineId: a.lineId, outcome: 'paid', reason: '', paidOn: { year: 2026, month: 5, day: 17 } },
      { metadata: officer },
    ),
  );
  expect([late.code, late.message]).toEqual([
    status.FAILED_PRECONDITION,
    expect.stringContaining('2026-06 is closed'),
  ]);
});
