/** SQL of complaints (migrations/0005_complaints.sql). */
import type pg from 'pg';
import type { PageKey } from '../online/page-token';
import { SqlConditions } from '../store/sql-conditions';
import type { Queryable } from '../store/policy-store';
import type { ComplaintRow, ComplaintStatus } from './complaint-record';

const COLUMNS = `
  id, tracking_code, source, subject_kind, subject_id, managing_unit_code, province_code,
  complainant_name, complainant_citizen_id, complainant_phone, content, status, answer,
  received_at, received_on::text AS received_on, due_on::text AS due_on, answered_at,
  closed_at, source_digest, filed_by, version, updated_at`;

interface SqlRow {
  id: string;
  tracking_code: string;
  source: ComplaintRow['source'];
  subject_kind: ComplaintRow['subjectKind'];
  subject_id: string | null;
  managing_unit_code: string;
  province_code: string;
  complainant_name: string;
  complainant_citizen_id: string | null;
  complainant_phone: string | null;
  content: string;
  status: ComplaintStatus;
  answer: string | null;
  received_at: Date;
  received_on: string;
  due_on: string;
  answered_at: Date | null;
  closed_at: Date | null;
  source_digest: string;
  filed_by: string;
  version: number;
  updated_at: Date;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function rowOf(r: SqlRow): ComplaintRow {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    source: r.source,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    managingUnitCode: r.managing_unit_code,
    provinceCode: r.province_code,
    complainantName: r.complainant_name,
    complainantCitizenId: r.complainant_citizen_id,
    complainantPhone: r.complainant_phone,
    content: r.content,
    status: r.status,
    answer: r.answer,
    receivedAt: r.received_at.toISOString(),
    receivedOn: r.received_on,
    dueOn: r.due_on,
    answeredAt: iso(r.answered_at),
    closedAt: iso(r.closed_at),
    sourceDigest: r.source_digest,
    filedBy: r.filed_by,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function insertComplaint(client: pg.PoolClient, c: ComplaintRow): Promise<void> {
  await client.query(
    `INSERT INTO complaint (id, tracking_code, source, subject_kind, subject_id,
       managing_unit_code, province_code, complainant_name, complainant_citizen_id,
       complainant_phone, content, status, answer, received_at, received_on, due_on,
       answered_at, closed_at, source_digest, filed_by, version, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
    [
      c.id,
      c.trackingCode,
      c.source,
      c.subjectKind,
      c.subjectId,
      c.managingUnitCode,
      c.provinceCode,
      c.complainantName,
      c.complainantCitizenId,
      c.complainantPhone,
      c.content,
      c.status,
      c.answer,
      c.receivedAt,
      c.receivedOn,
      c.dueOn,
      c.answeredAt,
      c.closedAt,
      c.sourceDigest,
      c.filedBy,
      c.version,
      c.updatedAt,
    ],
  );
}

/** Writes the changed fields of a locked complaint (the caller checked the version). */
export async function updateComplaint(client: pg.PoolClient, c: ComplaintRow): Promise<void> {
  await client.query(
    `UPDATE complaint SET managing_unit_code = $2, province_code = $3, status = $4, answer = $5,
            answered_at = $6, closed_at = $7, version = $8, updated_at = $9
      WHERE id = $1`,
    [
      c.id,
      c.managingUnitCode,
      c.provinceCode,
      c.status,
      c.answer,
      c.answeredAt,
      c.closedAt,
      c.version,
      c.updatedAt,
    ],
  );
}

export async function complaintCodeTaken(db: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM complaint WHERE tracking_code = $1', [code]);
  return (rowCount ?? 0) > 0;
}

export async function loadComplaint(
  db: Queryable,
  id: string,
  lock = false,
): Promise<ComplaintRow | undefined> {
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM complaint WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] === undefined ? undefined : rowOf(rows[0]);
}

export async function findComplaintByCode(
  db: Queryable,
  code: string,
): Promise<ComplaintRow | undefined> {
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM complaint WHERE tracking_code = $1`,
    [code],
  );
  return rows[0] === undefined ? undefined : rowOf(rows[0]);
}

export interface ComplaintFilter {
  communeCode?: string;
  provinceCode?: string;
  status?: ComplaintStatus;
  /** Only open complaints due before this date (YYYY-MM-DD). */
  overdueOn?: string;
  after?: PageKey;
  limit: number;
}

/** Newest first, keyset paged on (received_at, id). */
export async function listComplaints(db: Queryable, f: ComplaintFilter): Promise<ComplaintRow[]> {
  const c = new SqlConditions();
  c.equals('managing_unit_code', f.communeCode);
  c.equals('province_code', f.provinceCode);
  c.equals('status', f.status);
  if (f.overdueOn !== undefined)
    c.add(`status = 'open' AND due_on < ${c.param(f.overdueOn)}::date`);
  c.receivedBefore(f.after);
  const { rows } = await db.query<SqlRow>(
    `SELECT ${COLUMNS} FROM complaint${c.where()}
      ORDER BY received_at DESC, id DESC LIMIT ${c.param(f.limit)}`,
    c.params,
  );
  return rows.map(rowOf);
}

/** Citizen complaints stored for the citizen ID in 24 hours and from the source in one hour. */
export async function recentCitizenComplaints(
  db: Queryable,
  citizenId: string,
  sourceDigest: string,
  now: Date,
): Promise<{ byCitizen: number; bySource: number }> {
  const { rows } = await db.query<{ by_citizen: string; by_source: string }>(
    `SELECT
       (SELECT count(*) FROM complaint WHERE source = 'citizen' AND complainant_citizen_id = $1
           AND received_at > $3::timestamptz - interval '24 hours') AS by_citizen,
       (SELECT count(*) FROM complaint WHERE source = 'citizen' AND source_digest = $2
           AND received_at > $3::timestamptz - interval '1 hour') AS by_source`,
    [citizenId, sourceDigest, now.toISOString()],
  );
  return { byCitizen: Number(rows[0]?.by_citizen ?? 0), bySource: Number(rows[0]?.by_source ?? 0) };
}

export interface ComplaintStep {
  complaintId: string;
  step: 'filed' | 'answered' | 'closed' | 'rerouted';
  actorId: string;
  actorUnitCode: string;
  at: string;
  fromUnitCode: string | null;
  toUnitCode: string | null;
  note: string | null;
}

export async function appendComplaintStep(db: Queryable, s: ComplaintStep): Promise<void> {
  await db.query(
    `INSERT INTO complaint_step (complaint_id, step, actor_id, actor_unit_code, at, from_unit_code,
       to_unit_code, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.complaintId, s.step, s.actorId, s.actorUnitCode, s.at, s.fromUnitCode, s.toUnitCode, s.note],
  );
}
