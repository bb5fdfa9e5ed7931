/**
 * The entitlement ledger. With the bulk path (applyLedgerBatch): higher sequences replace the
 * segments from their month on and the payee, lower or equal ones are ignored, a death is
 * recorded, a move counts in both communes. Through real Kafka: events produced by the real
 * cases service build the ledger of one payments app, and a second payments app on a fresh
 * database whose consumer reads the same records from the start rebuilds exactly the same
 * ledger tables.
 */
import { randomUUID } from 'node:crypto';
import { DisabilityLevel, PaymentChannel, Sex, type MemberInput } from '@posa/proto';
import { getKafkaBrokers } from '@posa/testing';
import { approvedCase, registerHousehold } from '../../cases/test/case-fixtures';
import { startHarness as startCases, type Harness as CasesHarness } from '../../cases/test/harness';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import type { LedgerConsumer } from '../src/ledger/ledger-consumer';
import { startHarness, type Harness } from './harness';
import { entitlement, ledgerSnapshot, LedgerFeed, until } from './payroll-fixtures';

const PROVINCE = '92';
const COMMUNE = '31147'; // Phường Tân An, Thành phố Cần Thơ
const OTHER = '31150'; // Phường An Bình

describe('applying events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('ledger_apply');
  });
  afterAll(async () => {
    await h?.close();
  });

  const segments = async (caseId: string) =>
    (
      await h.app.pool.query<{ f: string; t: string | null; a: string }>(
        `SELECT to_char(from_month, 'YYYY-MM') AS f, to_char(to_month, 'YYYY-MM') AS t, amount_vnd AS a
           FROM ledger_segment WHERE case_id = $1 ORDER BY from_month`,
        [caseId],
      )
    ).rows.map((r) => [r.f, r.t, Number(r.a)]);
  const changes = async (commune: string) =>
    Number(
      (
        await h.app.pool.query('SELECT changes FROM ledger_commune WHERE commune_code = $1', [
          commune,
        ])
      ).rows[0]?.changes ?? 0,
    );

  it('replaces from the month on with higher sequences and ignores stale or replayed ones', async () => {
    const caseId = randomUUID();
    const base = { caseId, communeCode: COMMUNE, provinceCode: PROVINCE };
    const first = entitlement({ ...base, sequence: 1, fromMonth: '2026-01', amountVnd: 500_000 });
    const third = entitlement({
      ...base,
      sequence: 3,
      fromMonth: '2026-04',
      amountVnd: 750_000,
      channel: 'post_office',
    });
    const late = entitlement({ ...base, sequence: 2, fromMonth: '2026-02', amountVnd: 1 });
    const replay = { ...third, eventId: randomUUID() };
    expect(await applyLedgerBatch(h.app.pool, [first, third, late, replay])).toEqual({
      applied: 2,
      stale: 2,
      unknownCase: 0,
    });
    expect(await segments(caseId)).toEqual([
      ['2026-01', '2026-03', 500_000],
      ['2026-04', null, 750_000],
    ]);
    const payee = await h.app.pool.query(
      'SELECT payment_channel, last_sequence FROM ledger_case WHERE case_id = $1',
      [caseId],
    );
    expect(payee.rows).toEqual([{ payment_channel: 'post_office', last_sequence: '3' }]);

    // Suspended from February (no segment from then on): only January is owed.
    await applyLedgerBatch(h.app.pool, [
      entitlement({ ...base, sequence: 4, fromMonth: '2026-02', amountVnd: 0 }),
    ]);
    expect(await segments(caseId)).toEqual([['2026-01', '2026-01', 500_000]]);
    const log = await h.app.pool.query(
      `SELECT sequence, to_char(from_month, 'YYYY-MM') AS from_month FROM ledger_change
        WHERE case_id = $1 ORDER BY sequence`,
      [caseId],
    );
    expect(log.rows).toEqual([
      { sequence: '1', from_month: '2026-01' },
      { sequence: '3', from_month: '2026-04' },
      { sequence: '4', from_month: '2026-02' },
    ]);
  });

  it('records a death and counts a move in both communes', async () => {
    const caseId = randomUUID();
    const base = { caseId, provinceCode: PROVINCE, fromMonth: '2026-01', amountVnd: 500_000 };
    await applyLedgerBatch(h.app.pool, [
      entitlement({ ...base, communeCode: COMMUNE, sequence: 1 }),
    ]);
    const [here, there] = [await changes(COMMUNE), await changes(OTHER)];
    await applyLedgerBatch(h.app.pool, [entitlement({ ...base, communeCode: OTHER, sequence: 2 })]);
    expect([await changes(COMMUNE), await changes(OTHER)]).toEqual([here + 1, there + 1]);
    const death = {
      change: 'death' as const,
      eventId: randomUUID(),
      caseId,
      communeCode: OTHER,
      provinceCode: PROVINCE,
      effectiveMonth: '2026-05',
    };
    const unknown = { ...death, eventId: randomUUID(), caseId: randomUUID() };
    expect(await applyLedgerBatch(h.app.pool, [death, unknown])).toEqual({
      applied: 1,
      stale: 0,
      unknownCase: 1,
    });
    const row = await h.app.pool.query(
      "SELECT commune_code, to_char(death_month, 'YYYY-MM') AS death FROM ledger_case WHERE case_id = $1",
      [caseId],
    );
    expect(row.rows).toEqual([{ commune_code: OTHER, death: '2026-05' }]);
  });
});

describe('rebuilding from the topic', () => {
  let cases: CasesHarness;
  let first: Harness;
  let second: Harness | undefined;
  const consumers: LedgerConsumer[] = [];
  let feed: LedgerFeed;

  beforeAll(async () => {
    const env = { EVENTS_TRANSPORT: 'kafka', KAFKA_BROKERS: (await getKafkaBrokers()).join(',') };
    feed = await LedgerFeed.atTopicEnd();
    cases = await startCases('ledger', { today: () => '2026-04-20', env });
    first = await startHarness('ledger_first');
    consumers.push(await feed.start(first.app.pool, 'first'));
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await second?.close();
    await first?.close();
    await cases?.close();
  });

  const member = (name: string, serial: string): MemberInput => ({
    fullName: name,
    dateOfBirth: { year: 1950, month: 7, day: 2 },
    sex: Sex.SEX_FEMALE,
    ethnicGroupCode: '01',
    citizenId: `092150${serial}`,
    relation: 'head',
  });

  it('gives the same ledger when the topic is read again into an empty database', async () => {
    const officer = await cases.signIn('officer', COMMUNE, ['officer']);
    const approver = await cases.signIn('approver', COMMUNE, ['approver']);
    const decided = [];
    for (const [i, name] of ['Võ Thị Sáu', 'Đỗ Thị Bảy'].entries()) {
      const reg = await registerHousehold(cases, officer, [member(name, `31000${i + 1}`)], COMMUNE);
      decided.push(
        await approvedCase(
          cases,
          officer,
          approver,
          reg,
          { decisionNumber: `${i + 11}/QĐ-UBND`, signedOn: { year: 2026, month: 2, day: 18 } },
          {
            applicationDate: { year: 2026, month: 2, day: 2 },
            payment: {
              channel: PaymentChannel.PAYMENT_CHANNEL_CASH_AT_COMMUNE,
              bankCode: '',
              accountNumber: '',
            },
          },
        ),
      );
    }
    const [a, b] = decided as [(typeof decided)[0], (typeof decided)[0]];
    const decision = (number: string, day: number, month: number) => ({
      number,
      signedOn: { year: 2026, month: 4, day },
      signer: 'Chủ tịch UBND phường',
      effectiveMonth: { year: 2026, month },
      reason: 'Theo hồ sơ',
    });
    await cases.variations.call(
      'changeEligibility',
      {
        caseId: a.caseId,
        expectedVersion: a.version,
        eligibility: {
          categoryCodes: ['nd20-6'],
          disabilityLevel: DisabilityLevel.DISABILITY_LEVEL_SEVERE,
          careSupportTypeCode: '',
        },
        decision: decision('21/QĐ-UBND', 10, 3),
      },
      { metadata: approver },
    );
    await cases.variations.call(
      'terminateCase',
      {
        caseId: b.caseId,
        expectedVersion: b.version,
        ground: 'deceased',
        decision: decision('22/QĐ-UBND', 12, 4),
      },
      { metadata: approver },
    );
    const ids = [a.caseId, b.caseId];
    const logged = async (h: Harness) =>
      Number(
        (
          await h.app.pool.query(
            'SELECT count(*) AS n FROM ledger_change WHERE case_id = ANY($1::uuid[])',
            [ids],
          )
        ).rows[0].n,
      );
    // Approval of both, the change of A, the death of B and the entitlement change it made.
    await until('the first ledger', async () => (await logged(first)) === 5);

    second = await startHarness('ledger_second');
    consumers.push(await feed.start(second.app.pool, 'second'));
    await until('the rebuilt ledger', async () => (await logged(second!)) === 5);
    const built = await ledgerSnapshot(first.app.pool, ids);
    expect(built.segments.length).toBeGreaterThanOrEqual(3);
    expect(built.cases.map((c) => c.death_month)).toContain('2026-04-01');
    expect(await ledgerSnapshot(second.app.pool, ids)).toEqual(built);
    const communeChanges = 'SELECT changes FROM ledger_commune WHERE commune_code = $1';
    expect((await second.app.pool.query(communeChanges, [COMMUNE])).rows).toEqual(
      (await first.app.pool.query(communeChanges, [COMMUNE])).rows,
    );
  });
});
