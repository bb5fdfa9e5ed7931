/** JSON Schemas (OpenAPI 3.1 components) of households, members and their changes. */
import { householdSearchSchemas } from './household-search-schemas';

const nullableString = { type: ['string', 'null'] };
const partialDate = {
  type: ['string', 'null'],
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (items: string, name: string) => ({
  type: 'object',
  required: [items, 'nextPageToken'],
  properties: {
    [items]: { type: 'array', items: ref(name) },
    nextPageToken: { ...nullableString, description: 'null on the last page' },
  },
});
const status = { type: ['string', 'null'], enum: ['active', 'dissolved', null] };
const relation = {
  type: 'string',
  enum: [
    'head',
    'spouse',
    'child',
    'parent',
    'parent_in_law',
    'child_in_law',
    'grandchild',
    'grandparent',
    'sibling',
    'other_relative',
    'other',
  ],
};

export const householdSchemas = {
  Member: {
    type: 'object',
    required: [
      'id',
      'fullName',
      'dateOfBirth',
      'sex',
      'ethnicGroupCode',
      'citizenId',
      'relation',
      'deceasedOn',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      fullName: { type: 'string', examples: ['Nguyễn Văn Đức'] },
      dateOfBirth: partialDate,
      sex: { type: ['string', 'null'], enum: ['male', 'female', null] },
      ethnicGroupCode: { type: 'string', examples: ['01'] },
      citizenId: { ...nullableString, description: '12 digits' },
      relation: { type: 'string' },
      deceasedOn: { ...nullableString, format: 'date' },
      mergedIntoMemberId: {
        ...nullableString,
        description: 'the member kept by a duplicate merge',
      },
      populationCheck: {
        type: ['object', 'null'],
        description:
          'the last check against the national population database of the identity fields as they are now',
        properties: {
          outcome: { type: 'string', enum: ['match', 'mismatch', 'not_found'] },
          mismatchedFields: { type: 'array', items: { type: 'string' } },
          verifiedAt: { ...nullableString, format: 'date-time' },
        },
      },
    },
  },
  Household: {
    type: 'object',
    required: [
      'id',
      'code',
      'communeCode',
      'provinceCode',
      'villageCode',
      'streetAddress',
      'area',
      'headMemberId',
      'status',
      'version',
      'createdAt',
      'updatedAt',
      'members',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      code: { type: 'string', examples: ['00004-2026-000001'] },
      communeCode: { type: 'string' },
      provinceCode: { type: 'string' },
      villageCode: nullableString,
      streetAddress: { type: 'string' },
      area: { type: ['string', 'null'], enum: ['rural', 'urban', null] },
      headMemberId: nullableString,
      status,
      version: { type: 'integer', description: 'send back as expectedVersion when changing' },
      createdAt: { type: ['string', 'null'], format: 'date-time' },
      updatedAt: { type: ['string', 'null'], format: 'date-time' },
      members: { type: 'array', items: ref('Member'), description: 'empty in lists' },
      mergedIntoHouseholdId: { ...nullableString, description: 'nhập hộ: merged into' },
      splitFromHouseholdId: { ...nullableString, description: 'tách hộ: split from' },
    },
  },
  HouseholdPage: page('households', 'Household'),
  MemberInput: {
    type: 'object',
    required: ['fullName', 'dateOfBirth', 'sex', 'ethnicGroupCode', 'relation'],
    additionalProperties: false,
    properties: {
      fullName: { type: 'string', maxLength: 200 },
      dateOfBirth: { ...partialDate, type: 'string' },
      sex: { type: 'string', enum: ['male', 'female'] },
      ethnicGroupCode: { type: 'string', pattern: '^[0-9]{2}$' },
      citizenId: { type: 'string', pattern: '^([0-9]{12})?$' },
      relation,
    },
  },
  NewHousehold: {
    type: 'object',
    required: ['communeCode', 'streetAddress', 'area', 'members', 'reason'],
    additionalProperties: false,
    properties: {
      communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
      villageCode: { type: 'string' },
      streetAddress: { type: 'string', maxLength: 300 },
      area: { type: 'string', enum: ['rural', 'urban'] },
      members: { type: 'array', minItems: 1, maxItems: 50, items: ref('MemberInput') },
      reason: { type: 'string', maxLength: 1000 },
    },
  },
  HouseholdChangeRequest: {
    type: 'object',
    required: ['expectedVersion', 'streetAddress', 'area', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: { type: 'integer', minimum: 1 },
      villageCode: { type: 'string' },
      streetAddress: { type: 'string', maxLength: 300 },
      area: { type: 'string', enum: ['rural', 'urban'] },
      reason: { type: 'string', maxLength: 1000 },
    },
  },
  MemberChangeRequest: {
    type: 'object',
    required: ['expectedVersion', 'member', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: { type: 'integer', minimum: 1 },
      member: ref('MemberInput'),
      reason: { type: 'string', maxLength: 1000 },
    },
  },
  MemberAdded: {
    type: 'object',
    required: ['household', 'memberId'],
    properties: { household: ref('Household'), memberId: { type: 'string', format: 'uuid' } },
  },
  DeathRequest: {
    type: 'object',
    required: ['expectedVersion', 'deceasedOn', 'reason'],
    additionalProperties: false,
    properties: {
      expectedVersion: { type: 'integer', minimum: 1 },
      deceasedOn: { type: 'string', format: 'date' },
      reason: { type: 'string', maxLength: 1000 },
    },
  },
  HouseholdChange: {
    type: 'object',
    required: [
      'seq',
      'kind',
      'memberId',
      'actorId',
      'actorUnitCode',
      'at',
      'reason',
      'before',
      'after',
    ],
    properties: {
      seq: { type: 'string' },
      kind: {
        type: 'string',
        examples: [
          'household_created',
          'household_updated',
          'member_added',
          'member_updated',
          'member_deceased',
        ],
      },
      memberId: nullableString,
      actorId: { type: 'string' },
      actorUnitCode: { type: 'string' },
      at: { type: ['string', 'null'], format: 'date-time' },
      reason: { type: 'string' },
      before: { type: ['object', 'null'], description: 'the record before the change' },
      after: { type: ['object', 'null'], description: 'the record after the change' },
    },
  },
  HouseholdHistory: {
    type: 'object',
    required: ['changes'],
    properties: { changes: { type: 'array', items: ref('HouseholdChange') } },
  },
  ...householdSearchSchemas,
} as const;
