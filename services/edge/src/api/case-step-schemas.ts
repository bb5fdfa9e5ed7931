/** JSON Schemas (OpenAPI 3.1 components) of the step and variation requests and their answers. */
import { TERMINATION_GROUNDS } from '../forms/case-input';
import {
  day,
  decisionInput,
  eligibility,
  month,
  nullableMonth,
  payment,
  uuid,
  version,
  vnd,
  withDecision,
} from './case-schema-parts';
import { ref } from './schema-parts';

export const caseStepSchemas = {
  CompletenessRequest: {
    type: 'object',
    required: ['expectedVersion', 'complete'],
    properties: {
      expectedVersion: version,
      complete: { type: 'boolean' },
      missingItems: {
        type: 'array',
        items: { type: 'string' },
        description: 'required when not complete',
      },
      note: { type: 'string' },
    },
  },
  ResubmitRequest: {
    type: 'object',
    required: ['expectedVersion'],
    properties: {
      expectedVersion: version,
      documents: { type: 'array', items: { type: 'string' } },
      note: { type: 'string' },
    },
  },
  AppraisalRequest: {
    type: 'object',
    required: ['expectedVersion', 'eligibility'],
    properties: {
      expectedVersion: version,
      eligibility,
      proposedMonth: month,
      opinion: { type: 'string' },
    },
  },
  VersionRequest: {
    type: 'object',
    required: ['expectedVersion'],
    properties: { expectedVersion: version },
  },
  ApprovalRequest: {
    type: 'object',
    required: ['expectedVersion', 'decisionNumber', 'signedOn'],
    properties: {
      expectedVersion: version,
      decisionNumber: { type: 'string' },
      signedOn: day,
      signer: { type: 'string' },
      effectiveMonth: { ...month, description: 'default: the month of signing' },
    },
  },
  RejectionRequest: {
    type: 'object',
    required: ['expectedVersion', 'reason'],
    properties: {
      expectedVersion: version,
      reason: { type: 'string' },
      decisionNumber: { type: 'string' },
      signedOn: day,
      signer: { type: 'string' },
    },
  },
  DecisionRequest: withDecision({}),
  EligibilityChangeRequest: withDecision({ eligibility }, ['eligibility']),
  TerminationRequest: withDecision({ ground: { type: 'string', enum: [...TERMINATION_GROUNDS] } }, [
    'ground',
  ]),
  TransferRequest: withDecision(
    { destinationCommuneCode: { type: 'string', pattern: '^[0-9]{5}$' } },
    ['destinationCommuneCode'],
  ),
  AcceptTransferRequest: {
    type: 'object',
    required: ['householdId', 'memberId', 'payment', 'decision'],
    properties: { householdId: uuid, memberId: uuid, payment, decision: decisionInput },
  },
  FlagResolution: {
    type: 'object',
    required: ['resolution'],
    properties: { resolution: { type: 'string' } },
  },
  VariationResult: {
    type: 'object',
    required: ['case', 'arrears'],
    properties: {
      case: ref('Case'),
      arrears: {
        type: 'object',
        required: ['lines', 'totalVnd'],
        properties: {
          lines: {
            type: 'array',
            items: {
              type: 'object',
              properties: { month: nullableMonth, beforeVnd: vnd, afterVnd: vnd, deltaVnd: vnd },
            },
          },
          totalVnd: {
            ...vnd,
            description: 'positive: arrears owed (truy lĩnh); negative: to recover (thu hồi)',
          },
        },
      },
    },
  },
} as const;
