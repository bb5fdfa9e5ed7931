/** SQL of merge proposals and dismissed pairs (explicit; callers own the transaction). */
import type pg from 'pg';
import type { ChangeActor } from '../store/household-writes';
import type { FieldDifference } from './merge-diff';
import type { MergeStatus } from './merge-access';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Who acts, for which unit, from where, when and why. */
/** Who writes, from where and why: the same stamp as every registry write. */
export type QualityActor = ChangeActor;

export interface StoredProposal {
  id: string;
  keptMemberId: string;
  mergedMemberId: string;
  communeCode: string;
  provinceCode: string;
  status: MergeStatus;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** Filled in by the caller from the members (not stored). */
  differences?: FieldDifference[];
}

const PROPOSAL_COLUMNS = `id, kept_member_id AS "keptMemberId", merged_member_id AS "mergedMemberId",
  commune_code AS "communeCode", province_code AS "provinceCode", status, reason,
  proposed_by AS "proposedBy", proposed_at AS "proposedAt", decided_by AS "decidedBy",
  decided_at AS "decidedAt", decision_reason AS "decisionReason"`;

/** Inserts a proposal; false when the pair already has an open one. */
export async function insertProposal(
  db: Queryable,
  p: {
    id: string;
    keptMemberId: string;
    mergedMemberId: string;
    communeCode: string;
    provinceCode: string;
  },
  actor: QualityActor,
  at: Date,
): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO member_merge (id, kept_member_id, merged_member_id, commune_code, province_code,
       status, reason, proposed_by, proposed_unit_code, proposed_from, proposed_at)
     VALUES ($1, $2, $3, $4, $5, 'proposed', $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING`,
    [
      p.id,
      p.keptMemberId,
      p.mergedMemberId,
      p.communeCode,
      p.provinceCode,
      actor.reason,
      actor.actorId,
      actor.actorUnitCode,
      actor.sourceAddress,
      at,
    ],
  );
  return res.rowCount === 1;
}

/** The proposal, locked FOR UPDATE when `lock` (inside a transaction). */
export async function findProposal(
  db: Queryable,
  id: string,
  lock = false,
): Promise<StoredProposal | undefined> {
  const res = await db.query<StoredProposal>(
    `SELECT ${PROPOSAL_COLUMNS} FROM member_merge WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0];
}

export async function decideProposal(
  db: Queryable,
  id: string,
  status: 'confirmed' | 'rejected',
  actor: QualityActor,
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE member_merge SET status = $2, decided_by = $3, decided_unit_code = $4,
       decided_from = $5, decided_at = $6, decision_reason = $7
     WHERE id = $1 AND status = 'proposed'`,
    [id, status, actor.actorId, actor.actorUnitCode, actor.sourceAddress, at, actor.reason],
  );
}

export interface ProposalFilter {
  communeCode?: string;
  provinceCode?: string;
  status?: MergeStatus;
  limit: number;
}

/** Proposals of a unit, newest first. */
export async function listProposals(db: Queryable, f: ProposalFilter): Promise<StoredProposal[]> {
  const res = await db.query<StoredProposal>(
    `SELECT ${PROPOSAL_COLUMNS} FROM member_merge
     WHERE ($1::text IS NULL OR commune_code = $1) AND ($2::text IS NULL OR province_code = $2)
       AND ($3::text IS NULL OR status = $3)
     ORDER BY proposed_at DESC, id LIMIT $4`,
    [f.communeCode ?? null, f.provinceCode ?? null, f.status ?? null, f.limit],
  );
  return res.rows;
}

/** Records the pair as two different people (a second dismissal changes nothing). */
export async function insertDismissal(
  db: Queryable,
  firstMemberId: string,
  secondMemberId: string,
  actor: QualityActor,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO member_pair_dismissal (low_member_id, high_member_id, reason, dismissed_by,
       dismissed_unit_code, dismissed_from, dismissed_at)
     VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING`,
    [
      firstMemberId,
      secondMemberId,
      actor.reason,
      actor.actorId,
      actor.actorUnitCode,
      actor.sourceAddress,
      at,
    ],
  );
}
