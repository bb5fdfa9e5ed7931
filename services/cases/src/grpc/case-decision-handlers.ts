/**
 * The decision on a case (quyết định hưởng) or its written refusal, by an approver of the level
 * the procedure rule names. Approval opens the allowance period from the effective month
 * (Decree 147/2025: the month the decision is signed, unless the decision says otherwise) and
 * publishes CaseApproved and EntitlementChanged in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { principalOf } from '@posa/auth';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  type CallContext,
  compareMonths,
  monthOfDate,
  type Month,
  monthToProto,
} from '@posa/platform';
import {
  CaseApproved,
  CaseRejected,
  type ApproveCaseRequest,
  type ApproveCaseResponse,
  type RejectCaseRequest,
  type RejectCaseResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { assertAmountDefined, validateDecisionFields, validateText } from '../domain/case-input';
import type { CaseRow, DecisionRow } from '../domain/case-record';
import { transition } from '../domain/case-workflow';
import type { ProcedureRule } from '../domain/procedure-rule';
import {
  auditStampOf,
  CaseEventTypes,
  caseRefOf,
  recordCaseEvent,
  recordEntitlementChanged,
} from '../events/case-events';
import {
  appendStep,
  bumpVersion,
  insertDecision,
  insertPeriod,
  loadPeriods,
} from '../store/case-store';
import { loadCatalogue } from '../store/policy-store';
import { assertCompetent } from './case-access';
import { actorOf, fullCase, ruleOfCase, stampOf, withLockedCase } from './case-commit';
import { dateFromProto, monthFromProto } from './case-mapping';

/**
 * The first month of the allowance: by default the month of signing. Under a commune-level
 * rule (Decree 147/2025) it may not be before that month; under the district-level rule
 * (Decree 20/2021) not before the month of the application.
 */
export function effectiveMonthOf(
  requested: Month | undefined,
  signedOn: string,
  row: CaseRow,
  rule: ProcedureRule,
): Month {
  const signedMonth = monthOfDate(signedOn);
  const month = requested ?? signedMonth;
  if (rule.decisionLevel === 'commune' && compareMonths(month, signedMonth) < 0) {
    throw new InvalidArgumentError(
      'effective_month',
      `under rule ${rule.code} the allowance runs from the month the decision is signed`,
    );
  }
  if (compareMonths(month, monthOfDate(row.applicationDate)) < 0) {
    throw new InvalidArgumentError('effective_month', 'is before the month of the application');
  }
  return month;
}

export function caseDecisionHandlers(deps: CasesDeps) {
  const { today } = deps;

  async function approveCase(
    request: ApproveCaseRequest,
    ctx: CallContext,
  ): Promise<ApproveCaseResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const signedOn = dateFromProto(request.signedOn, 'signed_on');
    const requested = monthFromProto(request.effectiveMonth, 'effective_month');
    return withLockedCase(
      deps,
      principal,
      request.caseId,
      request.expectedVersion,
      async (client, row) => {
        const rule = await ruleOfCase(client, row);
        assertCompetent(principal, row, rule, 'decision', deps);
        const status = transition(row.status, 'approve');
        const fields = validateDecisionFields(
          { number: request.decisionNumber, signedOn, signer: request.signer },
          today(),
          row.applicationDate,
        );
        const effectiveMonth = effectiveMonthOf(requested, signedOn, row, rule);
        if (row.citizenId === null) {
          throw new FailedPreconditionError('citizen_id: a decision needs the citizen ID');
        }
        const catalogue = await loadCatalogue(client);
        assertAmountDefined(catalogue, row, row, effectiveMonth, 'effective_month');
        const next = await bumpVersion(client, row, request.expectedVersion, {
          status,
          stepDueOn: null,
        });
        const decision: DecisionRow = {
          id: randomUUID(),
          caseId: row.id,
          kind: 'approval',
          ...fields,
          effectiveMonth,
          unitCode: principal.unitCode,
          reason: null,
          recordedBy: actor.actorId,
          recordedAt: next.updatedAt,
        };
        await insertDecision(client, decision);
        await insertPeriod(client, {
          id: randomUUID(),
          caseId: row.id,
          citizenId: row.citizenId,
          kind: row.kind,
          fromMonth: effectiveMonth,
          toMonth: null,
          suspended: false,
          categoryCodes: row.categoryCodes,
          disabilityLevel: row.disabilityLevel,
          careSupportTypeCode: row.careSupportTypeCode,
          decisionId: decision.id,
          decisionNumber: decision.number,
        });
        await appendStep(client, {
          caseId: row.id,
          step: 'approved',
          ...actor,
          at: next.updatedAt,
          note: decision.number,
        });
        const stamp = stampOf(actor, next.updatedAt);
        const approved = CaseApproved.encode({
          case: caseRefOf(next),
          decisionId: decision.id,
          effectiveMonth: monthToProto(effectiveMonth),
          categoryCodes: next.categoryCodes,
          stamp: auditStampOf(stamp),
        }).finish();
        await recordCaseEvent(client, next, CaseEventTypes.caseApproved, approved);
        await recordEntitlementChanged(client, {
          caseRow: next,
          periods: await loadPeriods(client, row.id),
          catalogue,
          fromMonth: effectiveMonth,
          decidedInMonth: monthOfDate(signedOn),
          stamp,
        });
        return { case: await fullCase(client, next, today()) };
      },
    );
  }

  async function rejectCase(
    request: RejectCaseRequest,
    ctx: CallContext,
  ): Promise<RejectCaseResponse> {
    const principal = principalOf(ctx);
    const actor = actorOf(ctx);
    const signedOn = dateFromProto(request.signedOn, 'signed_on');
    const reason = validateText(request.reason, 'reason', 2000, true);
    return withLockedCase(
      deps,
      principal,
      request.caseId,
      request.expectedVersion,
      async (client, row) => {
        const rule = await ruleOfCase(client, row);
        assertCompetent(principal, row, rule, 'decision', deps);
        const status = transition(row.status, 'reject');
        const fields = validateDecisionFields(
          { number: request.decisionNumber, signedOn, signer: request.signer },
          today(),
          row.applicationDate,
        );
        const next = await bumpVersion(client, row, request.expectedVersion, {
          status,
          stepDueOn: null,
        });
        const decision: DecisionRow = {
          id: randomUUID(),
          caseId: row.id,
          kind: 'rejection',
          ...fields,
          effectiveMonth: null,
          unitCode: principal.unitCode,
          reason,
          recordedBy: actor.actorId,
          recordedAt: next.updatedAt,
        };
        await insertDecision(client, decision);
        await appendStep(client, {
          caseId: row.id,
          step: 'rejected',
          ...actor,
          at: next.updatedAt,
          note: reason,
        });
        const payload = CaseRejected.encode({
          case: caseRefOf(next),
          decisionId: decision.id,
          stamp: auditStampOf(stampOf(actor, next.updatedAt)),
        }).finish();
        await recordCaseEvent(client, next, CaseEventTypes.caseRejected, payload);
        return { case: await fullCase(client, next, today()) };
      },
    );
  }

  return { approveCase, rejectCase };
}
