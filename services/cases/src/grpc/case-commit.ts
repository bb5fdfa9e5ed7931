/**
 * What every write of a case shares: the actor, the one transaction with the case row locked
 * and checked (readable, expected version), the procedure rule of the case, and the full case
 * as the responses return it.
 */
import type pg from 'pg';
import { principalOf, type Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  sourceAddressOf,
  type CallContext,
} from '@posa/platform';
import type { Case } from '@posa/proto';
import type { CasesDeps } from '../deps';
import type { Actor, CaseRow } from '../domain/case-record';
import type { ProcedureRule } from '../domain/procedure-rule';
import type { EventStamp } from '../events/case-events';
import {
  checkCaseId,
  loadCaseForUpdate,
  loadDecisions,
  loadFlags,
  loadPeriods,
  loadSteps,
  VersionConflictError,
  type Db,
} from '../store/case-store';
import { loadProcedureRules } from '../store/policy-store';
import { assertCaseReadable } from './case-access';
import { caseToProto } from './case-mapping';

export function actorOf(ctx: CallContext): Actor {
  const principal = principalOf(ctx);
  return {
    actorId: principal.userId,
    actorUnitCode: principal.unitCode,
    sourceAddress: sourceAddressOf(ctx),
  };
}

export function stampOf(actor: Actor, at: string): EventStamp {
  return { ...actor, at: new Date(at) };
}

/**
 * Runs `fn` in one transaction with the case locked: NOT_FOUND when the caller cannot read it,
 * ABORTED when it is no longer at `expectedVersion`.
 */
export async function withLockedCase<T>(
  deps: Pick<CasesDeps, 'pool' | 'units' | 'predecessors'>,
  principal: Principal,
  caseId: string,
  expectedVersion: number,
  fn: (client: pg.PoolClient, row: CaseRow) => Promise<T>,
): Promise<T> {
  const id = checkCaseId(caseId);
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new InvalidArgumentError('expected_version', 'is required');
  }
  return withTransaction(deps.pool, async (client) => {
    const row = assertCaseReadable(principal, await loadCaseForUpdate(client, id), id, deps);
    if (row.version !== expectedVersion) {
      throw new VersionConflictError(row.id, row.version, expectedVersion);
    }
    return fn(client, row);
  });
}

/** The procedure rule the case was filed under. */
export async function ruleOfCase(db: Db, row: CaseRow): Promise<ProcedureRule> {
  const rule = (await loadProcedureRules(db)).find((r) => r.code === row.procedureCode);
  if (rule === undefined) {
    throw new FailedPreconditionError(
      `procedure rule ${row.procedureCode} is not in the catalogue`,
    );
  }
  return rule;
}

/** The case with its steps, decisions, periods and flags. */
export async function fullCase(db: Db, row: CaseRow, today: string): Promise<Case> {
  const [steps, decisions, periods, flags] = [
    await loadSteps(db, row.id),
    await loadDecisions(db, row.id),
    await loadPeriods(db, row.id),
    await loadFlags(db, row.id),
  ];
  return caseToProto(row, { steps, decisions, periods, flags }, today);
}
