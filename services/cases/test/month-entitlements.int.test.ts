/**
 * EntitlementService.StreamMonthEntitlements against the real service and database: exactly
 * the cases with a period covering the month, priced with the catalogue in force (a provincial
 * base level included), in batches, limited to the unit and to the caller's jurisdiction; and
 * the cursor's connection is given back when a reader stops early.
 */
import { status } from '@grpc/grpc-js';
import { closePool, createPool } from '@posa/db';
import { createGrpcClient, type GrpcClient } from '@posa/platform';
import {
  CaseKind,
  EntitlementServiceClient,
  type EntitlementServiceService,
  type MonthEntitlementLine,
  type StreamMonthEntitlementsResponse,
} from '@posa/proto';
import { coveringPeriods } from '../src/store/month-entitlement-store';
import { rejectionOf, startHarness, type Harness } from './harness';
import { A1, A2, A3, B1, MONTH_CASES } from './month-entitlement-cases';
import { writeCase, writeManyCases } from './month-entitlement-fixtures';

const MANY = 2500;
const MONTH = { year: 2026, month: 3 };

let h: Harness;
let client: GrpcClient<EntitlementServiceService>;
const who: Record<string, Record<string, string>> = {};
/** Expected line of each fixture case by code (only those covering 2026-03). */
const expected = new Map<string, Partial<MonthEntitlementLine>>();

async function read(
  unitCode: string,
  metadata: Record<string, string>,
  /** null sends no month at all. */
  month: { year: number; month: number } | null = MONTH,
): Promise<StreamMonthEntitlementsResponse[]> {
  const out: StreamMonthEntitlementsResponse[] = [];
  const request = { unitCode, month: month ?? undefined };
  for await (const m of client.stream('streamMonthEntitlements', request, { metadata }))
    out.push(m);
  return out;
}

const linesOf = (messages: StreamMonthEntitlementsResponse[]): MonthEntitlementLine[] =>
  messages.flatMap((m) => m.lines);

beforeAll(async () => {
  h = await startHarness('month');
  client = createGrpcClient(EntitlementServiceClient, `127.0.0.1:${h.addresses.grpcPort}`, {
    defaultDeadlineMs: 30_000,
  });
  const pool = h.app.pool;
  // Hồ Chí Minh City pays above the national level from 2025 (a provincial mức chuẩn).
  await pool.query(
    `INSERT INTO base_level (id, province_code, amount_vnd, valid_from, valid_to, legal_source, tag)
     VALUES ('test-79-2025', '79', 600000, '2025-01-01', NULL, 'Nghị quyết HĐND (thử)', 'M')`,
  );
  const cases = MONTH_CASES;
  for (const [c, line, decisionIndex] of cases) {
    const written = await writeCase(pool, c);
    if (line === null) continue;
    expected.set(c.code, {
      caseId: written.caseId,
      caseCode: c.code,
      communeCode: c.communeCode,
      provinceCode: c.provinceCode,
      citizenId: c.citizenId,
      decisionId: written.decisionIds[decisionIndex ?? 0],
      state: 'active',
      kind: CaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
      baseLevelVnd: line.state === undefined ? '500000' : '0',
      baseLevelProvinceCode: '',
      ...line,
    });
  }
  await writeManyCases(pool, A3, '01', MANY);
  who.analyst = await h.signIn('analyst', 'VN', ['analyst']);
  who.hanoi = await h.signIn('hanoi', '01', ['approver']);
  who.badinh = await h.signIn('badinh', A1, ['officer']);
  who.hcm = await h.signIn('hcm', '79', ['auditor']);
  who.admin = await h.signIn('admin', 'VN', ['unit_admin']);
});

afterAll(async () => {
  client?.close();
  await h?.close();
});

/** The hand-priced fixture lines, sorted by case code (the stream has no order). */
const fixtureLines = (lines: MonthEntitlementLine[]) =>
  lines.filter((l) => l.communeCode !== A3).sort((a, b) => a.caseCode.localeCompare(b.caseCode));
const expectedIn = (communes: string[]) =>
  [...expected.values()].filter((l) => communes.includes(l.communeCode!));

describe('StreamMonthEntitlements', () => {
  it('gives the whole country exactly the cases covering the month, priced, each once', async () => {
    const lines = linesOf(await read('VN', who.analyst!));
    expect(lines).toHaveLength(expected.size + MANY);
    expect(new Set(lines.map((l) => l.caseCode)).size).toBe(lines.length);
    const fixtures = fixtureLines(lines);
    expect(fixtures.map((l) => l.caseCode)).toEqual([...expected.keys()].sort());
    for (const line of fixtures) expect(line).toMatchObject(expected.get(line.caseCode)!);
    expect(fixtures.find((l) => l.state === 'not_computable')!.problem).toMatch(/nd20-5a/);
  });

  it('streams a large unit in batches of at most 1,000 lines', async () => {
    const messages = await read(A3, who.hanoi!);
    expect(messages.map((m) => m.lines.length)).toEqual([1000, 1000, 500]);
    const total = linesOf(messages).reduce((sum, l) => sum + Number(l.amountVnd), 0);
    expect(total).toBe(MANY * 500_000);
  });

  it('limits the lines to the province or commune asked for', async () => {
    const hanoi = fixtureLines(linesOf(await read('01', who.hanoi!)));
    expect(hanoi.map((l) => l.caseCode)).toEqual(
      expectedIn([A1, A2])
        .map((l) => l.caseCode)
        .sort(),
    );
    const hcm = linesOf(await read('79', who.hcm!));
    expect(hcm.map((l) => l.caseCode)).toEqual(
      expectedIn([B1])
        .map((l) => l.caseCode)
        .sort(),
    );
    const badinh = linesOf(await read(A1, who.badinh!));
    expect(badinh.map((l) => l.caseCode)).toEqual(
      expectedIn([A1])
        .map((l) => l.caseCode)
        .sort(),
    );
  });

  it('gives no message for a month no period covers', async () => {
    expect(await read(A1, who.badinh!, { year: 2025, month: 7 })).toEqual([]);
  });

  it('refuses units outside the caller jurisdiction', async () => {
    for (const [unit, user] of [
      ['01', 'badinh'],
      [B1, 'badinh'],
      ['VN', 'hanoi'],
      [A1, 'hcm'],
    ] as const) {
      const err = await rejectionOf(read(unit, who[user]!));
      expect([unit, err.code]).toEqual([unit, status.PERMISSION_DENIED]);
    }
  });

  it('refuses callers without a reading role', async () => {
    const err = await rejectionOf(read('VN', who.admin!));
    expect(err.code).toBe(status.PERMISSION_DENIED);
  });

  it('names the field of a bad request', async () => {
    const cases: Array<[string, { year: number; month: number } | null, string]> = [
      ['123', MONTH, 'unit_code'],
      ['99999', MONTH, 'unit_code'],
      [A1, null, 'month'],
      [A1, { year: 2026, month: 13 }, 'month.month'],
    ];
    for (const [unit, month, field] of cases) {
      const err = await rejectionOf(read(unit, who.analyst!, month));
      expect([err.code, err.field]).toEqual([status.INVALID_ARGUMENT, field]);
    }
  });
});

describe('coveringPeriods', () => {
  it('gives the connection back, out of its transaction, when the reader stops early', async () => {
    const pool = createPool({ url: h.db.url, max: 1, connectionTimeoutMs: 2000 });
    try {
      const batches = coveringPeriods(pool, { level: 'commune', communeCode: A3 }, '2026-03', 100);
      const first = await batches.next();
      expect(first.done === false && first.value.length).toBe(100);
      await batches.return(undefined);
      // The pool holds one connection: this query only runs if it was released.
      const { rows } = await pool.query<{ open: string }>(
        `SELECT count(*) AS open FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(rows[0]!.open).toBe('0');
    } finally {
      await closePool(pool);
    }
  });
});
