/**
 * VerifyMember: ask the population database (CSDL quốc gia về dân cư) about a member, then
 * store the result on the member with a change-log row, the household's version raised and a
 * HouseholdChanged event, in one transaction. The lookup runs before the transaction (no lock
 * is held while the registry answers); `unavailable` stores nothing and gives UNAVAILABLE.
 */
import type pg from 'pg';
import type { Principal } from '@posa/auth';
import { appendToOutbox, withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  PermissionDeniedError,
  UnavailableError,
} from '@posa/platform';
import type { BirthDate, MemberRecord } from '../domain/household-state';
import { householdChangedEvent } from '../events/household-events';
import type { PopulationRegistry, VerifiedField } from '@posa/population';
import { findMembers } from '../store/household-store';
import { isLive, type PersonOnFile } from './candidate-rules';
import { findPersons, isUuid } from './candidate-store';
import { bumpHousehold, lockHouseholds, nextInstant } from './household-bump';
import type { QualityActor } from './merge-store';
import { insertQualityChange, storeVerification } from './member-quality-store';

export interface StoredVerification {
  outcome: 'match' | 'mismatch' | 'not_found';
  mismatchedFields: VerifiedField[];
  verifiedAt: string;
  householdVersion: number;
}

function dateOfBirthText(d: BirthDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.month === null) return String(d.year);
  return d.day === null ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Officers verify members of their own commune; missing or foreign alike PERMISSION_DENIED. */
function assertCanVerify(
  principal: Principal,
  id: string,
  p: PersonOnFile | undefined,
): PersonOnFile {
  if (principal.isService || !principal.roles.has('officer')) {
    throw new PermissionDeniedError('verifying a member needs the role officer');
  }
  if (p === undefined || p.communeCode !== principal.unitCode) {
    throw new PermissionDeniedError(`member_id: no member ${id} in commune ${principal.unitCode}`);
  }
  if (!isLive(p)) {
    throw new FailedPreconditionError(`member ${id} is deceased, moved out or merged`);
  }
  if (p.citizenId === null) {
    throw new FailedPreconditionError(`member ${id} has no citizen ID to verify`);
  }
  return p;
}

async function recordOf(db: pg.Pool | pg.PoolClient, p: PersonOnFile): Promise<MemberRecord> {
  const record = (await findMembers(db, p.householdId)).find((m) => m.id === p.memberId);
  if (record === undefined) throw new FailedPreconditionError('the member changed: try again');
  return record;
}

export async function verifyMember(
  pool: pg.Pool,
  registry: PopulationRegistry,
  principal: Principal,
  memberId: string,
  actor: QualityActor,
): Promise<StoredVerification> {
  if (!isUuid(memberId)) throw new InvalidArgumentError('member_id', 'is not a member id');
  const person = assertCanVerify(
    principal,
    memberId,
    (await findPersons(pool, [memberId])).get(memberId),
  );
  const asked = await recordOf(pool, person);
  const result = await registry.verify({
    citizenId: asked.citizenId!,
    fullName: asked.fullName,
    dateOfBirth: dateOfBirthText(asked.dateOfBirth),
    sex: asked.sex,
  });
  if (result.outcome === 'unavailable') {
    throw new UnavailableError('the national population database did not answer: try later');
  }
  const outcome = result.outcome;
  return withTransaction(pool, async (client) => {
    const households = await lockHouseholds(client, [person.householdId]);
    const now = (await findPersons(client, [memberId])).get(memberId);
    if (now === undefined || now.householdId !== person.householdId || !isLive(now)) {
      throw new FailedPreconditionError(`member ${memberId} changed while being verified: retry`);
    }
    const before = await recordOf(client, now);
    if (JSON.stringify(before) !== JSON.stringify(asked)) {
      throw new FailedPreconditionError(`member ${memberId} changed while being verified: retry`);
    }
    const at = nextInstant(households.values());
    const check = { outcome, mismatchedFields: result.mismatchedFields, verifiedAt: at };
    await storeVerification(
      client,
      memberId,
      { outcome, mismatchedFields: result.mismatchedFields },
      at,
    );
    await insertQualityChange(
      client,
      {
        householdId: now.householdId,
        memberId,
        kind: 'member_verified',
        at,
        before,
        after: { ...before, populationCheck: check },
      },
      actor,
    );
    const next = await bumpHousehold(client, households.get(now.householdId)!, at, actor);
    await appendToOutbox(client, [
      householdChangedEvent(next, 'member_verified', memberId, { ...actor, at: new Date(at) }),
    ]);
    return { ...check, householdVersion: next.version };
  });
}
