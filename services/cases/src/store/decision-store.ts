/**
 * SQL of case_decision (quyết định) and entitlement_period (giai đoạn hưởng). Periods are
 * stored as daterange [first day of the first month, first day of the month after the last);
 * the EXCLUDE constraint refuses a second period of one person and kind over the same month.
 */
import type pg from 'pg';
import { AlreadyExistsError, FailedPreconditionError, addMonths } from '@posa/platform';
import type { DecisionRow, PeriodRow } from '../domain/case-record';
import type { Db } from './case-store';

interface PgError {
  code?: string;
  constraint?: string;
}

const isPgError = (err: unknown, code: string): boolean =>
  typeof err === 'object' && err !== null && (err as PgError).code === code;

/** Inserts a signed decision; a number already used by the deciding unit is ALREADY_EXISTS. */
export async function insertDecision(client: pg.PoolClient, d: DecisionRow): Promise<void> {
  try {
    await client.query(
      `INSERT INTO case_decision (id, case_id, kind, number, signed_on, signer, effective_month,
         unit_code, reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        d.id,
        d.caseId,
        d.kind,
        d.number,
        d.signedOn,
        d.signer,
        d.effectiveMonth === null ? null : `${d.effectiveMonth}-01`,
        d.unitCode,
        d.reason,
        d.recordedBy,
        d.recordedAt,
      ],
    );
  } catch (err) {
    if (!isPgError(err, '23505')) throw err;
    throw new AlreadyExistsError(
      `decision_number: ${d.number} is already used by a decision of unit ${d.unitCode}`,
    );
  }
}

export async function loadDecisions(db: Db, caseId: string): Promise<DecisionRow[]> {
  const res = await db.query<{
    id: string;
    case_id: string;
    kind: DecisionRow['kind'];
    number: string;
    signed_on: string;
    signer: string;
    effective_month: string | null;
    unit_code: string;
    reason: string | null;
    recorded_by: string;
    recorded_at: Date;
  }>(
    `SELECT id, case_id, kind, number, signed_on::text AS signed_on, signer,
       to_char(effective_month, 'YYYY-MM') AS effective_month, unit_code, reason, recorded_by,
       recorded_at
     FROM case_decision WHERE case_id = $1 ORDER BY recorded_at, id`,
    [caseId],
  );
  return res.rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    number: r.number,
    signedOn: r.signed_on,
    signer: r.signer,
    effectiveMonth: r.effective_month,
    unitCode: r.unit_code,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

/** The periods of a case with their decision numbers, in month order. */
export async function loadPeriods(db: Db, caseId: string): Promise<PeriodRow[]> {
  const res = await db.query<{
    id: string;
    case_id: string;
    citizen_id: string;
    kind: PeriodRow['kind'];
    from_month: string;
    to_month: string | null;
    suspended: boolean;
    category_codes: string[];
    disability_level: PeriodRow['disabilityLevel'];
    care_support_type_code: string | null;
    decision_id: string;
    decision_number: string;
  }>(
    `SELECT p.id, p.case_id, p.citizen_id, p.kind,
       to_char(lower(p.months), 'YYYY-MM') AS from_month,
       CASE WHEN upper_inf(p.months) THEN NULL
         ELSE to_char(upper(p.months) - interval '1 month', 'YYYY-MM') END AS to_month,
       p.suspended, p.category_codes, p.disability_level, p.care_support_type_code,
       p.decision_id, d.number AS decision_number
     FROM entitlement_period p JOIN case_decision d ON d.id = p.decision_id
     WHERE p.case_id = $1 ORDER BY lower(p.months)`,
    [caseId],
  );
  return res.rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    citizenId: r.citizen_id,
    kind: r.kind,
    fromMonth: r.from_month,
    toMonth: r.to_month,
    suspended: r.suspended,
    categoryCodes: r.category_codes,
    disabilityLevel: r.disability_level,
    careSupportTypeCode: r.care_support_type_code,
    decisionId: r.decision_id,
    decisionNumber: r.decision_number,
  }));
}

/**
 * Inserts a period. The database's EXCLUDE constraint (23P01) is the last guard against two
 * periods of one person over the same month: FAILED_PRECONDITION naming citizen_id.
 */
export async function insertPeriod(client: pg.PoolClient, p: PeriodRow): Promise<void> {
  const upper = p.toMonth === null ? null : `${addMonths(p.toMonth, 1)}-01`;
  try {
    await client.query(
      `INSERT INTO entitlement_period (id, case_id, citizen_id, kind, months, suspended,
         category_codes, disability_level, care_support_type_code, decision_id)
       VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[)'), $7, $8, $9, $10, $11)`,
      [
        p.id,
        p.caseId,
        p.citizenId,
        p.kind,
        `${p.fromMonth}-01`,
        upper,
        p.suspended,
        p.categoryCodes,
        p.disabilityLevel,
        p.careSupportTypeCode,
        p.decisionId,
      ],
    );
  } catch (err) {
    if (!isPgError(err, '23P01')) throw err;
    throw new FailedPreconditionError(
      'citizen_id: already has an allowance for these months under another case',
    );
  }
}
