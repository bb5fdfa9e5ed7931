/**
 * The done-when path of payrolls for one commune, fed by the real cases service through real
 * Kafka (cases with EVENTS_TRANSPORT=kafka; the payments ledger consumer on Kafka). Three cases
 * approved in February are paid by a February payroll that regenerates to identical lines, is
 * approved and closed, and then never changes. Two lines come back unpaid and are carried over
 * into March. A retroactive decision signed in April raises March, which April pays as arrears
 * (truy lĩnh); a death recorded after April's draft makes the draft stale until regenerated, and
 * the deceased's unpaid month becomes an exception. Concurrent generations of May yield one payroll.
 */
import { status } from '@grpc/grpc-js';
import { DisabilityLevel, PaymentChannel, PayrollStatus } from '@posa/proto';
import { getKafkaBrokers } from '@posa/testing';
import { approvedCase, registerHousehold } from '../../cases/test/case-fixtures';
import { startHarness as startCases, type Harness as CasesHarness } from '../../cases/test/harness';
import type { LedgerConsumer } from '../src/ledger/ledger-consumer';
import { rejectionOf, startHarness, type Harness } from './harness';
import { decision, itemsOf, LedgerFeed, member, until } from './payroll-fixtures';
import { CommuneSteps } from './payroll-steps';

const COMMUNE = '31135'; // Phường Ninh Kiều, Thành phố Cần Thơ
let today = '2026-02-27';
let cases: CasesHarness;
let h: Harness;
let feed: LedgerConsumer;
let officer: Record<string, string>;
let approver: Record<string, string>;
let steps: CommuneSteps;

beforeAll(async () => {
  const env = { EVENTS_TRANSPORT: 'kafka', KAFKA_BROKERS: (await getKafkaBrokers()).join(',') };
  const start = await LedgerFeed.atTopicEnd();
  cases = await startCases('payroll', { today: () => today, env });
  // The ledger follows the topic through a consumer group of this test, started at the
  // topic's end (the shared `payments` group would also bring cases of earlier runs).
  h = await startHarness('payroll', { today: () => today });
  feed = await start.start(h.app.pool, 'payroll');
  officer = await cases.signIn('officer', COMMUNE, ['officer']);
  approver = await cases.signIn('approver', COMMUNE, ['approver']);
  steps = new CommuneSteps(h, COMMUNE, officer, approver);
});

afterAll(async () => {
  await feed?.stop();
  await h?.close();
  await cases?.close();
});

it('pays, carries over, pays arrears, refuses stale approvals and never changes a closed month', async () => {
  // February: three beneficiaries paid by bank transfer, in cash and at the post office.
  const regs = [
    await registerHousehold(cases, officer, [member('Nguyễn Thị Ba', '210001')], COMMUNE),
    await registerHousehold(cases, officer, [member('Lê Thị Bốn', '210002')], COMMUNE),
    await registerHousehold(cases, officer, [member('Phạm Thị Năm', '210003')], COMMUNE),
  ];
  const channels = [
    {
      channel: PaymentChannel.PAYMENT_CHANNEL_BANK_TRANSFER,
      bankCode: 'VBSP',
      accountNumber: '1234567890',
    },
    { channel: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE, bankCode: '', accountNumber: '' },
    { channel: PaymentChannel.PAYMENT_CHANNEL_POST_OFFICE, bankCode: '', accountNumber: '' },
  ];
  const [a, b, c] = await Promise.all(
    regs.map((reg, i) =>
      approvedCase(
        cases,
        officer,
        approver,
        reg,
        { decisionNumber: `${i + 1}/QĐ-UBND`, signedOn: { year: 2026, month: 2, day: 18 } },
        { payment: channels[i], applicationDate: { year: 2026, month: 2, day: 2 } },
      ),
    ),
  );
  for (const x of [a!, b!, c!]) {
    await until('approval in the ledger', async () => (await steps.sequenceOf(x.caseId)) === 1);
  }

  const feb = (await steps.generate(2)).payroll!;
  expect([feb.status, feb.generation, feb.totals]).toEqual([
    PayrollStatus.PAYROLL_STATUS_DRAFT,
    1,
    {
      lines: 3,
      currentVnd: '2250000',
      arrearsVnd: '0',
      recoveryVnd: '0',
      carriedOverVnd: '0',
      totalVnd: '2250000',
    },
  ]);
  expect(feb.channels.map((ch) => [ch.channel, ch.totals!.lines, ch.totals!.totalVnd])).toEqual([
    ['bank_transfer', 1, '750000'],
    ['cash_at_commune', 1, '750000'],
    ['post_office', 1, '750000'],
  ]);
  const first = await steps.linesOf(feb.payrollId);
  const again = await steps.generate(2);
  expect([again.regenerated, again.payroll!.generation, again.payroll!.payrollId]).toEqual([
    true,
    2,
    feb.payrollId,
  ]);
  expect(await steps.linesOf(feb.payrollId)).toEqual(first);
  const closed = await steps.approveAndClose(feb.payrollId, again.payroll!.version);
  expect(closed.payroll!.status).toBe(PayrollStatus.PAYROLL_STATUS_CLOSED);

  // Closed is final: not regenerated, and SQL refuses any change to its lines and items.
  const unchanged = await steps.generate(2);
  expect([unchanged.regenerated, unchanged.payroll!.generation]).toEqual([false, 2]);
  const lineOf = (lines: typeof first, caseId: string) => lines.find((l) => l.caseId === caseId)!;
  await expect(
    h.app.pool.query('UPDATE payroll_line SET total_vnd = 1 WHERE id = $1', [
      lineOf(first, b!.caseId).lineId,
    ]),
  ).rejects.toThrow(/no longer a draft/);
  await expect(
    h.app.pool.query('DELETE FROM payroll_item WHERE payroll_id = $1', [feb.payrollId]),
  ).rejects.toThrow(/no longer a draft/);

  // A was paid; B's and C's money did not reach them (chưa chi trả).
  await steps.record(lineOf(first, a!.caseId).lineId, 'paid', '2026-02-25');
  await steps.record(lineOf(first, b!.caseId).lineId, 'unpaid');
  await steps.record(lineOf(first, c!.caseId).lineId, 'unpaid');

  // March: the unpaid February amounts are carried over.
  today = '2026-03-27';
  const mar = (await steps.generate(3)).payroll!;
  expect(mar.totals).toEqual({
    lines: 3,
    currentVnd: '2250000',
    arrearsVnd: '0',
    recoveryVnd: '0',
    carriedOverVnd: '1500000',
    totalVnd: '3750000',
  });
  const marLines = await steps.linesOf(mar.payrollId);
  expect(itemsOf(marLines)).toEqual({
    [a!.caseCode]: [['2026-3', 'current', 750_000]],
    [b!.caseCode]: [
      ['2026-2', 'carried_over', 750_000],
      ['2026-3', 'current', 750_000],
    ],
    [c!.caseCode]: [
      ['2026-2', 'carried_over', 750_000],
      ['2026-3', 'current', 750_000],
    ],
  });
  await steps.approveAndClose(mar.payrollId, mar.version);
  await steps.record(lineOf(marLines, c!.caseId).lineId, 'unpaid');

  // April: A's March is raised retroactively (signed 10 April, effective March).
  today = '2026-04-20';
  await cases.variations.call(
    'changeEligibility',
    {
      caseId: a!.caseId,
      expectedVersion: a!.version,
      eligibility: {
        categoryCodes: ['nd20-6'],
        disabilityLevel: DisabilityLevel.DISABILITY_LEVEL_EXTREMELY_SEVERE,
        careSupportTypeCode: '',
      },
      decision: decision('57/QĐ-UBND', '2026-04-10', '2026-03'),
    },
    { metadata: approver },
  );
  await until('the change in the ledger', async () => (await steps.sequenceOf(a!.caseId)) === 2);
  const draft = (await steps.generate(4)).payroll!;
  expect(draft.totals!.lines).toBe(3);

  // C dies; the termination (effective April) reaches the ledger after the draft: stale.
  await cases.variations.call(
    'terminateCase',
    {
      caseId: c!.caseId,
      expectedVersion: c!.version,
      ground: 'deceased',
      decision: decision('61/QĐ-UBND', '2026-04-12', '2026-04'),
    },
    { metadata: approver },
  );
  await until('the death in the ledger', async () => {
    const res = await h.app.pool.query(
      'SELECT 1 FROM ledger_case WHERE case_id = $1 AND death_month IS NOT NULL',
      [c!.caseId],
    );
    return res.rowCount === 1;
  });
  const stale = await rejectionOf(
    h.payrolls.call(
      'approvePayroll',
      { payrollId: draft.payrollId, expectedVersion: draft.version },
      { metadata: approver },
    ),
  );
  expect([stale.code, stale.message]).toEqual([
    status.FAILED_PRECONDITION,
    expect.stringContaining('regenerate first'),
  ]);

  const apr = (await steps.generate(4)).payroll!;
  expect(apr.totals).toEqual({
    lines: 2,
    currentVnd: '2000000',
    arrearsVnd: '500000',
    recoveryVnd: '0',
    carriedOverVnd: '0',
    totalVnd: '2500000',
  });
  expect(itemsOf(await steps.linesOf(apr.payrollId))).toEqual({
    [a!.caseCode]: [
      ['2026-3', 'arrears', 500_000],
      ['2026-4', 'current', 1_250_000],
    ],
    [b!.caseCode]: [['2026-4', 'current', 750_000]],
  });
  expect(apr.exceptions.map((e) => [e.caseCode, e.kind, e.amountVnd])).toEqual([
    // C's March line (February carried over and March) was unpaid: both months are owed.
    [c!.caseCode, 'deceased_unsettled', '1500000'],
  ]);
  await steps.approveAndClose(apr.payrollId, apr.version);

  // May: four generations at once yield one payroll, generated four times.
  today = '2026-05-20';
  const results = await Promise.all([1, 2, 3, 4].map(() => steps.generate(5)));
  expect(new Set(results.map((r) => r.payroll!.payrollId)).size).toBe(1);
  expect(results.map((r) => r.payroll!.generation).sort()).toEqual([1, 2, 3, 4]);
  const may = await h.app.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM payroll WHERE commune_code = $1 AND month = '2026-05-01'",
    [COMMUNE],
  );
  expect(may.rows[0]!.n).toBe(1);
  expect(itemsOf(await steps.linesOf(results[0]!.payroll!.payrollId))).toEqual({
    [a!.caseCode]: [['2026-5', 'current', 1_250_000]],
    [b!.caseCode]: [['2026-5', 'current', 750_000]],
  });

  // Every (re)generation and status change went to the outbox, without personal data.
  const events = await h.app.pool.query<{ event_type: string; n: number }>(
    `SELECT event_type, count(*)::int AS n FROM posa_outbox
      WHERE event_type LIKE 'com.posa.payments.payroll-%' GROUP BY event_type ORDER BY event_type`,
  );
  expect(events.rows).toEqual([
    { event_type: 'com.posa.payments.payroll-approved.v1', n: 3 },
    { event_type: 'com.posa.payments.payroll-closed.v1', n: 3 },
    { event_type: 'com.posa.payments.payroll-generated.v1', n: 2 + 1 + 2 + 4 },
  ]);
  const payloads = await h.app.pool.query<{ payload: Buffer }>(
    "SELECT payload FROM posa_outbox WHERE topic = 'posa.payments.events.v1'",
  );
  for (const p of payloads.rows) expect(p.payload.toString('latin1')).not.toContain('092150210');
});
