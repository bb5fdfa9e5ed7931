/**
 * The requests of the case steps and variations, built from a form or a JSON body (see
 * case-source.ts) with the field names of the cases service. Pure: no I/O.
 */
import type {
  AcceptTransferRequest,
  AppraiseCaseRequest,
  ApproveCaseRequest,
  ChangeEligibilityRequest,
  CheckCompletenessRequest,
  DecisionInput,
  Eligibility,
  RejectCaseRequest,
  ResolveReviewFlagRequest,
  ResubmitApplicationRequest,
  SubmitApplicationRequest,
  TerminateCaseRequest,
  TransferCaseRequest,
  VerifyBeneficiaryRequest,
} from '@posa/proto';
import { badRequest } from '../http/errors';
import { idParam } from './household-params';
import {
  caseKindOf,
  communeCodeOf,
  decisionInputOf,
  eligibilityOf,
  groundOf,
  optionalMonth,
  parseDay,
  paymentOf,
  versionOf,
} from './case-input';
import type { Source } from './case-source';

function eligibility(src: Source): Eligibility {
  return eligibilityOf({
    categoryCodes: src.list('eligibility.category_codes'),
    disabilityLevel: src.text('eligibility.disability_level'),
    careSupportTypeCode: src.text('eligibility.care_support_type_code'),
  });
}

function decision(src: Source): DecisionInput {
  return decisionInputOf({
    number: src.text('decision.number'),
    signedOn: src.text('decision.signed_on'),
    signer: src.text('decision.signer'),
    effectiveMonth: src.text('decision.effective_month'),
    reason: src.text('decision.reason'),
  });
}

const version = (src: Source): number => versionOf(src.text('expected_version'));

function required(src: Source, name: string, max = 1000): string {
  const value = src.text(name).trim();
  if (value === '') throw badRequest(name, 'is required');
  if (value.length > max) throw badRequest(name, `must be at most ${max} characters`);
  return value;
}

function boolean(src: Source, name: string): boolean {
  const value = src.text(name).trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(name, 'must be true or false');
}

export function submitRequestOf(src: Source): SubmitApplicationRequest {
  const date = src.text('application_date');
  if (date.trim() === '') throw badRequest('application_date', 'is required');
  return {
    kind: caseKindOf(src.text('kind')),
    householdId: idParam(src.text('household_id'), 'household_id'),
    memberId: idParam(src.text('member_id'), 'member_id'),
    eligibility: eligibility(src),
    payment: paymentOf({
      channel: src.text('payment.channel'),
      bankCode: src.text('payment.bank_code'),
      accountNumber: src.text('payment.account_number'),
    }),
    applicationDate: parseDay(date, 'application_date'),
    documents: src.list('documents'),
    requestId: src.text('request_id').trim().slice(0, 100),
  };
}

export function completenessRequestOf(src: Source, caseId: string): CheckCompletenessRequest {
  const complete = boolean(src, 'complete');
  const missingItems = src.list('missing_items');
  if (!complete && missingItems.length === 0)
    throw badRequest('missing_items', 'list the missing items of an incomplete application');
  return {
    caseId,
    expectedVersion: version(src),
    complete,
    missingItems: complete ? [] : missingItems,
    note: src.text('note').trim(),
  };
}

export function resubmitRequestOf(src: Source, caseId: string): ResubmitApplicationRequest {
  return {
    caseId,
    expectedVersion: version(src),
    documents: src.list('documents'),
    note: src.text('note').trim(),
  };
}

export function appraiseRequestOf(src: Source, caseId: string): AppraiseCaseRequest {
  return {
    caseId,
    expectedVersion: version(src),
    eligibility: eligibility(src),
    proposedMonth: optionalMonth(src.text('proposed_month'), 'proposed_month'),
    opinion: src.text('opinion').trim(),
  };
}

export function verifyRequestOf(src: Source, caseId: string): VerifyBeneficiaryRequest {
  return { caseId, expectedVersion: version(src) };
}

export function approveRequestOf(src: Source, caseId: string): ApproveCaseRequest {
  return {
    caseId,
    expectedVersion: version(src),
    decisionNumber: required(src, 'decision_number', 100),
    signedOn: parseDay(required(src, 'signed_on', 10), 'signed_on'),
    signer: src.text('signer').trim(),
    effectiveMonth: optionalMonth(src.text('effective_month'), 'effective_month'),
  };
}

export function rejectRequestOf(src: Source, caseId: string): RejectCaseRequest {
  return {
    caseId,
    expectedVersion: version(src),
    reason: required(src, 'reason'),
    decisionNumber: src.text('decision_number').trim(),
    signedOn:
      src.text('signed_on').trim() === ''
        ? undefined
        : parseDay(src.text('signed_on'), 'signed_on'),
    signer: src.text('signer').trim(),
  };
}

export function changeEligibilityRequestOf(src: Source, caseId: string): ChangeEligibilityRequest {
  return {
    caseId,
    expectedVersion: version(src),
    eligibility: eligibility(src),
    decision: decision(src),
  };
}

/** Suspension and resumption: only the decision. */
export function decisionRequestOf(
  src: Source,
  caseId: string,
): { caseId: string; expectedVersion: number; decision: DecisionInput } {
  return { caseId, expectedVersion: version(src), decision: decision(src) };
}

export function terminateRequestOf(src: Source, caseId: string): TerminateCaseRequest {
  return {
    caseId,
    expectedVersion: version(src),
    ground: groundOf(src.text('ground')),
    decision: decision(src),
  };
}

export function transferRequestOf(src: Source, caseId: string): TransferCaseRequest {
  return {
    caseId,
    expectedVersion: version(src),
    destinationCommuneCode: communeCodeOf(
      src.text('destination_commune_code'),
      'destination_commune_code',
    ),
    decision: decision(src),
  };
}

export function acceptTransferRequestOf(src: Source, caseId: string): AcceptTransferRequest {
  return {
    caseId,
    householdId: idParam(src.text('household_id').trim(), 'household_id'),
    memberId: idParam(src.text('member_id').trim(), 'member_id'),
    payment: paymentOf({
      channel: src.text('payment.channel'),
      bankCode: src.text('payment.bank_code'),
      accountNumber: src.text('payment.account_number'),
    }),
    decision: decision(src),
  };
}

export function resolveFlagRequestOf(
  src: Source,
  caseId: string,
  flagId: string,
): ResolveReviewFlagRequest {
  return { caseId, flagId, resolution: required(src, 'resolution') };
}
