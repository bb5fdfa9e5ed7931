/**
 * The merge workflow's writes, each one transaction: propose, confirm (mark the absorbed member
 * merged into the kept one, change-log rows in both households, MembersMerged to the outbox),
 * reject, and dismiss a pair.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Principal, UnitTree } from '@posa/auth';
import { appendToOutbox, withTransaction } from '@posa/db';
import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError } from '@posa/platform';
import type { MemberRecord } from '../domain/household-state';
import { membersMergedEvent } from '../events/household-events';
import { findMembers } from '../store/household-store';
import { isLive } from './candidate-rules';
import { findPersons, isUuid } from './candidate-store';
import { bumpHousehold, lockHouseholds, nextInstant } from './household-bump';
import {
  assertCanDecide,
  assertCanDismiss,
  assertCanPropose,
  visibleProposal,
} from './merge-access';
import { mergeDifferences } from './merge-diff';
import {
  decideProposal,
  findProposal,
  insertDismissal,
  insertProposal,
  type QualityActor,
  type StoredProposal,
} from './merge-store';
import { insertQualityChange, markMerged } from './member-quality-store';

type Db = pg.Pool | pg.PoolClient;

function requireId(id: string, field: string): void {
  if (!isUuid(id)) throw new InvalidArgumentError(field, 'is not a member id');
}

/** The full records of two members (for the differences of a proposal). */
async function memberRecords(
  db: Db,
  householdIds: readonly string[],
): Promise<Map<string, MemberRecord>> {
  const records = new Map<string, MemberRecord>();
  for (const id of new Set(householdIds)) {
    for (const m of await findMembers(db, id)) records.set(m.id, m);
  }
  return records;
}

/** The proposal with the differences of its two members filled in. */
export async function withDifferences(db: Db, p: StoredProposal): Promise<StoredProposal> {
  const persons = await findPersons(db, [p.keptMemberId, p.mergedMemberId]);
  const kept = persons.get(p.keptMemberId);
  const merged = persons.get(p.mergedMemberId);
  if (kept === undefined || merged === undefined) return { ...p, differences: [] };
  const records = await memberRecords(db, [kept.householdId, merged.householdId]);
  const k = records.get(p.keptMemberId);
  const m = records.get(p.mergedMemberId);
  return { ...p, differences: k && m ? mergeDifferences(k, m) : [] };
}

export async function proposeMerge(
  pool: pg.Pool,
  principal: Principal,
  request: { keptMemberId: string; mergedMemberId: string },
  actor: QualityActor,
): Promise<StoredProposal> {
  requireId(request.keptMemberId, 'kept_member_id');
  requireId(request.mergedMemberId, 'merged_member_id');
  if (request.keptMemberId === request.mergedMemberId) {
    throw new InvalidArgumentError('merged_member_id', 'must differ from kept_member_id');
  }
  return withTransaction(pool, async (client) => {
    const persons = await findPersons(client, [request.keptMemberId, request.mergedMemberId]);
    const { kept } = assertCanPropose(
      principal,
      { id: request.keptMemberId, person: persons.get(request.keptMemberId) },
      { id: request.mergedMemberId, person: persons.get(request.mergedMemberId) },
    );
    const id = randomUUID();
    const at = new Date();
    const fresh = {
      ...request,
      id,
      communeCode: kept.communeCode,
      provinceCode: kept.provinceCode,
    };
    if (!(await insertProposal(client, fresh, actor, at))) {
      throw new AlreadyExistsError('the pair already has an open merge proposal');
    }
    return withDifferences(client, (await findProposal(client, id))!);
  });
}

export async function rejectMerge(
  pool: pg.Pool,
  principal: Principal,
  tree: UnitTree,
  mergeId: string,
  actor: QualityActor,
): Promise<StoredProposal> {
  return withTransaction(pool, async (client) => {
    const found = isUuid(mergeId) ? await findProposal(client, mergeId, true) : undefined;
    const proposal = visibleProposal(principal, mergeId, found, tree);
    assertCanDecide(principal, proposal, 'reject');
    await decideProposal(client, proposal.id, 'rejected', actor, new Date());
    return withDifferences(client, (await findProposal(client, mergeId))!);
  });
}

export async function confirmMerge(
  pool: pg.Pool,
  principal: Principal,
  tree: UnitTree,
  mergeId: string,
  actor: QualityActor,
): Promise<StoredProposal> {
  return withTransaction(pool, async (client) => {
    const found = isUuid(mergeId) ? await findProposal(client, mergeId, true) : undefined;
    const proposal = visibleProposal(principal, mergeId, found, tree);
    assertCanDecide(principal, proposal, 'confirm');
    const { keptMemberId, mergedMemberId } = proposal;
    const before = await findPersons(client, [keptMemberId, mergedMemberId]);
    const householdIds = [...before.values()].map((p) => p.householdId);
    const households = await lockHouseholds(client, householdIds);
    // Re-read under the household locks: a move, death or other merge may have come first.
    const persons = await findPersons(client, [keptMemberId, mergedMemberId]);
    const kept = persons.get(keptMemberId);
    const merged = persons.get(mergedMemberId);
    if (!kept || !merged || !isLive(kept) || !isLive(merged)) {
      throw new FailedPreconditionError('a member of the proposal is no longer live: reject it');
    }
    if (!households.has(kept.householdId) || !households.has(merged.householdId)) {
      throw new FailedPreconditionError('a member of the proposal moved meanwhile: try again');
    }
    if (kept.communeCode !== proposal.communeCode || merged.communeCode !== proposal.communeCode) {
      throw new FailedPreconditionError('a member of the proposal has left the commune: reject it');
    }
    const records = await memberRecords(client, [kept.householdId, merged.householdId]);
    const keptRecord = records.get(keptMemberId)!;
    const mergedRecord = records.get(mergedMemberId)!;
    const differences = mergeDifferences(keptRecord, mergedRecord);
    const at = nextInstant(households.values());
    await markMerged(client, mergedMemberId, keptMemberId, at);
    await insertQualityChange(
      client,
      {
        householdId: merged.householdId,
        memberId: mergedMemberId,
        kind: 'member_merged',
        at,
        before: mergedRecord,
        after: { ...mergedRecord, mergedInto: keptMemberId, mergeId },
      },
      actor,
    );
    await insertQualityChange(
      client,
      {
        householdId: kept.householdId,
        memberId: keptMemberId,
        kind: 'member_merged',
        at,
        before: keptRecord,
        after: { ...keptRecord, absorbedMemberId: mergedMemberId, mergeId, differences },
      },
      actor,
    );
    const next = new Map<string, Awaited<ReturnType<typeof bumpHousehold>>>();
    for (const [id, h] of households) next.set(id, await bumpHousehold(client, h, at, actor));
    await decideProposal(client, mergeId, 'confirmed', actor, new Date(at));
    await appendToOutbox(client, [
      membersMergedEvent(
        { id: mergeId, keptMemberId, mergedMemberId },
        next.get(kept.householdId)!,
        next.get(merged.householdId)!,
        { ...actor, at: new Date(at) },
      ),
    ]);
    return { ...(await findProposal(client, mergeId))!, differences };
  });
}

export async function dismissPair(
  pool: pg.Pool,
  principal: Principal,
  tree: UnitTree,
  request: { firstMemberId: string; secondMemberId: string },
  actor: QualityActor,
): Promise<void> {
  requireId(request.firstMemberId, 'first_member_id');
  requireId(request.secondMemberId, 'second_member_id');
  if (request.firstMemberId === request.secondMemberId) {
    throw new InvalidArgumentError('second_member_id', 'must differ from first_member_id');
  }
  await withTransaction(pool, async (client) => {
    const persons = await findPersons(client, [request.firstMemberId, request.secondMemberId]);
    assertCanDismiss(
      principal,
      { id: request.firstMemberId, person: persons.get(request.firstMemberId) },
      { id: request.secondMemberId, person: persons.get(request.secondMemberId) },
      tree,
    );
    await insertDismissal(client, request.firstMemberId, request.secondMemberId, actor, new Date());
  });
}
