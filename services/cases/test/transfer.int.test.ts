/**
 * A transfer between communes of two provinces (chuyển đi / chuyển đến): the old commune's
 * approver stops payment from a month, the destination commune's approver accepts with the
 * person's household in its own registry (read from the real households service), both cases
 * keep their history, and the database refuses a second period over the same month.
 */
import { status } from '@grpc/grpc-js';
import { Area, Sex, type DecisionInput } from '@posa/proto';
import { startHarness, rejectionOf, type Harness } from './harness';
import { writeCase } from './month-entitlement-fixtures';

const OLD_COMMUNE = '00004'; // Phường Ba Đình, Hà Nội (01)
const NEW_COMMUNE = '25747'; // Phường Thủ Dầu Một, Hồ Chí Minh (79)
const CITIZEN_ID = '001140000021';
let h: Harness;

beforeAll(async () => {
  h = await startHarness('transfer', { today: () => '2026-06-20' });
});

afterAll(async () => {
  await h?.close();
});

function decision(number: string, signedOn: string, month: string): DecisionInput {
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  const [ey, em] = month.split('-').map(Number) as [number, number];
  return {
    number,
    signedOn: { year: y, month: m, day: d },
    signer: 'Chủ tịch UBND',
    effectiveMonth: { year: ey, month: em },
    reason: 'Chuyển nơi cư trú',
  };
}

const monthOf = (m: { year: number; month: number } | undefined): string | null =>
  m === undefined ? null : `${m.year}-${String(m.month).padStart(2, '0')}`;

it('moves the allowance to the destination commune with both histories kept', async () => {
  const oldApprover = await h.signIn('old-approver', OLD_COMMUNE, ['approver']);
  const newApprover = await h.signIn('new-approver', NEW_COMMUNE, ['approver']);
  const newOfficer = await h.signIn('new-officer', NEW_COMMUNE, ['officer']);
  const { caseId: oldId } = await writeCase(h.app.pool, {
    code: 'TC-00004-2026-910001',
    communeCode: OLD_COMMUNE,
    provinceCode: '01',
    citizenId: CITIZEN_ID,
    birthYear: 1940,
    birthMonth: 5,
    birthDay: 3,
    periods: [{ from: '2026-01', to: null, categoryCodes: ['nd20-5c'] }],
  });
  const created = await h.households.call(
    'createHousehold',
    {
      communeCode: NEW_COMMUNE,
      villageCode: 'KP-01',
      streetAddress: '5 Đường Yersin',
      area: Area.AREA_URBAN,
      members: [
        {
          fullName: 'Trần Thị Lan',
          dateOfBirth: { year: 1940, month: 5, day: 3 },
          sex: Sex.SEX_FEMALE,
          ethnicGroupCode: '01',
          citizenId: CITIZEN_ID,
          relation: 'head',
        },
      ],
      reason: 'chuyển đến',
    },
    { metadata: newOfficer },
  );
  const household = created.household!;
  const member = household.members[0]!;

  const out = await h.variations.call(
    'transferCase',
    {
      caseId: oldId,
      expectedVersion: 1,
      destinationCommuneCode: NEW_COMMUNE,
      decision: decision('51/QĐ-UBND', '2026-06-15', '2026-07'),
    },
    { metadata: oldApprover },
  );
  expect(out.case?.status).toBe(10); // CASE_STATUS_TRANSFERRED
  expect(out.case!.periods.map((p) => monthOf(p.toMonth))).toEqual(['2026-06']);

  const accept = (metadata: Record<string, string>, month: string, number = '7/QĐ-UBND') =>
    h.variations.call(
      'acceptTransfer',
      {
        caseId: oldId,
        householdId: household.id,
        memberId: member.id,
        payment: { channel: 1, bankCode: '', accountNumber: '' },
        decision: decision(number, '2026-06-20', month),
      },
      { metadata },
    );
  expect((await rejectionOf(accept(oldApprover, '2026-07'))).code).toBe(status.NOT_FOUND);
  expect((await rejectionOf(accept(newOfficer, '2026-07'))).code).toBe(status.PERMISSION_DENIED);
  const early = await rejectionOf(accept(newApprover, '2026-06'));
  expect(early.code).toBe(status.INVALID_ARGUMENT);
  expect(early.message).toContain('decision.effective_month: must not be before 2026-07');

  const res = await accept(newApprover, '2026-07');
  const moved = res.case!;
  expect(moved).toMatchObject({
    communeCode: NEW_COMMUNE,
    provinceCode: '79',
    status: 6, // CASE_STATUS_ACTIVE
    transferredFromCaseId: oldId,
    version: 1,
  });
  expect(moved.beneficiary?.householdId).toBe(household.id);
  expect(moved.caseCode.startsWith(`TC-${NEW_COMMUNE}-2026-`)).toBe(true);
  expect(moved.periods.map((p) => [monthOf(p.fromMonth), monthOf(p.toMonth)])).toEqual([
    ['2026-07', null],
  ]);
  expect(moved.decisions.map((d) => [d.kind, d.unitCode])).toEqual([['transfer_in', NEW_COMMUNE]]);
  expect(res.arrears).toEqual([]);
  expect((await rejectionOf(accept(newApprover, '2026-07', '8/QĐ-UBND'))).code).toBe(
    status.ALREADY_EXISTS,
  );

  // Each commune reads its own case; the old one keeps its whole history.
  const oldCase = (await h.cases.call('getCase', { caseId: oldId }, { metadata: oldApprover }))
    .case!;
  expect(oldCase.decisions.map((d) => d.kind)).toEqual(['approval', 'transfer_out']);
  expect(oldCase.steps.at(-1)?.step).toBe('transferred_out');
  const newCase = (
    await h.cases.call('getCase', { caseId: moved.caseId }, { metadata: newApprover })
  ).case!;
  expect(newCase.transferredFromCaseId).toBe(oldId);
  expect(newCase.steps.map((s) => s.step)).toEqual(['transferred_in']);

  // One person, one month, one period: the database refuses an overlapping one.
  const periods = await h.app.pool.query<{ months: string }>(
    `SELECT months::text FROM entitlement_period WHERE citizen_id = $1 ORDER BY lower(months)`,
    [CITIZEN_ID],
  );
  expect(periods.rows.map((r) => r.months)).toEqual(['[2026-01-01,2026-07-01)', '[2026-07-01,)']);
  const overlap = await rejectionOf(
    h.app.pool.query(
      `INSERT INTO entitlement_period (id, case_id, citizen_id, kind, months, category_codes,
         decision_id)
       SELECT gen_random_uuid(), case_id, citizen_id, kind, daterange('2026-06-01', NULL, '[)'),
         category_codes, decision_id
       FROM entitlement_period WHERE case_id = $1`,
      [oldId],
    ),
  );
  expect((overlap as Error & { code?: string }).code).toBe('23P01');
});

it('refuses a transfer to an unknown commune or to the same commune', async () => {
  const approver = await h.signIn('approver-2', OLD_COMMUNE, ['approver']);
  const { caseId } = await writeCase(h.app.pool, {
    code: 'TC-00004-2026-910002',
    communeCode: OLD_COMMUNE,
    provinceCode: '01',
    citizenId: '001140000022',
    birthYear: 1940,
    birthMonth: null,
    birthDay: null,
    periods: [{ from: '2026-01', to: null, categoryCodes: ['nd20-5c'] }],
  });
  const transfer = (destinationCommuneCode: string) =>
    rejectionOf(
      h.variations.call(
        'transferCase',
        {
          caseId,
          expectedVersion: 1,
          destinationCommuneCode,
          decision: decision('61/QĐ-UBND', '2026-06-15', '2026-07'),
        },
        { metadata: approver },
      ),
    );
  const unknown = await transfer('99999');
  expect(unknown.message).toContain('destination_commune_code: must be a commune');
  const same = await transfer(OLD_COMMUNE);
  expect(same.message).toContain('destination_commune_code: must be another commune');
});
