/**
 * An import row set for a household already registered: the differences become changes of
 * the registry (household_updated, member_added, member_updated) with their change-log rows
 * and one HouseholdChanged event, on the import's transaction; no difference → unchanged.
 * Members are matched by citizen ID, else by name (without diacritics) and year of birth.
 * Members missing from the file are kept; the head cannot change through an import.
 */
import type pg from 'pg';
import { changedMember } from '../domain/member-change';
import { appendToOutbox } from '@posa/db';
import type { MemberFields } from '../domain/household-input';
import type { HouseholdRecord, MemberRecord } from '../domain/household-state';
import { nameSearchKey, timeOrderedId } from '@posa/platform';
import { householdChangedEvent } from '../events/household-events';
import { findHousehold, findMembers } from '../store/household-store';
import {
  insertChange,
  updateHouseholdRow,
  upsertMember,
  type ChangeActor,
} from '../store/household-writes';
import type { ImportHousehold } from './household-group';

export type MergeOutcome =
  | { kind: 'updated' | 'unchanged'; household: HouseholdRecord }
  | { kind: 'refused'; column: string; reason: string };

/** JSON of a value with form C "all null" and "absent" alike. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x !== null &&
      typeof x === 'object' &&
      !Array.isArray(x) &&
      Object.values(x).every((y) => y === null)
        ? undefined
        : x,
    ) ?? '';
  return norm(a) === norm(b);
}

function memberFieldsOf(m: MemberRecord): MemberFields {
  const { fullName, dateOfBirth, sex, ethnicGroupCode, citizenId, relation, formC } = m;
  return {
    fullName,
    dateOfBirth,
    sex,
    ethnicGroupCode,
    citizenId,
    relation,
    ...(formC ? { formC } : {}),
  };
}

function findMember(existing: readonly MemberRecord[], m: MemberFields): MemberRecord | undefined {
  if (m.citizenId !== null) {
    const byId = existing.find((e) => e.citizenId === m.citizenId);
    if (byId !== undefined) return byId;
  }
  const key = nameSearchKey(m.fullName);
  return existing.find(
    (e) =>
      nameSearchKey(e.fullName) === key &&
      e.dateOfBirth.year === m.dateOfBirth.year &&
      (e.citizenId === null || m.citizenId === null),
  );
}

export async function mergeHousehold(
  client: pg.PoolClient,
  id: string,
  file: ImportHousehold,
  actor: ChangeActor,
  at: string,
): Promise<MergeOutcome> {
  const current = (await findHousehold(client, id, true))!;
  const members = await findMembers(client, id);
  const memberChanges: { before: MemberRecord | null; after: MemberRecord }[] = [];
  for (const m of file.members) {
    const before = findMember(members, m);
    if (before === undefined) {
      if (m.relation === 'head')
        return {
          kind: 'refused',
          column: 'relation',
          reason:
            'the registered household has another head; change the head in the registry first',
        };
      memberChanges.push({ before: null, after: { ...m, id: timeOrderedId(), deceasedOn: null } });
    } else if (!same(memberFieldsOf(before), m)) {
      if ((before.relation === 'head') !== (m.relation === 'head')) {
        return {
          kind: 'refused',
          column: 'relation',
          reason: 'the head cannot change through an import',
        };
      }
      memberChanges.push({ before, after: changedMember(before, m) });
    }
  }
  const fields = {
    villageCode: file.villageCode,
    streetAddress: file.streetAddress,
    area: file.area,
    formC: file.formC,
  };
  const householdSame = same(
    {
      villageCode: current.villageCode,
      streetAddress: current.streetAddress,
      area: current.area,
      formC: current.formC,
    },
    fields,
  );
  if (householdSame && memberChanges.length === 0) return { kind: 'unchanged', household: current };
  const stamp = new Date(Math.max(Date.parse(at), Date.parse(current.updatedAt) + 1)).toISOString();
  const next: HouseholdRecord = {
    ...current,
    ...fields,
    version: current.version + 1,
    updatedAt: stamp,
  };
  for (const c of memberChanges) {
    await upsertMember(client, id, c.after, stamp);
    await insertChange(
      client,
      {
        householdId: id,
        memberId: c.after.id,
        kind: c.before === null ? 'member_added' : 'member_updated',
        at: stamp,
        before: c.before,
        after: c.after,
      },
      actor,
    );
  }
  await updateHouseholdRow(client, next);
  await insertChange(
    client,
    {
      householdId: id,
      memberId: null,
      kind: 'household_updated',
      at: stamp,
      before: current,
      after: next,
    },
    actor,
  );
  const eventStamp = {
    actorId: actor.actorId,
    actorUnitCode: actor.actorUnitCode,
    sourceAddress: actor.sourceAddress,
    at: new Date(stamp),
  };
  await appendToOutbox(client, [
    householdChangedEvent(next, 'household_updated', null, eventStamp),
  ]);
  return { kind: 'updated', household: next };
}
