/**
 * The common path of every variation of a running case (điều chỉnh, tạm dừng, tiếp tục, thôi
 * hưởng, chuyển đi): one transaction that checks the caller (an approver of the level the
 * procedure rule in force on the signing day names), the version and the periods, then writes
 * the decision with its retroactive difference, the changed periods, the step, CaseVaried and
 * EntitlementChanged from the effective month.
 */
import { randomUUID } from 'node:crypto';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { eventType } from '@posa/events';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  sourceAddressOf,
  type CallContext,
  monthOfDate,
  monthToProto,
} from '@posa/platform';
import { CaseVaried, type DecisionInput } from '@posa/proto';
import { factsOf, type CaseRow, type PeriodRow } from '../domain/case-record';
import {
  applyPeriodPlan,
  planPeriodChange,
  type CurrentPeriod,
  type PeriodVariation,
} from '../domain/period-change';
import type { PolicyCatalogue } from '../domain/policy-catalogue';
import { ruleInForce } from '../domain/procedure-rule';
import {
  assertVariable,
  EVENT_TYPE_OF,
  retroactiveDifference,
  statusAfter,
  STEP_OF,
  validateVariationDecision,
  type VariationKind,
} from '../domain/variation';
import type { CasesDeps } from '../deps';
import {
  appendStep,
  bumpVersion,
  checkCaseId,
  loadCaseForUpdate,
  VersionConflictError,
} from '../store/case-store';
import { insertDecision, insertPeriod, loadPeriods } from '../store/decision-store';
import { loadCatalogue, loadProcedureRules } from '../store/policy-store';
import { closePeriod, insertTransfer, recordDecisionArrears } from '../store/variation-store';
import {
  auditStampOf,
  caseRefOf,
  recordCaseEvent,
  recordEntitlementChanged,
  type EventStamp,
} from '../events/case-events';
import { assertCaseReadable, assertCompetent } from './case-access';
import { decisionFromProto, variationAnswer, type VariationAnswer } from './variation-mapping';

export interface VariationRequest {
  caseId: string;
  expectedVersion: number;
  decision: DecisionInput | undefined;
  kind: VariationKind;
  /** The change of periods, built once the case and the catalogue are known. */
  variation(row: CaseRow, catalogue: PolicyCatalogue, effectiveMonth: string): PeriodVariation;
  /** Termination: deceased, not_eligible or moved_away. */
  ground?: string;
  /** Transfer out: the destination commune (checked) and its province. */
  destination?: { communeCode: string; provinceCode: string };
}

/** Refuses a stale expected_version before anything else is judged. */
function checkVersion(row: CaseRow, expected: number): void {
  if (!Number.isInteger(expected) || expected < 1) {
    throw new InvalidArgumentError('expected_version', 'is required');
  }
  if (row.version !== expected) throw new VersionConflictError(row.id, row.version, expected);
}

function currentPeriodsOf(periods: readonly PeriodRow[]): CurrentPeriod[] {
  return periods.map((p) => ({ ...p, periodId: p.id }));
}

export async function commitVariation(
  deps: CasesDeps,
  ctx: CallContext,
  req: VariationRequest,
): Promise<VariationAnswer> {
  const principal = principalOf(ctx);
  const caseId = checkCaseId(req.caseId);
  const today = deps.today();
  const decision = validateVariationDecision(decisionFromProto(req.decision), today);
  const catalogue = await loadCatalogue(deps.pool);
  const rules = await loadProcedureRules(deps.pool);
  return withTransaction(deps.pool, async (client) => {
    const row = assertCaseReadable(
      principal,
      await loadCaseForUpdate(client, caseId),
      caseId,
      deps,
    );
    assertCompetent(principal, row, ruleInForce(rules, decision.signedOn), 'decision', deps);
    checkVersion(row, req.expectedVersion);
    assertVariable(row.status);
    if (row.citizenId === null) {
      throw new FailedPreconditionError(`citizen_id: case ${row.code} has no citizen ID`);
    }
    const variation = req.variation(row, catalogue, decision.effectiveMonth);
    const before = currentPeriodsOf(await loadPeriods(client, caseId));
    const plan = planPeriodChange(before, variation, decision.effectiveMonth);
    const decisionId = randomUUID();
    const periodId = randomUUID();
    const after = applyPeriodPlan(before, plan, {
      decisionId,
      decisionNumber: decision.number,
      periodId,
    });
    const difference = retroactiveDifference(
      catalogue,
      row.kind,
      factsOf(row),
      before,
      after,
      decision.effectiveMonth,
      decision.signedOn,
    );
    const eligibility = variation.kind === 'category_change' ? { ...variation.eligibility } : {};
    const next = await bumpVersion(client, row, req.expectedVersion, {
      status: statusAfter(req.kind, row.status),
      ...eligibility,
    });
    await insertDecision(client, {
      id: decisionId,
      caseId,
      kind: req.kind,
      number: decision.number,
      signedOn: decision.signedOn,
      signer: decision.signer,
      effectiveMonth: decision.effectiveMonth,
      unitCode: principal.unitCode,
      reason: decision.reason,
      recordedBy: principal.userId,
      recordedAt: next.updatedAt,
    });
    await recordDecisionArrears(client, decisionId, difference);
    await closePeriod(client, plan.closePeriodId, plan.closeToMonth);
    if (plan.open !== null) {
      await insertPeriod(client, {
        ...plan.open,
        id: periodId,
        caseId,
        citizenId: row.citizenId,
        kind: row.kind,
        toMonth: null,
        decisionId,
        decisionNumber: decision.number,
      });
    }
    if (req.destination !== undefined) {
      await insertTransfer(client, {
        fromCaseId: caseId,
        destinationCommuneCode: req.destination.communeCode,
        destinationProvinceCode: req.destination.provinceCode,
        decisionId,
        effectiveMonth: decision.effectiveMonth,
        acceptedCaseId: null,
      });
    }
    const note = [`QĐ ${decision.number}`, req.ground, req.destination?.communeCode]
      .filter((x) => x !== undefined)
      .join('; ');
    await appendStep(client, {
      caseId,
      step: STEP_OF[req.kind],
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      at: next.updatedAt,
      note,
    });
    const stamp: EventStamp = {
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      sourceAddress: sourceAddressOf(ctx),
      at: new Date(next.updatedAt),
    };
    const payload = CaseVaried.encode({
      case: caseRefOf(next),
      decisionId,
      variation: req.kind,
      effectiveMonth: monthToProto(decision.effectiveMonth),
      ground: req.ground ?? '',
      otherCommuneCode: req.destination?.communeCode ?? '',
      stamp: auditStampOf(stamp),
    }).finish();
    await recordCaseEvent(client, next, eventType('cases', EVENT_TYPE_OF[req.kind]), payload);
    await recordEntitlementChanged(client, {
      caseRow: next,
      periods: await loadPeriods(client, caseId),
      catalogue,
      fromMonth: decision.effectiveMonth,
      decidedInMonth: monthOfDate(decision.signedOn),
      stamp,
    });
    return variationAnswer(client, next, difference, today);
  });
}
