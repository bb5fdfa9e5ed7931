/**
 * The one transaction of every household write: lock the row, check access and the expected
 * version, write the record(s), the change-log rows and the outbox event together.
 */
import type pg from 'pg';
import type { Principal } from '@posa/auth';
import { appendToOutbox, withTransaction } from '@posa/db';
import { FailedPreconditionError, InvalidArgumentError, timeOrderedId } from '@posa/platform';
import type { HouseholdFormC } from '../domain/form-c';
import type { MemberFields } from '../domain/household-input';
import type {
  Area,
  ChangeKind,
  HouseholdRecord,
  HouseholdSnapshot,
  MemberRecord,
} from '../domain/household-state';
import {
  householdChangedEvent,
  householdCreatedEvent,
  memberDeceasedEvent,
} from '../events/household-events';
import { findHousehold, findMembers } from '../store/household-store';
import {
  insertChange,
  insertHousehold,
  issueHouseholdCode,
  updateHouseholdRow,
  upsertMember,
  type ChangeActor,
} from '../store/household-writes';
import { writable } from './household-access';

/** A change strictly after the previous one, so the log order is also the time order. */
function nextInstant(previousIso: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previousIso) + 1)).toISOString();
}

function stampOf(actor: ChangeActor, at: string) {
  return { ...actor, at: new Date(at) };
}

export interface NewHousehold {
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  streetAddress: string;
  area: Area;
  members: MemberFields[];
  formC?: HouseholdFormC;
}

export async function commitCreate(
  pool: pg.Pool,
  input: NewHousehold,
  actor: ChangeActor,
): Promise<HouseholdSnapshot> {
  return withTransaction(pool, async (client) => {
    const at = new Date().toISOString();
    const members: MemberRecord[] = input.members.map((m) => ({
      ...m,
      id: timeOrderedId(),
      deceasedOn: null,
    }));
    const household: HouseholdRecord = {
      id: timeOrderedId(),
      code: await issueHouseholdCode(client, input.communeCode, Number(at.slice(0, 4))),
      communeCode: input.communeCode,
      provinceCode: input.provinceCode,
      villageCode: input.villageCode,
      streetAddress: input.streetAddress,
      area: input.area,
      headMemberId: members.find((m) => m.relation === 'head')!.id,
      status: 'active',
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...(input.formC === undefined ? {} : { formC: input.formC }),
    };
    await insertHousehold(client, household);
    const base = { householdId: household.id, at, before: null };
    await insertChange(
      client,
      { ...base, memberId: null, kind: 'household_created', after: household },
      actor,
    );
    for (const m of members) {
      await upsertMember(client, household.id, m, at);
      await insertChange(
        client,
        { ...base, memberId: m.id, kind: 'member_added', after: m },
        actor,
      );
    }
    await appendToOutbox(client, [
      householdCreatedEvent(household, members.length, stampOf(actor, at)),
    ]);
    return { household, members };
  });
}

/** What a change does: the new household fields and, for member changes, the member. */
export interface ChangePlan {
  kind: Exclude<ChangeKind, 'household_created'>;
  household: HouseholdRecord;
  member?: { before: MemberRecord | null; after: MemberRecord };
}

export async function commitChange(
  pool: pg.Pool,
  principal: Principal,
  actor: ChangeActor,
  id: string,
  expectedVersion: number,
  plan: (current: HouseholdSnapshot, at: string) => ChangePlan,
): Promise<HouseholdSnapshot> {
  if (expectedVersion < 1) throw new InvalidArgumentError('expected_version', 'is required');
  return withTransaction(pool, async (client) => {
    const current = writable(principal, id, await findHousehold(client, id, true));
    if (current.version !== expectedVersion) {
      throw new FailedPreconditionError(
        `household ${id} is at version ${current.version}, not ${expectedVersion}: reload it`,
      );
    }
    const at = nextInstant(current.updatedAt);
    const members = await findMembers(client, id);
    const p = plan({ household: current, members }, at);
    const next: HouseholdRecord = { ...p.household, version: current.version + 1, updatedAt: at };
    const base = { householdId: id, at };
    if (p.member !== undefined) {
      const { before, after } = p.member;
      await upsertMember(client, id, after, at);
      await insertChange(
        client,
        { ...base, memberId: after.id, kind: p.kind, before, after },
        actor,
      );
    }
    await updateHouseholdRow(client, next);
    await insertChange(
      client,
      { ...base, memberId: null, kind: 'household_updated', before: current, after: next },
      actor,
    );
    const stamp = stampOf(actor, at);
    const memberId = p.member?.after.id ?? null;
    const event =
      p.kind === 'member_deceased'
        ? memberDeceasedEvent(next, memberId!, stamp)
        : householdChangedEvent(next, p.kind, memberId, stamp);
    await appendToOutbox(client, [event]);
    const after = p.member?.after;
    const nextMembers =
      after === undefined
        ? members
        : members.some((m) => m.id === after.id)
          ? members.map((m) => (m.id === after.id ? after : m))
          : [...members, after];
    return { household: next, members: nextMembers };
  });
}
