/**
 * Re-rating: a base level recorded for a future date changes the amounts of running cases from
 * its first month. The edit queues a job; the worker sends a new EntitlementChanged for every
 * case it touches (and only those), so payments never pays the old amount after the change.
 */
import { EntitlementChanged, SourceTag } from '@posa/proto';
import { approvedCase, COMMUNE, elderly, registerHousehold } from './case-fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('rerating', { today: () => '2026-06-15' });
});

afterAll(async () => {
  await h?.close();
});

async function entitlementEvents(caseId: string): Promise<EntitlementChanged[]> {
  const { rows } = await h.app.pool.query<{ payload: Buffer }>(
    `SELECT payload FROM posa_outbox
      WHERE aggregate_id = $1 AND event_type = 'com.posa.cases.entitlement-changed.v1'
      ORDER BY seq`,
    [caseId],
  );
  return rows.map((r) => EntitlementChanged.decode(r.payload));
}

async function jobsFinished(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { rows } = await h.app.pool.query<{ pending: string }>(
      'SELECT count(*) AS pending FROM rerating_job WHERE finished_at IS NULL',
    );
    if (rows[0]!.pending === '0') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('re-rating jobs did not finish');
}

it('a future base level re-rates the running cases of its province, from its first month', async () => {
  const officer = await h.signIn('officer', COMMUNE, ['officer']);
  const approver = await h.signIn('approver', COMMUNE, ['approver']);
  const national = await h.signIn('national', 'VN', ['officer']);
  const hcmc = await h.signIn('hcmc', '79', ['officer']);
  const reg = await registerHousehold(h, officer, [elderly]);
  const running = await approvedCase(h, officer, approver, reg);
  expect(await entitlementEvents(running.caseId)).toHaveLength(1);

  // Hồ Chí Minh City raises its own level: a Hà Nội case is not touched.
  await h.policies.call(
    'recordBaseLevel',
    {
      provinceCode: '79',
      amountVnd: '650000',
      validFrom: { year: 2026, month: 9, day: 1 },
      legalSource: 'Nghị quyết HĐND Thành phố',
      tag: SourceTag.SOURCE_TAG_CONFIRMED,
      reason: 'Mức chuẩn riêng của Thành phố',
    },
    { metadata: hcmc },
  );
  await jobsFinished();
  expect(await entitlementEvents(running.caseId)).toHaveLength(1);

  // The national level rises from 15 January 2027: amounts change from February.
  await h.policies.call(
    'recordBaseLevel',
    {
      provinceCode: '',
      amountVnd: '600000',
      validFrom: { year: 2027, month: 1, day: 15 },
      legalSource: 'Nghị định thử nghiệm',
      tag: SourceTag.SOURCE_TAG_CONFIRMED,
      reason: 'Điều chỉnh mức chuẩn',
    },
    { metadata: national },
  );
  await jobsFinished();
  const events = await entitlementEvents(running.caseId);
  expect(events).toHaveLength(2);
  const rerated = events[1]!;
  expect(rerated.sequence).toBe('2');
  expect(rerated.fromMonth).toEqual({ year: 2027, month: 2 });
  expect(rerated.decidedInMonth).toEqual({ year: 2026, month: 6 });
  expect(rerated.stamp!.actorId).toBe('system:rerating');
  // Group 5a: 600,000 × 1.5 from February 2027, × 2.0 from the month after her 80th birthday.
  expect(
    rerated.segments.map((s) => [s.fromMonth, Number(s.amountVnd), Number(s.baseLevelVnd)]),
  ).toEqual([
    [{ year: 2027, month: 2 }, 900_000, 600_000],
    [{ year: 2030, month: 4 }, 1_200_000, 600_000],
  ]);
});
