/**
 * Reconciliation (đối soát) of a province with two communes: the province's figures are the
 * sums of its communes to the đồng, the communes equal their commune-level reconciliation and
 * the province equals its line in the national one; pending results show as exceptions once the
 * month has ended, the unpaid amount is carried over next month, the payrolls' own exceptions
 * and a tampered result amount are listed, never adjusted.
 */
import { status } from '@grpc/grpc-js';
import type { GetReconciliationResponse } from '@posa/proto';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import { unitChildren } from '../src/reconciliation/unit-children';
import { entitlement } from './payroll-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

const PROVINCE = '92'; // Thành phố Cần Thơ
const FIRST = '31135'; // Phường Ninh Kiều
const SECOND = '31120'; // Phường Cái Khế
const MAY = { year: 2026, month: 5 };
const JUNE = { year: 2026, month: 6 };

let h: Harness;
let today = '2026-05-20';
const people: Record<
  string,
  { officer: Record<string, string>; approver: Record<string, string> }
> = {};
let national: Record<string, string>;
let provincial: Record<string, string>;
const payrollOf: Record<string, string> = {};

async function closePayroll(
  commune: string,
  month: { year: number; month: number },
): Promise<string> {
  const { officer, approver } = people[commune]!;
  const gen = await h.payrolls.call(
    'generatePayroll',
    { communeCode: commune, month },
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

async function record(commune: string, citizenId: string, outcome: string, reason = '') {
  const line = await h.app.pool.query<{ id: string }>(
    'SELECT id FROM payroll_line WHERE payroll_id = $1 AND citizen_id = $2',
    [payrollOf[commune], citizenId],
  );
  await h.results.call(
    'recordPaymentResult',
    {
      lineId: line.rows[0]!.id,
      outcome,
      reason,
      paidOn: outcome === 'paid' ? { year: 2026, month: 5, day: 18 } : undefined,
    },
    { metadata: people[commune]!.officer },
  );
}

const reconcile = (
  unitCode: string,
  month = MAY,
  who = provincial,
): Promise<GetReconciliationResponse> =>
  h.results.call('getReconciliation', { unitCode, month }, { metadata: who });

beforeAll(async () => {
  h = await startHarness('reconciliation', { today: () => today });
  for (const c of [FIRST, SECOND]) {
    people[c] = {
      officer: await h.signIn(`officer-${c}`, c, ['officer']),
      approver: await h.signIn(`approver-${c}`, c, ['approver']),
    };
  }
  national = await h.signIn('national', 'VN', ['auditor']);
  provincial = await h.signIn('provincial', PROVINCE, ['analyst']);
  const at = (communeCode: string) => ({
    communeCode,
    provinceCode: PROVINCE,
    fromMonth: '2026-05',
  });
  await applyLedgerBatch(h.app.pool, [
    entitlement({ ...at(FIRST), amountVnd: 750_000, citizenId: '001150010001' }),
    entitlement({ ...at(FIRST), amountVnd: 1_000_000, citizenId: '001150010002' }),
    entitlement({
      ...at(FIRST),
      amountVnd: 1_250_000,
      citizenId: '001150010003',
      channel: 'post_office',
    }),
    entitlement({ ...at(FIRST), amountVnd: 1_500_000, citizenId: '001150010004' }),
    entitlement({
      ...at(FIRST),
      amountVnd: 900_000,
      citizenId: '001150010005',
      channel: 'bank_transfer',
      bankCode: 'NOPE',
      accountNumber: '12',
    }),
    entitlement({ ...at(SECOND), amountVnd: 500_000, citizenId: '001150020001' }),
    entitlement({ ...at(SECOND), amountVnd: 2_000_000, citizenId: '001150020002' }),
  ]);
  for (const c of [FIRST, SECOND]) payrollOf[c] = await closePayroll(c, MAY);
  await record(FIRST, '001150010001', 'paid');
  await record(FIRST, '001150010002', 'unpaid', 'vắng nhà');
  await record(FIRST, '001150010003', 'returned', 'chuyển đi nơi khác');
  // 001150010004 stays pending
  await record(SECOND, '001150020001', 'paid');
  await record(SECOND, '001150020002', 'paid');
});

afterAll(async () => {
  await h?.close();
});

it('adds the communes up to the province to the đồng, each commune and payroll balanced', async () => {
  const province = await reconcile(PROVINCE);
  expect(province.unit).toEqual({
    unitCode: PROVINCE,
    figures: {
      lines: 6,
      plannedVnd: '7000000',
      paidVnd: '3250000',
      unpaidVnd: '1000000',
      returnedVnd: '1250000',
      pendingVnd: '1500000',
      carriedOverVnd: '0',
    },
    communesWithoutPayroll: unitChildren().communesOf(PROVINCE).length - 2,
    payrollsOpen: 0,
    payrollsClosed: 2,
  });
  expect(province.children.map((c) => c.unitCode)).toEqual(unitChildren().communesOf(PROVINCE));
  const sum = (
    k: 'plannedVnd' | 'paidVnd' | 'unpaidVnd' | 'returnedVnd' | 'pendingVnd' | 'carriedOverVnd',
  ) => String(province.children.reduce((s, c) => s + BigInt(c.figures![k]), 0n));
  for (const k of [
    'plannedVnd',
    'paidVnd',
    'unpaidVnd',
    'returnedVnd',
    'pendingVnd',
    'carriedOverVnd',
  ] as const) {
    expect(sum(k)).toBe(province.unit!.figures![k]);
  }
  for (const commune of [FIRST, SECOND]) {
    const own = await reconcile(commune);
    expect(own.children).toEqual([]);
    expect(own.unit).toEqual(province.children.find((c) => c.unitCode === commune));
    const f = own.unit!.figures!;
    expect(
      BigInt(f.paidVnd) + BigInt(f.unpaidVnd) + BigInt(f.returnedVnd) + BigInt(f.pendingVnd),
    ).toBe(BigInt(f.plannedVnd));
  }
  const country = await reconcile('VN', MAY, national);
  expect(country.children).toHaveLength(34);
  expect(country.children.find((c) => c.unitCode === PROVINCE)).toEqual(province.unit);
  expect(country.unit!.figures).toEqual(province.unit!.figures);
  expect(province.exceptions.map((e) => [e.unitCode, e.kind])).toEqual([
    [FIRST, 'invalid_account'],
  ]);
});

it('lists results still missing after the month, carries the unpaid over, and shows tampering', async () => {
  today = '2026-06-03';
  const late = await reconcile(PROVINCE);
  expect(late.exceptions.find((e) => e.kind === 'missing_result')).toMatchObject({
    unitCode: FIRST,
    payrollId: payrollOf[FIRST],
    amountVnd: '1500000',
  });
  await closePayroll(FIRST, JUNE);
  const june = await reconcile(FIRST, JUNE);
  expect(june.unit!.figures).toMatchObject({
    carriedOverVnd: '1000000',
    pendingVnd: june.unit!.figures!.plannedVnd,
  });
  expect(BigInt(june.unit!.figures!.plannedVnd)).toBe(
    750_000n + 2n * 1_000_000n + 1_250_000n + 1_500_000n,
  );

  await h.app.pool.query(
    `UPDATE payment_result SET amount_vnd = amount_vnd - 1
      WHERE line_id = (SELECT id FROM payroll_line WHERE payroll_id = $1 AND citizen_id = '001150020001')`,
    [payrollOf[SECOND]],
  );
  const tampered = await reconcile(PROVINCE);
  expect(tampered.exceptions.find((e) => e.kind === 'result_amount_mismatch')).toMatchObject({
    unitCode: SECOND,
    amountVnd: '-1',
  });
  expect(tampered.unit!.figures).toEqual(late.unit!.figures);
});

it('refuses units outside the jurisdiction and names bad fields', async () => {
  const err = await rejectionOf(reconcile(PROVINCE, MAY, people[SECOND]!.officer));
  expect(err.code).toBe(status.PERMISSION_DENIED);
  const bad = await rejectionOf(reconcile('123', MAY));
  expect([bad.code, bad.message.split(':')[0]]).toEqual([status.INVALID_ARGUMENT, 'unit_code']);
  const month = await rejectionOf(reconcile(PROVINCE, { year: 2026, month: 0 }));
  expect([month.code, month.message.split(':')[0]]).toEqual([status.INVALID_ARGUMENT, 'month']);
});
