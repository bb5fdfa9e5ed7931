/** JSON Schemas (OpenAPI 3.1 components) of household moves and identity quality. */
import { nullableString, ref } from './schema-parts';
const uuid = { type: 'string', format: 'uuid' };
const version = { type: 'integer', minimum: 1, description: 'the household version read' };
const reason = { type: 'string', maxLength: 1000 };
const memberRelations = {
  type: 'array',
  items: {
    type: 'object',
    required: ['memberId', 'relation'],
    additionalProperties: false,
    properties: { memberId: uuid, relation: { type: 'string', examples: ['child'] } },
  },
};

export const moveQualitySchemas = {
  MoveMember: {
    type: 'object',
    required: ['expectedVersion', 'toHouseholdId', 'toExpectedVersion', 'relation', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: version,
      toHouseholdId: uuid,
      toExpectedVersion: version,
      relation: { type: 'string', description: 'relation to the receiving head (never head)' },
      newHeadMemberId: { ...uuid, description: 'required when the head moves and others stay' },
      reason,
    },
  },
  MoveMemberOut: {
    type: 'object',
    required: ['expectedVersion', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: version,
      destinationUnitCode: {
        type: 'string',
        pattern: '^([0-9]{2}|[0-9]{5})?$',
        description: 'commune or province of the 2025 structure; empty when unknown',
      },
      newHeadMemberId: uuid,
      reason,
    },
  },
  SplitHousehold: {
    type: 'object',
    required: ['expectedVersion', 'members', 'streetAddress', 'area', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: version,
      members: { ...memberRelations, description: 'exactly one with relation head' },
      villageCode: { type: 'string' },
      streetAddress: { type: 'string' },
      area: { type: 'string', enum: ['rural', 'urban'] },
      remainingHeadMemberId: uuid,
      formerHeadRelation: { type: 'string' },
      reason,
    },
  },
  MergeHouseholds: {
    type: 'object',
    required: [
      'expectedVersion',
      'absorbedHouseholdId',
      'absorbedExpectedVersion',
      'members',
      'reason',
    ],
    additionalProperties: false,
    properties: {
      expectedVersion: version,
      absorbedHouseholdId: uuid,
      absorbedExpectedVersion: version,
      members: {
        ...memberRelations,
        description: 'every living member of the absorbed household (none head)',
      },
      reason,
    },
  },
  MoveResult: {
    type: 'object',
    required: ['fromHousehold', 'toHousehold'],
    properties: { fromHousehold: ref('Household'), toHousehold: ref('Household') },
  },
  SplitResult: {
    type: 'object',
    required: ['household', 'newHousehold'],
    properties: { household: ref('Household'), newHousehold: ref('Household') },
  },
  MergeResult: {
    type: 'object',
    required: ['survivingHousehold', 'absorbedHousehold'],
    properties: { survivingHousehold: ref('Household'), absorbedHousehold: ref('Household') },
  },
  CandidateRecord: {
    type: 'object',
    required: [
      'visible',
      'provinceCode',
      'communeCode',
      'memberId',
      'householdId',
      'householdCode',
      'fullName',
      'dateOfBirth',
      'citizenId',
    ],
    description: 'outside the caller’s jurisdiction only visible=false and provinceCode are set',
    properties: {
      visible: { type: 'boolean' },
      provinceCode: { type: 'string' },
      communeCode: nullableString,
      memberId: nullableString,
      householdId: nullableString,
      householdCode: nullableString,
      fullName: nullableString,
      dateOfBirth: nullableString,
      citizenId: nullableString,
    },
  },
  DuplicatePair: {
    type: 'object',
    required: ['id', 'rules', 'first', 'second', 'sameCommune', 'openMergeId'],
    properties: {
      id: { type: 'string', description: 'opaque, stable id of the pair' },
      rules: {
        type: 'array',
        items: { type: 'string', enum: ['citizen_id', 'name_birth_commune', 'unknown'] },
      },
      first: ref('CandidateRecord'),
      second: ref('CandidateRecord'),
      sameCommune: { type: 'boolean' },
      openMergeId: nullableString,
    },
  },
  DuplicatePairPage: {
    type: 'object',
    required: ['pairs', 'nextPageToken'],
    properties: {
      pairs: { type: 'array', items: ref('DuplicatePair') },
      nextPageToken: { ...nullableString, description: 'null on the last page' },
    },
  },
  DismissCandidate: {
    type: 'object',
    required: ['firstMemberId', 'secondMemberId', 'reason'],
    additionalProperties: false,
    properties: { firstMemberId: uuid, secondMemberId: uuid, reason },
  },
  Dismissed: {
    type: 'object',
    required: ['dismissed'],
    properties: { dismissed: { type: 'boolean', const: true } },
  },
  NewMergeProposal: {
    type: 'object',
    required: ['keptMemberId', 'mergedMemberId', 'reason'],
    additionalProperties: false,
    properties: { keptMemberId: uuid, mergedMemberId: uuid, reason },
  },
  Decision: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: { reason },
  },
  MergeProposal: {
    type: 'object',
    required: [
      'id',
      'keptMemberId',
      'mergedMemberId',
      'communeCode',
      'status',
      'reason',
      'proposedBy',
      'proposedAt',
      'decidedBy',
      'decidedAt',
      'decisionReason',
      'differences',
    ],
    properties: {
      id: uuid,
      keptMemberId: uuid,
      mergedMemberId: uuid,
      communeCode: { type: 'string' },
      status: { type: ['string', 'null'], enum: ['proposed', 'confirmed', 'rejected', null] },
      reason: { type: 'string' },
      proposedBy: { type: 'string', description: 'subject of the proposing account' },
      proposedAt: { type: ['string', 'null'], format: 'date-time' },
      decidedBy: nullableString,
      decidedAt: { type: ['string', 'null'], format: 'date-time' },
      decisionReason: nullableString,
      differences: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'keptValue', 'mergedValue'],
          properties: {
            field: { type: 'string' },
            keptValue: { type: 'string' },
            mergedValue: { type: 'string' },
          },
        },
      },
    },
  },
  MergeProposalList: {
    type: 'object',
    required: ['proposals'],
    properties: { proposals: { type: 'array', items: ref('MergeProposal') } },
  },
  Verification: {
    type: 'object',
    required: ['outcome', 'mismatchedFields', 'verifiedAt', 'householdVersion'],
    properties: {
      outcome: { type: ['string', 'null'], enum: ['match', 'mismatch', 'not_found', null] },
      mismatchedFields: {
        type: 'array',
        items: { type: 'string', enum: ['full_name', 'date_of_birth', 'sex'] },
      },
      verifiedAt: { type: ['string', 'null'], format: 'date-time' },
      householdVersion: { type: 'integer' },
    },
  },
} as const;
