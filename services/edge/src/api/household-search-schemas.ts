/** JSON Schemas (OpenAPI 3.1 components) of search results and poverty standards. */
import { householdStatus, nullableString, page, partialDate, ref } from './schema-parts';
const confidence = {
  type: ['string', 'null'],
  enum: ['confirmed', 'secondary', 'unverified', null],
  description: 'confirmed in a source; secondary and unverified values are not confirmed',
};
const money = { ...nullableString, description: 'whole dong per person per month' };

export const householdSearchSchemas = {
  HouseholdHit: {
    type: 'object',
    required: [
      'householdId',
      'householdCode',
      'communeCode',
      'provinceCode',
      'villageCode',
      'status',
      'headFullName',
      'headBirthYear',
      'headMaskedCitizenId',
      'memberCount',
    ],
    properties: {
      householdId: { type: 'string', format: 'uuid' },
      householdCode: { type: 'string' },
      communeCode: { type: 'string' },
      provinceCode: { type: 'string' },
      villageCode: nullableString,
      status: householdStatus,
      headFullName: { type: 'string' },
      headBirthYear: { type: ['integer', 'null'] },
      headMaskedCitizenId: { ...nullableString, examples: ['********1234'] },
      memberCount: { type: 'integer' },
    },
  },
  HouseholdHitPage: page('households', 'HouseholdHit'),
  MemberHit: {
    type: 'object',
    required: [
      'memberId',
      'householdId',
      'householdCode',
      'communeCode',
      'provinceCode',
      'fullName',
      'birthYear',
      'maskedCitizenId',
      'relation',
      'householdStatus',
      'deceased',
    ],
    properties: {
      memberId: { type: 'string', format: 'uuid' },
      householdId: { type: 'string', format: 'uuid' },
      householdCode: { type: 'string' },
      communeCode: { type: 'string' },
      provinceCode: { type: 'string' },
      fullName: { type: 'string' },
      birthYear: { type: ['integer', 'null'] },
      maskedCitizenId: nullableString,
      relation: { type: 'string' },
      householdStatus,
      deceased: { type: 'boolean' },
    },
  },
  MemberHitPage: page('members', 'MemberHit'),
  PovertyStandardList: {
    type: 'object',
    required: ['standards'],
    properties: { standards: { type: 'array', items: ref('PovertyStandard') } },
  },
  PovertyStandard: {
    type: 'object',
    required: ['code', 'legalBasis', 'validFrom', 'validTo', 'inForce', 'rules', 'indicators'],
    properties: {
      code: { type: 'string', examples: ['2022-2025'] },
      legalBasis: { type: 'string' },
      validFrom: partialDate,
      validTo: partialDate,
      inForce: {
        type: 'array',
        items: {
          type: 'object',
          required: ['validFrom', 'validTo', 'legalBasis'],
          properties: {
            validFrom: partialDate,
            validTo: partialDate,
            legalBasis: { type: 'string' },
          },
        },
      },
      rules: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'area',
            'incomeOnlyPoorLine',
            'povertyLine',
            'averageLivingLine',
            'minDeprivationsForPoor',
            'lineConfidence',
            'averageLivingConfidence',
            'structureConfidence',
            'sourceNote',
          ],
          properties: {
            area: { type: ['string', 'null'], enum: ['rural', 'urban', null] },
            incomeOnlyPoorLine: money,
            povertyLine: money,
            averageLivingLine: money,
            minDeprivationsForPoor: { type: 'integer' },
            lineConfidence: confidence,
            averageLivingConfidence: confidence,
            structureConfidence: confidence,
            sourceNote: { type: 'string' },
          },
        },
      },
      indicators: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'nameVi', 'dimension', 'dimensionNameVi', 'confidence', 'sourceNote'],
          properties: {
            code: { type: 'string' },
            nameVi: { type: 'string' },
            dimension: { type: 'string' },
            dimensionNameVi: { type: 'string' },
            confidence,
            sourceNote: { type: 'string' },
          },
        },
      },
    },
  },
} as const;
