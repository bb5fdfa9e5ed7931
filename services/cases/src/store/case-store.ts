/**
 * SQL of social_case and case_step: load (optionally locked), insert, the versioned update of
 * every change (bumpVersion) and the step log. Decisions and periods are in decision-store.ts.
 */
import { status } from '@grpc/grpc-js';
import type pg from 'pg';
import { DomainError, InvalidArgumentError } from '@posa/platform';
import type { CaseRow, FlagRow, StepRow } from '../domain/case-record';
import { CASE_COLUMNS, caseOf, valuesOf, type CaseSqlRow } from './case-columns';

export { CASE_COLUMNS, caseOf, type CaseSqlRow } from './case-columns';
export { insertDecision, insertPeriod, loadDecisions, loadPeriods } from './decision-store';

/** A pool or a client inside a transaction. */
export type Db = pg.Pool | pg.PoolClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** INVALID_ARGUMENT naming `field` unless `id` is a uuid (before it reaches SQL). */
export function checkCaseId(id: string, field = 'case_id'): string {
  if (!UUID.test(id)) throw new InvalidArgumentError(field, 'must be a case id (uuid)');
  return id.toLowerCase();
}

export async function loadCase(db: Db, id: string): Promise<CaseRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const res = await db.query<CaseSqlRow>(`SELECT ${CASE_COLUMNS} FROM social_case WHERE id = $1`, [
    id,
  ]);
  return res.rows[0] === undefined ? undefined : caseOf(res.rows[0]);
}

/** The case locked for the rest of the transaction (FOR UPDATE). */
export async function loadCaseForUpdate(
  client: pg.PoolClient,
  id: string,
): Promise<CaseRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const res = await client.query<CaseSqlRow>(
    `SELECT ${CASE_COLUMNS} FROM social_case WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return res.rows[0] === undefined ? undefined : caseOf(res.rows[0]);
}

/** The case filed before with this request id in the commune (idempotent filing). */
export async function findCaseByRequest(
  db: Db,
  communeCode: string,
  requestId: string,
): Promise<CaseRow | undefined> {
  const res = await db.query<CaseSqlRow>(
    `SELECT ${CASE_COLUMNS} FROM social_case WHERE commune_code = $1 AND request_id = $2`,
    [communeCode, requestId],
  );
  return res.rows[0] === undefined ? undefined : caseOf(res.rows[0]);
}

/** Next case code of the commune and year: TC-<commune>-<year>-<6 digits>. */
export async function issueCaseCode(
  client: pg.PoolClient,
  communeCode: string,
  year: number,
): Promise<string> {
  const res = await client.query<{ last_value: number }>(
    `INSERT INTO case_code_sequence (commune_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (commune_code, year)
     DO UPDATE SET last_value = case_code_sequence.last_value + 1
     RETURNING last_value`,
    [communeCode, year],
  );
  const n = res.rows[0]!.last_value;
  return `TC-${communeCode}-${year}-${String(n).padStart(6, '0')}`;
}

export async function insertCase(client: pg.PoolClient, c: CaseRow): Promise<void> {
  await client.query(
    `INSERT INTO social_case (id, code, kind, status, commune_code, province_code, member_id,
       household_id, full_name, birth_year, birth_month, birth_day, sex, citizen_id,
       category_codes, disability_level, care_support_type_code, payment_channel, bank_code,
       account_number, application_date, channel, documents, missing_items, procedure_code,
       proposed_month, appraisal_opinion, population_check, step_due_on,
       transferred_from_case_id, request_id, created_by, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)`,
    valuesOf(c),
  );
}

/** An instant strictly after the previous change, so the step log order is the time order. */
export function nextInstant(previousIso: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previousIso) + 1)).toISOString();
}

/** ABORTED: another change came first (optimistic concurrency). */
export class VersionConflictError extends DomainError {
  constructor(caseId: string, actual: number, expected: number) {
    super(status.ABORTED, `case ${caseId} is at version ${actual}, not ${expected}: reload it`);
  }
}

/**
 * The versioned write of every change: checks `expectedVersion` against the (locked) row,
 * applies `changes`, bumps version and updated_at and writes the row. Returns the new row.
 */
export async function bumpVersion(
  client: pg.PoolClient,
  caseRow: CaseRow,
  expectedVersion: number,
  changes: Partial<Omit<CaseRow, 'id' | 'version' | 'updatedAt' | 'createdAt'>> = {},
): Promise<CaseRow> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new InvalidArgumentError('expected_version', 'is required');
  }
  if (caseRow.version !== expectedVersion) {
    throw new VersionConflictError(caseRow.id, caseRow.version, expectedVersion);
  }
  const next: CaseRow = {
    ...caseRow,
    ...changes,
    version: caseRow.version + 1,
    updatedAt: nextInstant(caseRow.updatedAt),
  };
  const res = await client.query(
    `UPDATE social_case SET code = $2, kind = $3, status = $4, commune_code = $5,
       province_code = $6, member_id = $7, household_id = $8, full_name = $9, birth_year = $10,
       birth_month = $11, birth_day = $12, sex = $13, citizen_id = $14, category_codes = $15,
       disability_level = $16, care_support_type_code = $17, payment_channel = $18,
       bank_code = $19, account_number = $20, application_date = $21, channel = $22,
       documents = $23, missing_items = $24, procedure_code = $25, proposed_month = $26,
       appraisal_opinion = $27, population_check = $28, step_due_on = $29,
       transferred_from_case_id = $30, request_id = $31, created_by = $32, version = $33,
       created_at = $34, updated_at = $35
     WHERE id = $1 AND version = $36`,
    [...valuesOf(next), caseRow.version],
  );
  if (res.rowCount !== 1) throw new VersionConflictError(caseRow.id, -1, expectedVersion);
  return next;
}

export interface NewStep {
  caseId: string;
  step: string;
  actorId: string;
  actorUnitCode: string;
  /** ISO instant, usually the updated_at of the change. */
  at: string;
  note: string | null;
}

/** Appends one step to the case's log (never updated, never deleted). */
export async function appendStep(client: pg.PoolClient, s: NewStep): Promise<void> {
  await client.query(
    `INSERT INTO case_step (case_id, step, actor_id, actor_unit_code, at, note)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.caseId, s.step, s.actorId, s.actorUnitCode, s.at, s.note === '' ? null : s.note],
  );
}

export async function loadSteps(db: Db, caseId: string): Promise<StepRow[]> {
  const res = await db.query<{
    step: string;
    actor_id: string;
    actor_unit_code: string;
    at: Date;
    note: string | null;
  }>(
    `SELECT step, actor_id, actor_unit_code, at, note FROM case_step WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return res.rows.map((r) => ({
    step: r.step,
    actorId: r.actor_id,
    actorUnitCode: r.actor_unit_code,
    at: r.at.toISOString(),
    note: r.note,
  }));
}

/** Review flags of the case (table review_flag of migration 0003), oldest first. */
export async function loadFlags(db: Db, caseId: string): Promise<FlagRow[]> {
  const res = await db.query<{
    id: string;
    reason: string;
    raised_at: Date;
    resolution: string | null;
    resolved_at: Date | null;
  }>(
    `SELECT id::text AS id, reason, raised_at, resolution, resolved_at FROM review_flag
     WHERE case_id = $1 ORDER BY raised_at, id`,
    [caseId],
  );
  return res.rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    raisedAt: r.raised_at.toISOString(),
    resolution: r.resolution,
    resolvedAt: r.resolved_at === null ? null : r.resolved_at.toISOString(),
  }));
}
