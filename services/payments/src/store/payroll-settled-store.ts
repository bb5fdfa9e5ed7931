/**
 * The cases of a generation that are not the common case: their facts (differences, the
 * outcome of the latest closed line of each month, payee, death, bank) read from payroll_diff
 * for the settlement rule in JS, and the lines, items and exceptions it gives written back
 * with unnest, in the generating transaction.
 */
import type pg from 'pg';
import type { CaseMonthFacts, CaseSettlement } from '../domain/settlement';

/** A case left for the settlement rule in JS, with its facts. */
export interface OtherCase {
  caseId: string;
  caseCode: string;
  fullName: string;
  citizenId: string;
  channel: string;
  bankCode: string;
  accountNumber: string;
  bankKnown: boolean;
  deathMonth: string | null;
  months: CaseMonthFacts[];
}

/** The cases with differences that did not become common lines, ordered by case id. */
export async function loadOtherCases(
  client: pg.PoolClient,
  payrollId: string,
  from: string,
  to: string,
): Promise<OtherCase[]> {
  const cases = await client.query<{
    case_id: string;
    case_code: string;
    full_name: string;
    citizen_id: string;
    payment_channel: string;
    bank_code: string;
    account_number: string;
    bank_known: boolean;
    death_month: string | null;
  }>(
    `SELECT c.case_id, c.case_code, c.full_name, c.citizen_id, c.payment_channel, c.bank_code,
            c.account_number, EXISTS (SELECT 1 FROM bank_code b WHERE b.code = c.bank_code) AS bank_known,
            to_char(c.death_month, 'YYYY-MM') AS death_month
       FROM ledger_case c
      WHERE c.case_id IN (SELECT case_id FROM payroll_diff)
        AND NOT EXISTS (SELECT 1 FROM payroll_line l WHERE l.payroll_id = $1 AND l.case_id = c.case_id)
      ORDER BY c.case_id`,
    [payrollId],
  );
  if (cases.rows.length === 0) return [];
  const ids = cases.rows.map((r) => r.case_id);
  const diffs = await client.query<{
    case_id: string;
    month: string;
    owed: string;
    settled: string;
  }>(
    `SELECT case_id, to_char(month, 'YYYY-MM') AS month, owed, settled FROM payroll_diff
      WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, month`,
    [ids],
  );
  // The latest closed line holding each month: its amount counts as unpaid when it was unpaid.
  const last = await client.query<{
    case_id: string;
    month: string;
    outcome: string;
    amount: string;
  }>(
    `SELECT DISTINCT ON (t.case_id, t.for_month) t.case_id, to_char(t.for_month, 'YYYY-MM') AS month,
            t.outcome, t.amount
       FROM (SELECT i.case_id, i.for_month, p.month AS payroll_month, l.outcome, sum(i.amount_vnd) AS amount
               FROM payroll_item i JOIN payroll_line l ON l.id = i.line_id JOIN payroll p ON p.id = i.payroll_id
              WHERE p.status = 'closed' AND i.case_id = ANY($1::uuid[])
                AND i.for_month BETWEEN $2::date AND $3::date
              GROUP BY i.case_id, i.for_month, p.month, l.outcome) t
      ORDER BY t.case_id, t.for_month, t.payroll_month DESC`,
    [ids, `${from}-01`, `${to}-01`],
  );
  const unpaid = new Map<string, number>();
  for (const r of last.rows) {
    if (r.outcome === 'unpaid') unpaid.set(`${r.case_id}:${r.month}`, Number(r.amount));
  }
  const monthsOf = new Map<string, CaseMonthFacts[]>();
  for (const r of diffs.rows) {
    const list = monthsOf.get(r.case_id) ?? [];
    list.push({
      month: r.month,
      owedVnd: Number(r.owed),
      settledVnd: Number(r.settled),
      lastUnpaidVnd: unpaid.get(`${r.case_id}:${r.month}`) ?? 0,
    });
    monthsOf.set(r.case_id, list);
  }
  return cases.rows.map((r) => ({
    caseId: r.case_id,
    caseCode: r.case_code,
    fullName: r.full_name,
    citizenId: r.citizen_id,
    channel: r.payment_channel,
    bankCode: r.bank_code,
    accountNumber: r.account_number,
    bankKnown: r.bank_known,
    deathMonth: r.death_month,
    months: monthsOf.get(r.case_id) ?? [],
  }));
}

/** Writes the lines, items and exceptions the settlement rule gave for the other cases. */
export async function insertSettled(
  client: pg.PoolClient,
  payrollId: string,
  settled: ReadonlyArray<{ c: OtherCase; s: CaseSettlement }>,
): Promise<void> {
  const lines = settled.filter((x) => x.s.outcome === 'line');
  if (lines.length > 0) {
    await client.query(
      `INSERT INTO payroll_line (id, payroll_id, case_id, case_code, full_name, citizen_id, channel,
         bank_code, account_number, total_vnd)
       SELECT md5($1::text || ':' || c::text)::uuid, $1::uuid, c, code, n, cid, ch, b, a, t
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
           AS x(c, code, n, cid, ch, b, a, t)`,
      [
        payrollId,
        lines.map((x) => x.c.caseId),
        lines.map((x) => x.c.caseCode),
        lines.map((x) => x.c.fullName),
        lines.map((x) => x.c.citizenId),
        lines.map((x) => x.c.channel),
        lines.map((x) => x.c.bankCode),
        lines.map((x) => x.c.accountNumber),
        lines.map((x) => (x.s.outcome === 'line' ? x.s.totalVnd : 0)),
      ],
    );
    const items = lines.flatMap((x) =>
      x.s.outcome === 'line' ? x.s.items.map((i) => ({ caseId: x.c.caseId, ...i })) : [],
    );
    await client.query(
      `INSERT INTO payroll_item (line_id, payroll_id, case_id, for_month, kind, amount_vnd)
       SELECT md5($1::text || ':' || c::text)::uuid, $1::uuid, c, (m || '-01')::date, k, a
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[]) AS x(c, m, k, a)`,
      [
        payrollId,
        items.map((i) => i.caseId),
        items.map((i) => i.forMonth),
        items.map((i) => i.kind),
        items.map((i) => i.amountVnd),
      ],
    );
  }
  const exceptions = settled.flatMap((x) =>
    x.s.outcome === 'exception' ? [{ c: x.c, s: x.s }] : [],
  );
  if (exceptions.length === 0) return;
  await client.query(
    `INSERT INTO payroll_exception (payroll_id, case_id, case_code, kind, amount_vnd, detail)
     SELECT $1, c, code, k, a, d FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[])
       AS x(c, code, k, a, d)`,
    [
      payrollId,
      exceptions.map((x) => x.c.caseId),
      exceptions.map((x) => x.c.caseCode),
      exceptions.map((x) => x.s.exception),
      exceptions.map((x) => x.s.amountVnd),
      exceptions.map((x) => x.s.detail),
    ],
  );
}
