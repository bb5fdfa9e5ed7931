/**
 * Writes of identity quality on the member and the change log: the merge mark, the stored
 * result of a population-database verification, and change-log rows of the kinds this step
 * adds (member_merged, member_verified). Callers run them in their one transaction.
 */
import type pg from 'pg';
import type { VerifiedField } from '@posa/population';
import { insertChangeRow } from '../store/household-writes';
import type { QualityActor } from './merge-store';

export type QualityChangeKind = 'member_merged' | 'member_verified';

export async function markMerged(
  client: pg.PoolClient,
  mergedMemberId: string,
  keptMemberId: string,
  at: string,
): Promise<void> {
  await client.query(
    `UPDATE member SET merged_into_member_id = $2, updated_at = $3 WHERE id = $1`,
    [mergedMemberId, keptMemberId, at],
  );
}

export async function storeVerification(
  client: pg.PoolClient,
  memberId: string,
  result: { outcome: 'match' | 'mismatch' | 'not_found'; mismatchedFields: VerifiedField[] },
  at: string,
): Promise<void> {
  await client.query(
    `UPDATE member SET population_verified_at = $2, population_outcome = $3,
       population_mismatched_fields = $4, updated_at = $2
     WHERE id = $1`,
    [memberId, at, result.outcome, result.mismatchedFields],
  );
}

export async function insertQualityChange(
  client: pg.PoolClient,
  change: {
    householdId: string;
    memberId: string;
    kind: QualityChangeKind;
    at: string;
    before: object;
    after: object;
  },
  actor: QualityActor,
): Promise<void> {
  await insertChangeRow(client, change, actor);
}
