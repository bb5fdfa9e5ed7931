/**
 * The one transaction of a move touching several households: lock every household (in id
 * order, so two moves never deadlock), check access, expected versions and status, then
 * write member rows, household rows, change-log rows and outbox events together.
 */
import type pg from 'pg';
import { appendToOutbox, withTransaction, type OutboxEvent } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  sourceAddressOf,
  type CallContext,
} from '@posa/platform';
import { principalOf, type Principal } from '@posa/auth';
import { validateReason } from '../domain/household-input';
import type { MemberChange } from '../domain/household-moves';
import type { HouseholdRecord, HouseholdSnapshot } from '../domain/household-state';
import type { EventStamp } from '../events/household-events';
import { findHousehold, findMembers } from '../store/household-store';
import {
  moveMemberOutRow,
  moveMemberRow,
  setMemberRelation,
  setSplitFrom,
  updateMovedHousehold,
} from '../store/household-moves-store';
import {
  insertChange,
  insertHousehold,
  issueHouseholdCode,
  type ChangeActor,
} from '../store/household-writes';
import { writable } from './household-access';

/** A household the move changes, with the request fields naming it. */
export interface Touched {
  id: string;
  idField: string;
  expectedVersion: number;
  versionField: string;
}

/** A member row write of the move. */
export type RowWrite =
  | { op: 'relation'; memberId: string; householdId: string; relation: string }
  | { op: 'move'; memberId: string; fromId: string; toId: string; relation: string }
  | { op: 'out'; memberId: string; fromId: string; destinationUnitCode: string | null };

/** One household's side of the move. `before` is null for a household the move creates. */
export interface HouseholdSide {
  before: HouseholdRecord | null;
  /** New fields; version, createdAt and updatedAt are set by the commit. */
  after: HouseholdRecord;
  changes: MemberChange[];
}

export interface MovePlan {
  sides: HouseholdSide[];
  rows: RowWrite[];
  /** Built from the sides' final records (same order as `sides`). */
  events(final: HouseholdRecord[], stamp: EventStamp): OutboxEvent[];
}

export interface MoveContext {
  /** The touched households, locked, in the order given. */
  current: HouseholdSnapshot[];
  at: string;
  /** Issues the next household code of a commune (for tách hộ). */
  issueCode(communeCode: string): Promise<string>;
}

/** A change strictly after every touched household's last one. */
function nextInstant(households: HouseholdRecord[]): string {
  const last = Math.max(...households.map((h) => Date.parse(h.updatedAt)));
  return new Date(Math.max(Date.now(), last + 1)).toISOString();
}

function checkRequest(touched: Touched[]): void {
  touched.forEach((t, i) => {
    if (t.id.trim() === '') throw new InvalidArgumentError(t.idField, 'is required');
    if (t.expectedVersion < 1) throw new InvalidArgumentError(t.versionField, 'is required');
    if (touched.slice(0, i).some((o) => o.id === t.id)) {
      throw new InvalidArgumentError(t.idField, 'must differ from the other household');
    }
  });
}

async function lockAll(
  client: pg.PoolClient,
  principal: Principal,
  touched: Touched[],
): Promise<HouseholdRecord[]> {
  const locked = new Map<string, HouseholdRecord | undefined>();
  for (const id of touched.map((t) => t.id).sort()) {
    locked.set(id, await findHousehold(client, id, true));
  }
  return touched.map((t) => {
    const h = writable(principal, t.id, locked.get(t.id));
    if (h.version !== t.expectedVersion) {
      throw new FailedPreconditionError(
        `${t.versionField}: household ${t.id} is at version ${h.version}, not ${t.expectedVersion}: reload it`,
      );
    }
    if (h.status !== 'active') {
      throw new FailedPreconditionError(`household ${t.id} is ${h.status}`);
    }
    return h;
  });
}

async function writeRow(client: pg.PoolClient, row: RowWrite, at: string): Promise<void> {
  if (row.op === 'relation') await setMemberRelation(client, row, at);
  else if (row.op === 'move') await moveMemberRow(client, row, at);
  else await moveMemberOutRow(client, row, at);
}

async function writeSide(
  client: pg.PoolClient,
  side: HouseholdSide,
  at: string,
  actor: ChangeActor,
): Promise<HouseholdRecord> {
  const { before } = side;
  const final: HouseholdRecord =
    before === null
      ? { ...side.after, version: 1, createdAt: at, updatedAt: at }
      : { ...side.after, version: before.version + 1, updatedAt: at };
  const base = { householdId: final.id, at };
  if (before === null) {
    await insertChange(
      client,
      { ...base, memberId: null, kind: 'household_created', before: null, after: final },
      actor,
    );
  }
  for (const c of side.changes) {
    await insertChange(
      client,
      { ...base, memberId: c.after.id, kind: c.kind, before: c.before, after: c.after },
      actor,
    );
  }
  if (before !== null) {
    await updateMovedHousehold(client, final);
    await insertChange(
      client,
      { ...base, memberId: null, kind: 'household_updated', before, after: final },
      actor,
    );
  }
  return final;
}

/** Runs the move; returns every touched or created household as it is afterwards. */
export async function commitMove(
  pool: pg.Pool,
  principal: Principal,
  actor: ChangeActor,
  touched: Touched[],
  plan: (ctx: MoveContext) => Promise<MovePlan> | MovePlan,
): Promise<HouseholdSnapshot[]> {
  checkRequest(touched);
  return withTransaction(pool, async (client) => {
    const households = await lockAll(client, principal, touched);
    const at = nextInstant(households);
    const current: HouseholdSnapshot[] = [];
    for (const h of households)
      current.push({ household: h, members: await findMembers(client, h.id) });
    const year = Number(at.slice(0, 4));
    const p = await plan({
      current,
      at,
      issueCode: (commune) => issueHouseholdCode(client, commune, year),
    });
    // New households first: moved members' rows point at them.
    for (const side of p.sides.filter((s) => s.before === null)) {
      await insertHousehold(client, { ...side.after, version: 1, createdAt: at, updatedAt: at });
      if (side.after.splitFrom) await setSplitFrom(client, side.after.id, side.after.splitFrom);
    }
    for (const row of p.rows) await writeRow(client, row, at);
    const finals: HouseholdRecord[] = [];
    for (const side of p.sides) finals.push(await writeSide(client, side, at, actor));
    const stamp: EventStamp = {
      actorId: actor.actorId,
      actorUnitCode: actor.actorUnitCode,
      sourceAddress: actor.sourceAddress,
      at: new Date(at),
    };
    await appendToOutbox(client, p.events(finals, stamp));
    const result: HouseholdSnapshot[] = [];
    for (const h of finals) result.push({ household: h, members: await findMembers(client, h.id) });
    return result;
  });
}

/** Who moves, from where and why. */
export function actorOf(ctx: CallContext, reason: string): ChangeActor {
  const principal = principalOf(ctx);
  return {
    actorId: principal.userId,
    actorUnitCode: principal.unitCode,
    sourceAddress: sourceAddressOf(ctx),
    reason: validateReason(reason),
  };
}

/** Relation writes for the member_updated entries of a remainder. */
export function relationRows(
  householdId: string,
  changes: ReadonlyArray<{ kind: string; after: { id: string; relation: string } }>,
): RowWrite[] {
  return changes
    .filter((c) => c.kind === 'member_updated')
    .map((c) => ({
      op: 'relation',
      memberId: c.after.id,
      householdId,
      relation: c.after.relation,
    }));
}
