/**
 * SQL of variations: closing an open allowance period, the retroactive difference of a decision
 * (truy lĩnh / thu hồi: case_decision.arrears_total_vnd and its decision_arrears lines) and the
 * transfers between communes (case_transfer).
 */
import { addMonths, type Month } from '@posa/platform';
import type pg from 'pg';
import type { ArrearsLine } from '../domain/arrears';
import type { Db } from './case-store';

/** Ends an open period with `toMonth` (inclusive); the EXCLUDE constraint stays the guard. */
export async function closePeriod(
  client: pg.PoolClient,
  periodId: string,
  toMonth: Month,
): Promise<void> {
  const res = await client.query(
    `UPDATE entitlement_period SET months = daterange(lower(months), $2::date, '[)')
     WHERE id = $1 AND upper_inf(months)`,
    [periodId, `${addMonths(toMonth, 1)}-01`],
  );
  if (res.rowCount !== 1) throw new Error(`period ${periodId} is not open`);
}

/** Records the retroactive difference of a decision: the total and one line per changed month. */
export async function recordDecisionArrears(
  client: pg.PoolClient,
  decisionId: string,
  difference: { lines: readonly ArrearsLine[]; totalVnd: number },
): Promise<void> {
  await client.query('UPDATE case_decision SET arrears_total_vnd = $2 WHERE id = $1', [
    decisionId,
    difference.totalVnd,
  ]);
  for (const line of difference.lines) {
    await client.query(
      `INSERT INTO decision_arrears (decision_id, month, before_vnd, after_vnd, delta_vnd)
       VALUES ($1, $2, $3, $4, $5)`,
      [decisionId, `${line.month}-01`, line.beforeVnd, line.afterVnd, line.deltaVnd],
    );
  }
}

export interface DecisionArrears {
  decisionId: string;
  totalVnd: number;
  lines: ArrearsLine[];
}

/** The retroactive differences of a case's decisions that have one, in decision order. */
export async function loadCaseArrears(db: Db, caseId: string): Promise<DecisionArrears[]> {
  const res = await db.query<{
    decision_id: string;
    total: string;
    month: string | null;
    before_vnd: string | null;
    after_vnd: string | null;
    delta_vnd: string | null;
  }>(
    `SELECT d.id AS decision_id, d.arrears_total_vnd::text AS total,
       to_char(a.month, 'YYYY-MM') AS month, a.before_vnd::text AS before_vnd,
       a.after_vnd::text AS after_vnd, a.delta_vnd::text AS delta_vnd
     FROM case_decision d LEFT JOIN decision_arrears a ON a.decision_id = d.id
     WHERE d.case_id = $1 AND d.arrears_total_vnd IS NOT NULL
     ORDER BY d.recorded_at, d.id, a.month`,
    [caseId],
  );
  const byDecision = new Map<string, DecisionArrears>();
  for (const r of res.rows) {
    let entry = byDecision.get(r.decision_id);
    if (entry === undefined) {
      entry = { decisionId: r.decision_id, totalVnd: Number(r.total), lines: [] };
      byDecision.set(r.decision_id, entry);
    }
    if (r.month !== null) {
      entry.lines.push({
        month: r.month,
        beforeVnd: Number(r.before_vnd),
        afterVnd: Number(r.after_vnd),
        deltaVnd: Number(r.delta_vnd),
      });
    }
  }
  return [...byDecision.values()];
}

/** A transfer decided by the old commune (chuyển đi), accepted or not yet. */
export interface TransferRow {
  fromCaseId: string;
  destinationCommuneCode: string;
  destinationProvinceCode: string;
  decisionId: string;
  /** The first month the old commune no longer pays. */
  effectiveMonth: Month;
  acceptedCaseId: string | null;
}

export async function insertTransfer(client: pg.PoolClient, t: TransferRow): Promise<void> {
  await client.query(
    `INSERT INTO case_transfer (from_case_id, destination_commune_code,
       destination_province_code, decision_id, effective_month)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      t.fromCaseId,
      t.destinationCommuneCode,
      t.destinationProvinceCode,
      t.decisionId,
      `${t.effectiveMonth}-01`,
    ],
  );
}

/** The transfer of a case; with `lock`, locked for the rest of the transaction. */
export async function loadTransfer(
  db: Db,
  fromCaseId: string,
  lock: boolean,
): Promise<TransferRow | undefined> {
  const res = await db.query<{
    from_case_id: string;
    destination_commune_code: string;
    destination_province_code: string;
    decision_id: string;
    effective_month: string;
    accepted_case_id: string | null;
  }>(
    `SELECT from_case_id, destination_commune_code, destination_province_code, decision_id,
       to_char(effective_month, 'YYYY-MM') AS effective_month, accepted_case_id
     FROM case_transfer WHERE from_case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [fromCaseId],
  );
  const r = res.rows[0];
  if (r === undefined) return undefined;
  return {
    fromCaseId: r.from_case_id,
    destinationCommuneCode: r.destination_commune_code,
    destinationProvinceCode: r.destination_province_code,
    decisionId: r.decision_id,
    effectiveMonth: r.effective_month,
    acceptedCaseId: r.accepted_case_id,
  };
}

export async function markTransferAccepted(
  client: pg.PoolClient,
  fromCaseId: string,
  acceptedCaseId: string,
  at: string,
): Promise<void> {
  await client.query(
    `UPDATE case_transfer SET accepted_case_id = $2, accepted_at = $3
     WHERE from_case_id = $1 AND accepted_case_id IS NULL`,
    [fromCaseId, acceptedCaseId, at],
  );
}
