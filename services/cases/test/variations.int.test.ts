/**
 * Variations of running cases through CaseVariationService: a retroactive change of category
 * with its arrears (truy lĩnh), suspension and resumption, termination with a recovery (thu hồi),
 * and the refusals (caller, version, decision, impossible variations) that leave nothing written.
 */
import { status } from '@grpc/grpc-js';
import { EntitlementChanged, type DecisionInput } from '@posa/proto';
import { startHarness, rejectionOf, type Harness } from './harness';
import { writeCase } from './month-entitlement-fixtures';

const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội
const OTHER_COMMUNE = '00008';
let h: Harness;
let approver: Record<string, string>;
let officer: Record<string, string>;
let otherApprover: Record<string, string>;

beforeAll(async () => {
  h = await startHarness('variations', { today: () => '2026-06-15' });
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  otherApprover = await h.signIn('other', OTHER_COMMUNE, ['approver']);
});

afterAll(async () => {
  await h?.close();
});

/** A case approved (nhóm 5c, born 1940) from `from`, written as the workflow leaves it. */
async function activeCase(code: string, citizenId: string, from: string): Promise<string> {
  const written = await writeCase(h.app.pool, {
    code,
    communeCode: COMMUNE,
    provinceCode: '01',
    citizenId,
    birthYear: 1940,
    birthMonth: 5,
    birthDay: 3,
    periods: [{ from, to: null, categoryCodes: ['nd20-5c'] }],
  });
  return written.caseId;
}

function decision(number: string, signedOn: string, month: string): DecisionInput {
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  const [ey, em] = month.split('-').map(Number) as [number, number];
  return {
    number,
    signedOn: { year: y, month: m, day: d },
    signer: 'Chủ tịch UBND phường',
    effectiveMonth: { year: ey, month: em },
    reason: 'Theo kết quả rà soát',
  };
}

const monthOf = (m: { year: number; month: number } | undefined): string | null =>
  m === undefined ? null : `${m.year}-${String(m.month).padStart(2, '0')}`;

async function counts(
  caseId: string,
): Promise<{ decisions: number; periods: number; events: number }> {
  const q = async (sql: string) =>
    Number((await h.app.pool.query<{ n: string }>(sql, [caseId])).rows[0]!.n);
  return {
    decisions: await q('SELECT count(*) AS n FROM case_decision WHERE case_id = $1'),
    periods: await q('SELECT count(*) AS n FROM entitlement_period WHERE case_id = $1'),
    events: await q('SELECT count(*) AS n FROM posa_outbox WHERE aggregate_id = $1::text'),
  };
}

describe('a retroactive change of category', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await activeCase('TC-00004-2026-900001', '001140000001', '2026-01');
  });

  it('owes the arrears of the months already due and stores them with the decision', async () => {
    const res = await h.variations.call(
      'changeEligibility',
      {
        caseId,
        expectedVersion: 1,
        eligibility: { categoryCodes: ['nd20-5a'], disabilityLevel: 0, careSupportTypeCode: '' },
        decision: decision('21/QĐ-UBND', '2026-06-10', '2026-03'),
      },
      { metadata: approver },
    );
    expect(res.arrears.map((l) => [monthOf(l.month), l.beforeVnd, l.afterVnd, l.deltaVnd])).toEqual(
      [
        ['2026-03', '500000', '1000000', '500000'],
        ['2026-04', '500000', '1000000', '500000'],
        ['2026-05', '500000', '1000000', '500000'],
      ],
    );
    expect(res.arrearsTotalVnd).toBe('1500000');
    const c = res.case!;
    expect(c.version).toBe(2);
    expect(c.eligibility?.categoryCodes).toEqual(['nd20-5a']);
    expect(c.periods.map((p) => [monthOf(p.fromMonth), monthOf(p.toMonth)])).toEqual([
      ['2026-01', '2026-02'],
      ['2026-03', null],
    ]);
    expect(c.decisions.at(-1)).toMatchObject({ kind: 'category_change', unitCode: COMMUNE });
    expect(c.steps.at(-1)?.step).toBe('category_changed');

    const stored = await h.app.pool.query(
      `SELECT d.arrears_total_vnd::text AS total, count(a.*)::int AS lines
       FROM case_decision d LEFT JOIN decision_arrears a ON a.decision_id = d.id
       WHERE d.case_id = $1 AND d.kind = 'category_change' GROUP BY d.id`,
      [caseId],
    );
    expect(stored.rows).toEqual([{ total: '1500000', lines: 3 }]);
    const events = await h.app.pool.query<{ type: string; payload: Buffer }>(
      'SELECT event_type AS type, payload FROM posa_outbox WHERE aggregate_id = $1::text ORDER BY seq',
      [caseId],
    );
    expect(events.rows.map((e) => e.type)).toEqual([
      'com.posa.cases.case-varied.v1',
      'com.posa.cases.entitlement-changed.v1',
    ]);
    const changed = EntitlementChanged.decode(events.rows[1]!.payload);
    expect(monthOf(changed.fromMonth)).toBe('2026-03');
    expect(monthOf(changed.decidedInMonth)).toBe('2026-06');
    expect(changed.segments.map((s) => [monthOf(s.fromMonth), s.amountVnd])).toEqual([
      ['2026-03', '1000000'],
    ]);
  });

  it('refuses the wrong caller, a stale version and a bad decision, writing nothing', async () => {
    const before = await counts(caseId);
    const change = (over: Record<string, unknown>, metadata = approver) =>
      h.variations.call(
        'changeEligibility',
        {
          caseId,
          expectedVersion: 2,
          eligibility: { categoryCodes: ['nd20-5c'], disabilityLevel: 0, careSupportTypeCode: '' },
          decision: decision('22/QĐ-UBND', '2026-06-12', '2026-05'),
          ...over,
        },
        { metadata },
      );
    expect((await rejectionOf(change({}, officer))).code).toBe(status.PERMISSION_DENIED);
    expect((await rejectionOf(change({}, otherApprover))).code).toBe(status.NOT_FOUND);
    expect((await rejectionOf(change({ expectedVersion: 1 }))).code).toBe(status.ABORTED);
    const future = await rejectionOf(
      change({ decision: decision('22/QĐ', '2026-06-16', '2026-05') }),
    );
    expect(future.code).toBe(status.INVALID_ARGUMENT);
    expect(future.message).toContain('decision.signed_on');
    const early = await rejectionOf(
      change({ decision: decision('22/QĐ', '2026-06-12', '2026-03') }),
    );
    expect(early.code).toBe(status.INVALID_ARGUMENT);
    expect(early.message).toContain('decision.effective_month: must be after 2026-03');
    const unknown = await rejectionOf(
      change({
        eligibility: { categoryCodes: ['nd20-99'], disabilityLevel: 0, careSupportTypeCode: '' },
      }),
    );
    expect(unknown.message).toContain('eligibility.category_codes');
    const reused = await rejectionOf(
      change({ decision: decision('21/QĐ-UBND', '2026-06-12', '2026-05') }),
    );
    expect(reused.code).toBe(status.ALREADY_EXISTS);
    expect(await counts(caseId)).toEqual(before);
  });
});

describe('suspension and resumption', () => {
  it('holds the allowance from a month and lets it run again later', async () => {
    const caseId = await activeCase('TC-00004-2026-900002', '001140000002', '2026-01');
    const suspended = await h.variations.call(
      'suspendCase',
      { caseId, expectedVersion: 1, decision: decision('31/QĐ-UBND', '2026-06-12', '2026-07') },
      { metadata: approver },
    );
    expect(suspended.case?.status).toBe(8); // CASE_STATUS_SUSPENDED
    expect(suspended.arrears).toEqual([]);
    const again = await rejectionOf(
      h.variations.call(
        'suspendCase',
        { caseId, expectedVersion: 2, decision: decision('32/QĐ-UBND', '2026-06-12', '2026-08') },
        { metadata: approver },
      ),
    );
    expect(again.code).toBe(status.FAILED_PRECONDITION);
    expect(again.message).toContain('already suspended since 2026-07');
    const resumed = await h.variations.call(
      'resumeCase',
      { caseId, expectedVersion: 2, decision: decision('33/QĐ-UBND', '2026-06-14', '2026-09') },
      { metadata: approver },
    );
    expect(resumed.case?.status).toBe(6); // CASE_STATUS_ACTIVE
    expect(
      resumed.case!.periods.map((p) => [monthOf(p.fromMonth), monthOf(p.toMonth), p.suspended]),
    ).toEqual([
      ['2026-01', '2026-06', false],
      ['2026-07', '2026-08', true],
      ['2026-09', null, false],
    ]);
    const types = await h.app.pool.query<{ type: string }>(
      'SELECT event_type AS type FROM posa_outbox WHERE aggregate_id = $1::text ORDER BY seq',
      [caseId],
    );
    expect(types.rows.map((r) => r.type)).toEqual([
      'com.posa.cases.case-suspended.v1',
      'com.posa.cases.entitlement-changed.v1',
      'com.posa.cases.case-resumed.v1',
      'com.posa.cases.entitlement-changed.v1',
    ]);
  });
});

describe('termination', () => {
  it('stops the allowance, recovers months already paid, and cannot happen twice', async () => {
    const caseId = await activeCase('TC-00004-2026-900003', '001140000003', '2025-09');
    const badGround = await rejectionOf(
      h.variations.call(
        'terminateCase',
        {
          caseId,
          expectedVersion: 1,
          ground: 'bored',
          decision: decision('41/QĐ-UBND', '2026-06-10', '2026-04'),
        },
        { metadata: approver },
      ),
    );
    expect(badGround.message).toContain('ground: must be one of');
    const res = await h.variations.call(
      'terminateCase',
      {
        caseId,
        expectedVersion: 1,
        ground: 'deceased',
        decision: decision('41/QĐ-UBND', '2026-06-10', '2026-04'),
      },
      { metadata: approver },
    );
    expect(res.case?.status).toBe(9); // CASE_STATUS_TERMINATED
    expect(res.arrears.map((l) => [monthOf(l.month), l.deltaVnd])).toEqual([
      ['2026-04', '-500000'],
      ['2026-05', '-500000'],
    ]);
    expect(res.arrearsTotalVnd).toBe('-1000000');
    expect(res.case!.periods.map((p) => monthOf(p.toMonth))).toEqual(['2026-03']);
    expect(res.case!.steps.at(-1)?.note).toBe('QĐ 41/QĐ-UBND; deceased');
    const twice = await rejectionOf(
      h.variations.call(
        'terminateCase',
        {
          caseId,
          expectedVersion: 2,
          ground: 'deceased',
          decision: decision('42/QĐ-UBND', '2026-06-11', '2026-05'),
        },
        { metadata: approver },
      ),
    );
    expect(twice.code).toBe(status.FAILED_PRECONDITION);
    expect(twice.message).toContain('case is terminated');
  });
});
