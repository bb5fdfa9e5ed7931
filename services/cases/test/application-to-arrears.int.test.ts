/**
 * The whole path through the real services: a commune officer files an application for
 * a registered household member, the commune approver decides, the case runs with the right
 * amount from the right month, and a later decision changes the category retroactively: the
 * arrears (truy lĩnh) are returned, kept with the decision, and sent to payments in an
 * EntitlementChanged event.
 */
import { DisabilityLevel, EntitlementChanged, type MonthlyEntitlement } from '@posa/proto';
import { approvedCase, COMMUNE, elderly, registerHousehold } from './case-fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
let officer: Record<string, string>;
let approver: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('arrears', { today: () => '2026-06-15' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
});

afterAll(async () => {
  await h?.close();
});

const amounts = (months: MonthlyEntitlement[]): [string, number, string][] =>
  months.map((m) => [
    `${m.month!.year}-${String(m.month!.month).padStart(2, '0')}`,
    Number(m.amountVnd),
    m.state,
  ]);

it('files, approves and pays from the signing month, then a retroactive change yields arrears', async () => {
  const reg = await registerHousehold(h, officer, [elderly]);
  // Filed 2 March 2026, approved 18 March: the allowance runs from March (Decree 147/2025).
  const approved = await approvedCase(h, officer, approver, reg);
  expect(approved.status).toBe(6); // CASE_STATUS_ACTIVE

  const before = await h.cases.call(
    'getEntitlements',
    {
      caseId: approved.caseId,
      fromMonth: { year: 2026, month: 2 },
      toMonth: { year: 2026, month: 6 },
    },
    { metadata: officer },
  );
  // Born 1950, group 5a (người cao tuổi thuộc hộ nghèo): 500,000 × 1.5.
  expect(amounts(before.months)).toEqual([
    ['2026-02', 0, 'before_start'],
    ['2026-03', 750_000, 'active'],
    ['2026-04', 750_000, 'active'],
    ['2026-05', 750_000, 'active'],
    ['2026-06', 750_000, 'active'],
  ]);

  // Signed 10 June, effective from April: an extremely severe disability (group 6, elderly: 2.5).
  const varied = await h.variations.call(
    'changeEligibility',
    {
      caseId: approved.caseId,
      expectedVersion: approved.version,
      eligibility: {
        categoryCodes: ['nd20-6'],
        disabilityLevel: DisabilityLevel.DISABILITY_LEVEL_EXTREMELY_SEVERE,
        careSupportTypeCode: '',
      },
      decision: {
        number: '57/QĐ-UBND',
        signedOn: { year: 2026, month: 6, day: 10 },
        signer: 'Chủ tịch UBND phường',
        effectiveMonth: { year: 2026, month: 4 },
        reason: 'Giám định khuyết tật đặc biệt nặng',
      },
    },
    { metadata: approver },
  );
  // April and May were already due at 750,000; they are now owed at 1,250,000.
  expect(
    varied.arrears.map((l) => [l.month!.month, Number(l.beforeVnd), Number(l.afterVnd)]),
  ).toEqual([
    [4, 750_000, 1_250_000],
    [5, 750_000, 1_250_000],
  ]);
  expect(Number(varied.arrearsTotalVnd)).toBe(1_000_000);

  const after = await h.cases.call(
    'getEntitlements',
    {
      caseId: approved.caseId,
      fromMonth: { year: 2026, month: 3 },
      toMonth: { year: 2026, month: 6 },
    },
    { metadata: officer },
  );
  expect(amounts(after.months).map(([m, vnd]) => [m, vnd])).toEqual([
    ['2026-03', 750_000],
    ['2026-04', 1_250_000],
    ['2026-05', 1_250_000],
    ['2026-06', 1_250_000],
  ]);
  expect(after.months[1]!.explanation).toContain('57/QĐ-UBND');

  const read = (await h.cases.call('getCase', { caseId: approved.caseId }, { metadata: officer }))
    .case!;
  expect(read.decisions.map((d) => d.kind)).toEqual(['approval', 'category_change']);

  // Payments learns the new amounts from April on, with the month the decision was signed.
  const events = await h.app.pool.query<{ payload: Buffer }>(
    `SELECT payload FROM posa_outbox
      WHERE aggregate_id = $1 AND event_type = 'com.posa.cases.entitlement-changed.v1'
      ORDER BY seq`,
    [approved.caseId],
  );
  expect(events.rows).toHaveLength(2);
  const changed = EntitlementChanged.decode(events.rows[1]!.payload);
  expect(changed.sequence).toBe('2');
  expect(changed.fromMonth).toEqual({ year: 2026, month: 4 });
  expect(changed.decidedInMonth).toEqual({ year: 2026, month: 6 });
  expect(Number(changed.segments[0]!.amountVnd)).toBe(1_250_000);
});
