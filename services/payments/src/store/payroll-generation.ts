/**
 * Generates the payroll (danh sách chi trả) of a commune and month in one transaction, under a
 * transaction-scoped advisory lock on (commune, month) and the UNIQUE (commune, month), so
 * that concurrent calls yield one payroll. A draft is regenerated in place (same id, lines
 * derived from the payroll and the case, so unchanged input gives identical lines); an
 * approved or closed payroll is returned unchanged. A province is generated commune by
 * commune, each in its own transaction. Exported for the benchmark (scripts/bench/payments).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '@posa/db';
import { FailedPreconditionError, type Month } from '@posa/platform';
import { settleCase } from '../domain/settlement';
import { recordPayrollGenerated, type EventStamp } from '../events/payroll-events';
import {
  clearDraft,
  computeDifferences,
  insertCommonLines,
  lockGeneration,
  lockLedgerChanges,
  settlementDigest,
  writeTotals,
} from './payroll-generation-store';
import { insertSettled, loadOtherCases } from './payroll-settled-store';
import { loadPayroll, loadPayrollOf, type PayrollRow } from './payroll-store';

export interface GenerationRequest {
  communeCode: string;
  provinceCode: string;
  month: Month;
  stamp: EventStamp;
}

export interface GenerationResult {
  payroll: PayrollRow;
  /** False when the payroll was approved or closed and returned unchanged. */
  regenerated: boolean;
}

/** Earlier payrolls must be closed and no later one may exist (settlement runs month by month). */
async function assertInOrder(client: pg.PoolClient, communeCode: string, month: Month) {
  const res = await client.query<{ month: string; status: string }>(
    `SELECT to_char(month, 'YYYY-MM') AS month, status FROM payroll
      WHERE commune_code = $1 AND ((month < $2::date AND status <> 'closed') OR month > $2::date)
      ORDER BY month LIMIT 1`,
    [communeCode, `${month}-01`],
  );
  const other = res.rows[0];
  if (other === undefined) return;
  throw new FailedPreconditionError(
    other.month > month
      ? `the payroll of ${other.month} already exists: an earlier month cannot be generated`
      : `the payroll of ${other.month} is ${other.status}: close it before generating ${month}`,
  );
}

/** The first payroll month of the commune (the start of the settlement window), or `month`. */
async function windowStart(
  client: pg.PoolClient,
  communeCode: string,
  month: Month,
): Promise<Month> {
  const res = await client.query<{ first: string | null }>(
    `SELECT to_char(min(month), 'YYYY-MM') AS first FROM payroll WHERE commune_code = $1`,
    [communeCode],
  );
  const first = res.rows[0]?.first ?? null;
  return first !== null && first < month ? first : month;
}

async function generateIn(
  client: pg.PoolClient,
  req: GenerationRequest,
): Promise<GenerationResult> {
  const { communeCode, month, stamp } = req;
  await lockGeneration(client, communeCode, month);
  const existing = await loadPayrollOf(client, communeCode, month, true);
  if (existing !== undefined && existing.status !== 'draft') {
    return { payroll: existing, regenerated: false };
  }
  await assertInOrder(client, communeCode, month);
  const ledgerChanges = await lockLedgerChanges(client, req);
  const digest = await settlementDigest(client, communeCode);
  const from = await windowStart(client, communeCode, month);
  let id: string;
  if (existing === undefined) {
    id = randomUUID();
    await client.query(
      `INSERT INTO payroll (id, commune_code, province_code, month, status, generation,
         generated_at, generated_by, ledger_changes, settlement_digest, lines, current_vnd,
         arrears_vnd, recovery_vnd, carried_over_vnd, total_vnd, version)
       VALUES ($1, $2, $3, $4::date, 'draft', 1, $5, $6, $7, $8, 0, 0, 0, 0, 0, 0, 1)`,
      [
        id,
        communeCode,
        req.provinceCode,
        `${month}-01`,
        stamp.at,
        stamp.actorId,
        ledgerChanges,
        digest,
      ],
    );
  } else {
    id = existing.id;
    await clearDraft(client, id);
    await client.query(
      `UPDATE payroll SET generation = generation + 1, version = version + 1, generated_at = $2,
         generated_by = $3, ledger_changes = $4, settlement_digest = $5
       WHERE id = $1`,
      [id, stamp.at, stamp.actorId, ledgerChanges, digest],
    );
  }
  const differences = await computeDifferences(client, communeCode, from, month);
  const common = await insertCommonLines(client, id, month);
  // Each common case is one difference and one line: when they account for every difference,
  // no case is left to settle month by month.
  const others = differences === common ? [] : await loadOtherCases(client, id, from, month);
  const settled = others.map((c) => ({
    c,
    s: settleCase({
      payrollMonth: month,
      months: c.months,
      deathMonth: c.deathMonth,
      channel: c.channel,
      bankCode: c.bankCode,
      accountNumber: c.accountNumber,
      bankKnown: c.bankKnown,
    }),
  }));
  await insertSettled(client, id, settled);
  await writeTotals(client, id);
  const payroll = (await loadPayroll(client, id))!;
  await recordPayrollGenerated(client, payroll, stamp);
  return { payroll, regenerated: true };
}

/** Generates (or regenerates while a draft) the payroll of one commune and month. */
export async function generateCommunePayroll(
  pool: pg.Pool,
  req: GenerationRequest,
): Promise<GenerationResult> {
  return withTransaction(pool, (client) => generateIn(client, req));
}

export interface ProvinceGeneration {
  results: GenerationResult[];
  skipped: Array<{ communeCode: string; reason: string }>;
}

/** The communes of a province known to the ledger or holding a payroll, in code order. */
export async function communesToGenerate(pool: pg.Pool, provinceCode: string): Promise<string[]> {
  const res = await pool.query<{ commune_code: string }>(
    `SELECT commune_code FROM ledger_commune WHERE province_code = $1
     UNION SELECT commune_code FROM payroll WHERE province_code = $1
     ORDER BY commune_code`,
    [provinceCode],
  );
  return res.rows.map((r) => r.commune_code);
}

/**
 * Every commune of the province, one transaction each: an interruption leaves whole communes
 * generated and a rerun regenerates the drafts and completes the rest. A commune refused by
 * the month order is reported as skipped.
 */
export async function generateProvincePayrolls(
  pool: pg.Pool,
  provinceCode: string,
  month: Month,
  stamp: EventStamp,
): Promise<ProvinceGeneration> {
  const out: ProvinceGeneration = { results: [], skipped: [] };
  for (const communeCode of await communesToGenerate(pool, provinceCode)) {
    try {
      out.results.push(
        await generateCommunePayroll(pool, { communeCode, provinceCode, month, stamp }),
      );
    } catch (err) {
      if (!(err instanceof FailedPreconditionError)) throw err;
      out.skipped.push({ communeCode, reason: err.message });
    }
  }
  return out;
}
