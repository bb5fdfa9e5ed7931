/** SQL of online applications (migrations/0004_online_applications.sql). */
import type pg from 'pg';
import type { Queryable } from '../store/policy-store';
import type { ApplicationStatus } from './citizen-status';
import type { OnlineApplicationRow } from './online-record';
import { SqlConditions } from '../store/sql-conditions';
import type { PageKey } from './page-token';

const COLUMNS = `
  id, tracking_code, kind, status, commune_code, province_code, full_name, birth_year,
  birth_month, birth_day, sex, citizen_id, phone, email, street_address, filed_by_name,
  filed_by_relation, circumstances, suggested_category_code, payment_channel, bank_code,
  account_number, source_digest, received_at, received_on::text AS received_on,
  due_on::text AS due_on, case_id, decline_reason, decided_by, decided_at, updated_at`;

interface SqlRow {
  id: string;
  tracking_code: string;
  kind: OnlineApplicationRow['kind'];
  status: ApplicationStatus;
  commune_code: string;
  province_code: string;
  full_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  sex: 'male' | 'female';
  citizen_id: string;
  phone: string;
  email: string | null;
  street_address: string;
  filed_by_name: string | null;
  filed_by_relation: string | null;
  circumstances: string;
  suggested_category_code: string | null;
  payment_channel: OnlineApplicationRow['paymentChannel'];
  bank_code: string | null;
  account_number: string | null;
  source_digest: string;
  received_at: Date;
  received_on: string;
  due_on: string;
  case_id: string | null;
  decline_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  updated_at: Date;
}

function rowOf(r: SqlRow): OnlineApplicationRow {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    kind: r.kind,
    status: r.status,
    applicant: {
      fullName: r.full_name,
      birthYear: r.birth_year,
      birthMonth: r.birth_month,
      birthDay: r.birth_day,
      sex: r.sex,
      citizenId: r.citizen_id,
      phone: r.phone,
      email: r.email,
      communeCode: r.commune_code,
      provinceCode: r.province_code,
      streetAddress: r.street_address,
    },
    filedByName: r.filed_by_name,
    filedByRelation: r.filed_by_relation,
    circumstances: r.circumstances,
    suggestedCategoryCode: r.suggested_category_code,
    paymentChannel: r.payment_channel,
    bankCode: r.bank_code,
    accountNumber: r.account_number,
    sourceDigest: r.source_digest,
    receivedAt: r.received_at.toISOString(),
    receivedOn: r.received_on,
    dueOn: r.due_on,
    caseId: r.case_id,
    declineReason: r.decline_reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at === null ? null : r.decided_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function insertApplication(
  client: pg.PoolClient,
  a: OnlineApplicationRow,
): Promise<void> {
  const p = a.applicant;
  await client.query(
    `INSERT INTO online_application (
       id, tracking_code, kind, status, commune_code, province_code, full_name, birth_year,
       birth_month, birth_day, sex, citizen_id, phone, email, street_address, filed_by_name,
       filed_by_relation, circumstances, suggested_category_code, payment_channel, bank_code,
       account_number, source_digest, received_at, received_on, due_on, case_id,
       decline_reason, decided_by, decided_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,
             $24,$25,$26,$27,$28,$29,$30,$31)`,
    [
      a.id,
      a.trackingCode,
      a.kind,
      a.status,
      p.communeCode,
      p.provinceCode,
      p.fullName,
      p.birthYear,
      p.birthMonth,
      p.birthDay,
      p.sex,
      p.citizenId,
      p.phone,
      p.email,
      p.streetAddress,
      a.filedByName,
      a.filedByRelation,
      a.circumstances,
      a.suggestedCategoryCode,
      a.paymentChannel,
      a.bankCode,
      a.accountNumber,
      a.sourceDigest,
      a.receivedAt,
      a.receivedOn,
      a.dueOn,
      a.caseId,
      a.declineReason,
      a.decidedBy,
      a.decidedAt,
      a.updatedAt,
    ],
  );
}

export async function trackingCodeTaken(db: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM online_application WHERE tracking_code = $1', [
    code,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function findByTrackingCode(
  db: Queryable,
  code: string,
): Promise<OnlineApplicationRow | undefined> {
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM online_application WHERE tracking_code = $1`,
    [code],
  );
  return rows[0] === undefined ? undefined : rowOf(rows[0]);
}

/** The application, locked for the rest of the transaction when `lock` is set. */
export async function loadApplication(
  db: Queryable,
  id: string,
  lock = false,
): Promise<OnlineApplicationRow | undefined> {
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM online_application WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] === undefined ? undefined : rowOf(rows[0]);
}

export interface ApplicationFilter {
  communeCode?: string;
  provinceCode?: string;
  status?: ApplicationStatus;
  after?: PageKey;
  limit: number;
}

/** Newest first, keyset paged on (received_at, id). */
export async function listApplications(
  db: Queryable,
  f: ApplicationFilter,
): Promise<OnlineApplicationRow[]> {
  const c = new SqlConditions();
  c.equals('commune_code', f.communeCode);
  c.equals('province_code', f.provinceCode);
  c.equals('status', f.status);
  c.receivedBefore(f.after);
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM online_application${c.where()}
      ORDER BY received_at DESC, id DESC LIMIT ${c.param(f.limit)}`,
    c.params,
  );
  return rows.map(rowOf);
}

/** accepted (with the case) or declined (with the reason), by whom and when. */
export async function recordOutcome(
  client: pg.PoolClient,
  id: string,
  outcome: { status: 'accepted'; caseId: string } | { status: 'declined'; reason: string },
  actorId: string,
  at: string,
): Promise<OnlineApplicationRow> {
  const { rows } = await client.query<SqlRow>(
    `UPDATE online_application
        SET status = $2, case_id = $3, decline_reason = $4, decided_by = $5, decided_at = $6,
            updated_at = $6
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      outcome.status,
      outcome.status === 'accepted' ? outcome.caseId : null,
      outcome.status === 'declined' ? outcome.reason : null,
      actorId,
      at,
    ],
  );
  return rowOf(rows[0] as SqlRow);
}

export interface ApplicationStep {
  applicationId: string;
  step: 'received' | 'accepted' | 'declined' | 'attachment_read';
  actorId: string;
  actorUnitCode: string;
  at: string;
  note: string | null;
}

export async function appendApplicationStep(db: Queryable, s: ApplicationStep): Promise<void> {
  await db.query(
    `INSERT INTO online_application_step (application_id, step, actor_id, actor_unit_code, at, note)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.applicationId, s.step, s.actorId, s.actorUnitCode, s.at, s.note],
  );
}
