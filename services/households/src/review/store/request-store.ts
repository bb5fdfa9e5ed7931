/**
 * A household's review requests (form 01 / form 04) as the request list and the written
 * refusal see them (migrations 0007 and 0010). Recording and pulling into a round are in
 * listing-store.ts.
 */
import type pg from 'pg';
import { isUuid } from './round-store';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export type RequestStatus = 'pending' | 'in_round' | 'refused';

export interface RequestRefusal {
  documentNumber: string;
  refusedOn: string;
  reason: string;
  signer: string;
  refusedBy: string;
}

export interface ReviewRequestRecord {
  id: string;
  householdId: string;
  householdCode: string;
  communeCode: string;
  year: number;
  form: '01' | '04';
  receivedOn: string;
  note: string;
  roundId: string | null;
  refusal: RequestRefusal | null;
}

export function statusOfRequest(r: ReviewRequestRecord): RequestStatus {
  if (r.refusal !== null) return 'refused';
  return r.roundId === null ? 'pending' : 'in_round';
}

const COLUMNS = `r.id, r.household_id, h.code AS household_code, r.commune_code, r.year, r.form,
  r.received_on::text AS received_on, r.note, r.round_id, r.refusal_document_number,
  r.refused_on::text AS refused_on, r.refusal_reason, r.refusal_signer, r.refused_by`;

interface RequestRow {
  id: string;
  household_id: string;
  household_code: string;
  commune_code: string;
  year: number;
  form: '01' | '04';
  received_on: string;
  note: string;
  round_id: string | null;
  refusal_document_number: string | null;
  refused_on: string | null;
  refusal_reason: string | null;
  refusal_signer: string | null;
  refused_by: string | null;
}

function requestOf(r: RequestRow): ReviewRequestRecord {
  return {
    id: r.id,
    householdId: r.household_id,
    householdCode: r.household_code,
    communeCode: r.commune_code,
    year: r.year,
    form: r.form,
    receivedOn: r.received_on,
    note: r.note,
    roundId: r.round_id,
    refusal:
      r.refused_on === null
        ? null
        : {
            documentNumber: r.refusal_document_number!,
            refusedOn: r.refused_on,
            reason: r.refusal_reason!,
            signer: r.refusal_signer!,
            refusedBy: r.refused_by!,
          },
  };
}

/** The request, locked for the caller's transaction when `forUpdate`. */
export async function findRequest(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<ReviewRequestRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<RequestRow>(
    `SELECT ${COLUMNS} FROM review_request r JOIN household h ON h.id = r.household_id
      WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] && requestOf(rows[0]);
}

export interface RequestFilter {
  communeCode?: string;
  provinceCode?: string;
  year?: number;
  status?: RequestStatus;
}

/** Requests newest received first, after the (received_on, id) position `after`. */
export async function listRequests(
  db: Queryable,
  f: RequestFilter,
  limit: number,
  after?: { receivedOn: string; id: string },
): Promise<ReviewRequestRecord[]> {
  const { rows } = await db.query<RequestRow>(
    `SELECT ${COLUMNS} FROM review_request r JOIN household h ON h.id = r.household_id
      WHERE ($1::text IS NULL OR r.commune_code = $1)
        AND ($2::text IS NULL OR h.province_code = $2)
        AND ($3::int IS NULL OR r.year = $3)
        AND ($4::text IS NULL
             OR ($4 = 'refused' AND r.refused_on IS NOT NULL)
             OR ($4 = 'in_round' AND r.round_id IS NOT NULL)
             OR ($4 = 'pending' AND r.round_id IS NULL AND r.refused_on IS NULL))
        AND ($5::date IS NULL OR (r.received_on, r.id) < ($5, $6::uuid))
      ORDER BY r.received_on DESC, r.id DESC
      LIMIT $7`,
    [
      f.communeCode ?? null,
      f.provinceCode ?? null,
      f.year ?? null,
      f.status ?? null,
      after?.receivedOn ?? null,
      after?.id ?? null,
      limit,
    ],
  );
  return rows.map(requestOf);
}

/** Records the refusal of a pending request (the caller holds its row lock). */
export async function refuseRequest(
  db: Queryable,
  id: string,
  refusal: RequestRefusal,
): Promise<void> {
  await db.query(
    `UPDATE review_request SET refusal_document_number = $2, refused_on = $3,
       refusal_reason = $4, refusal_signer = $5, refused_by = $6
     WHERE id = $1 AND round_id IS NULL AND refused_on IS NULL`,
    [
      id,
      refusal.documentNumber,
      refusal.refusedOn,
      refusal.reason,
      refusal.signer,
      refusal.refusedBy,
    ],
  );
}
