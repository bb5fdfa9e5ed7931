/**
 * Transfers between communes (chuyển đi / chuyển đến, Decree 147/2025): the old commune decides
 * the transfer and stops payment from the effective month; the destination commune's approver
 * accepts it with a decision of its own, which opens a new case continuing the old one (same
 * citizen ID, transferred_from_case_id) from the month the decision takes effect. Both cases
 * keep their history.
 */
import { randomUUID } from 'node:crypto';
import { principalOf } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { eventType } from '@posa/events';
import {
  AlreadyExistsError,
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  sourceAddressOf,
  type CallContext,
  compareMonths,
  monthOfDate,
  monthToProto,
} from '@posa/platform';
import {
  CaseVaried,
  type AcceptTransferRequest,
  type AcceptTransferResponse,
  type TransferCaseRequest,
  type TransferCaseResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { factsOf, type CaseRow } from '../domain/case-record';
import { ruleInForce } from '../domain/procedure-rule';
import {
  EVENT_TYPE_OF,
  retroactiveDifference,
  STEP_OF,
  validateVariationDecision,
} from '../domain/variation';
import { appendStep, checkCaseId, insertCase, issueCaseCode, loadCase } from '../store/case-store';
import { insertDecision, insertPeriod, loadPeriods } from '../store/decision-store';
import { loadCatalogue, loadProcedureRules } from '../store/policy-store';
import {
  loadTransfer,
  markTransferAccepted,
  type TransferRow,
  recordDecisionArrears,
} from '../store/variation-store';
import {
  auditStampOf,
  caseRefOf,
  recordCaseEvent,
  recordEntitlementChanged,
} from '../events/case-events';
import { lookUpBeneficiary } from './beneficiary-lookup';
import { assertCompetent, reachesCommune } from './case-access';
import { commitVariation } from './variation-handlers';
import { decisionFromProto, paymentFromProto, variationAnswer } from './variation-mapping';

export function transferHandlers(deps: CasesDeps) {
  return {
    async transferCase(req: TransferCaseRequest, ctx: CallContext): Promise<TransferCaseResponse> {
      const destination = req.destinationCommuneCode.trim();
      const provinceCode = deps.units.provinceOfCommune(destination);
      if (provinceCode === undefined) {
        throw new InvalidArgumentError(
          'destination_commune_code',
          'must be a commune of the 2025 structure',
        );
      }
      return commitVariation(deps, ctx, {
        caseId: req.caseId,
        expectedVersion: req.expectedVersion,
        decision: req.decision,
        kind: 'transfer_out',
        destination: { communeCode: destination, provinceCode },
        variation: (row) => {
          if (row.communeCode === destination) {
            throw new InvalidArgumentError(
              'destination_commune_code',
              'must be another commune than the one managing the case',
            );
          }
          return { kind: 'transfer_out' };
        },
      });
    },

    async acceptTransfer(
      req: AcceptTransferRequest,
      ctx: CallContext,
    ): Promise<AcceptTransferResponse> {
      const principal = principalOf(ctx);
      const oldId = checkCaseId(req.caseId);
      const today = deps.today();
      const decision = validateVariationDecision(decisionFromProto(req.decision), today);
      const payment = paymentFromProto(req.payment);
      // Only the destination's units see a transfer addressed to it.
      const visible = (t: TransferRow | undefined): TransferRow => {
        if (t === undefined || !reachesCommune(principal, t.destinationCommuneCode, deps)) {
          throw new NotFoundError(`transfer of case ${oldId} not found`);
        }
        return t;
      };
      visible(await loadTransfer(deps.pool, oldId, false));
      const person = await lookUpBeneficiary(deps, ctx, req.householdId, req.memberId);
      const catalogue = await loadCatalogue(deps.pool);
      const rule = ruleInForce(await loadProcedureRules(deps.pool), decision.signedOn);
      return withTransaction(deps.pool, async (client) => {
        const transfer = visible(await loadTransfer(client, oldId, true));
        if (transfer.acceptedCaseId !== null) {
          throw new AlreadyExistsError(
            `case ${oldId}: the transfer was accepted as case ${transfer.acceptedCaseId}`,
          );
        }
        const old = (await loadCase(client, oldId))!;
        if (person.communeCode !== transfer.destinationCommuneCode) {
          throw new InvalidArgumentError(
            'household_id',
            `must be a household of commune ${transfer.destinationCommuneCode}`,
          );
        }
        if (person.citizenId !== old.citizenId) {
          throw new FailedPreconditionError(
            'member_id: the member has not the citizen ID of the transferred case',
          );
        }
        if (compareMonths(decision.effectiveMonth, transfer.effectiveMonth) < 0) {
          throw new InvalidArgumentError(
            'decision.effective_month',
            `must not be before ${transfer.effectiveMonth}, the first month the old commune ` +
              'no longer pays',
          );
        }
        const last = (await loadPeriods(client, oldId)).at(-1)!;
        const now = new Date().toISOString();
        const row: CaseRow = {
          ...old,
          ...payment,
          id: randomUUID(),
          code: await issueCaseCode(
            client,
            transfer.destinationCommuneCode,
            Number(today.slice(0, 4)),
          ),
          status: 'active',
          communeCode: transfer.destinationCommuneCode,
          provinceCode: transfer.destinationProvinceCode,
          memberId: person.memberId,
          householdId: person.householdId,
          fullName: person.fullName,
          birthYear: person.birthYear,
          birthMonth: person.birthMonth,
          birthDay: person.birthDay,
          sex: person.sex,
          categoryCodes: last.categoryCodes,
          disabilityLevel: last.disabilityLevel,
          careSupportTypeCode: last.careSupportTypeCode,
          applicationDate: decision.signedOn,
          channel: 'staff',
          missingItems: [],
          procedureCode: rule.code,
          proposedMonth: decision.effectiveMonth,
          stepDueOn: null,
          transferredFromCaseId: old.id,
          requestId: null,
          createdBy: principal.userId,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        assertCompetent(principal, row, rule, 'decision', deps);
        await insertCase(client, row);
        const decisionId = randomUUID();
        await insertDecision(client, {
          id: decisionId,
          caseId: row.id,
          kind: 'transfer_in',
          number: decision.number,
          signedOn: decision.signedOn,
          signer: decision.signer,
          effectiveMonth: decision.effectiveMonth,
          unitCode: principal.unitCode,
          reason: decision.reason,
          recordedBy: principal.userId,
          recordedAt: now,
        });
        const period = {
          id: randomUUID(),
          caseId: row.id,
          citizenId: old.citizenId!,
          kind: row.kind,
          fromMonth: decision.effectiveMonth,
          toMonth: null,
          suspended: last.suspended,
          categoryCodes: last.categoryCodes,
          disabilityLevel: last.disabilityLevel,
          careSupportTypeCode: last.careSupportTypeCode,
          decisionId,
          decisionNumber: decision.number,
        };
        await insertPeriod(client, period);
        const difference = retroactiveDifference(
          catalogue,
          row.kind,
          factsOf(row),
          [],
          [period],
          decision.effectiveMonth,
          decision.signedOn,
        );
        await recordDecisionArrears(client, decisionId, difference);
        await markTransferAccepted(client, oldId, row.id, now);
        await appendStep(client, {
          caseId: row.id,
          step: STEP_OF.transfer_in,
          actorId: principal.userId,
          actorUnitCode: principal.unitCode,
          at: now,
          note: `QĐ ${decision.number}; ${old.code}`,
        });
        const stamp = {
          actorId: principal.userId,
          actorUnitCode: principal.unitCode,
          sourceAddress: sourceAddressOf(ctx),
          at: new Date(now),
        };
        const payload = CaseVaried.encode({
          case: caseRefOf(row),
          decisionId,
          variation: 'transfer_in',
          effectiveMonth: monthToProto(decision.effectiveMonth),
          ground: '',
          otherCommuneCode: old.communeCode,
          stamp: auditStampOf(stamp),
        }).finish();
        await recordCaseEvent(client, row, eventType('cases', EVENT_TYPE_OF.transfer_in), payload);
        await recordEntitlementChanged(client, {
          caseRow: row,
          periods: [period],
          catalogue,
          fromMonth: decision.effectiveMonth,
          decidedInMonth: monthOfDate(decision.signedOn),
          stamp,
        });
        return variationAnswer(client, row, difference, today);
      });
    },
  };
}
