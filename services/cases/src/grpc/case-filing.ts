/**
 * Filing a case (nộp hồ sơ) inside the caller's transaction: eligibility checked against the
 * catalogue on the application date, the procedure rule in force that day, the deadline of the
 * completeness check, the case code, the row, the first step and CaseSubmitted. Used by
 * SubmitApplication (channel staff) and by the acceptance of online applications.
 */
import { PUBLIC_HOLIDAY_DAYS } from '@posa/platform';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CaseSubmitted } from '@posa/proto';
import { dueOn } from '../domain/case-deadline';
import { validateEligibility, validatePayment } from '../domain/case-input';
import type { Actor, CaseKind, CaseRow, PaymentFacts } from '../domain/case-record';
import type { DisabilityLevel } from '../domain/policy-catalogue';
import { ruleInForce } from '../domain/procedure-rule';
import { auditStampOf, CaseEventTypes, caseRefOf, recordCaseEvent } from '../events/case-events';
import { appendStep, insertCase, issueCaseCode } from '../store/case-store';
import { loadCatalogue, loadProcedureRules } from '../store/policy-store';
import type { RegisteredBeneficiary } from './beneficiary-lookup';
import { stampOf } from './case-commit';

export interface FilingInput {
  kind: CaseKind;
  /** The member as read from the household registry. */
  person: RegisteredBeneficiary;
  /** As claimed; validated here against the catalogue on the application date. */
  eligibility: {
    categoryCodes: readonly string[];
    disabilityLevel: DisabilityLevel | null;
    careSupportTypeCode: string;
  };
  payment: PaymentFacts;
  /** YYYY-MM-DD, not in the future (checked by the caller). */
  applicationDate: string;
  documents: string[];
  /** Idempotency key within the commune; '' for none. */
  requestId: string;
  channel: 'staff' | 'online';
}

/** Inserts the new case with its step and event; returns the row. */
export async function fileCase(
  client: pg.PoolClient,
  input: FilingInput,
  actor: Actor,
  today: string,
): Promise<CaseRow> {
  const catalogue = await loadCatalogue(client);
  const eligibility = validateEligibility(
    catalogue,
    input.kind,
    input.eligibility,
    input.applicationDate,
    'eligibility',
  );
  const payment = validatePayment(
    input.payment.paymentChannel,
    input.payment.bankCode ?? '',
    input.payment.accountNumber ?? '',
    'payment',
  );
  const rule = ruleInForce(await loadProcedureRules(client), input.applicationDate);
  const at = new Date().toISOString();
  const { communeCode, provinceCode, ...beneficiary } = input.person;
  const row: CaseRow = {
    id: randomUUID(),
    code: await issueCaseCode(client, communeCode, Number(today.slice(0, 4))),
    kind: input.kind,
    status: 'submitted',
    communeCode,
    provinceCode,
    ...beneficiary,
    ...eligibility,
    ...payment,
    applicationDate: input.applicationDate,
    channel: input.channel,
    documents: input.documents,
    missingItems: [],
    procedureCode: rule.code,
    proposedMonth: null,
    appraisalOpinion: null,
    populationCheck: null,
    stepDueOn: dueOn(rule, 'completeness', input.applicationDate, PUBLIC_HOLIDAY_DAYS),
    transferredFromCaseId: null,
    requestId: input.requestId === '' ? null : input.requestId,
    createdBy: actor.actorId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await insertCase(client, row);
  await appendStep(client, { caseId: row.id, step: 'submitted', ...actor, at, note: null });
  const payload = CaseSubmitted.encode({
    case: caseRefOf(row),
    channel: row.channel,
    stamp: auditStampOf(stampOf(actor, at)),
  }).finish();
  await recordCaseEvent(client, row, CaseEventTypes.caseSubmitted, payload);
  return row;
}
