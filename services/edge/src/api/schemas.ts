/** JSON Schemas (OpenAPI 3.1 components) of the API's bodies. */
import { accountSchemas } from './account-schemas';
import { householdSchemas } from './household-schemas';
import { caseSchemas } from './case-schemas';
import { caseStepSchemas } from './case-step-schemas';
import { casePolicySchemas } from './case-policy-schemas';
import { citizenSchemas } from './citizen-schemas';
import { citizenStaffSchemas } from './citizen-staff-schemas';
import { importSchemas } from './import-schemas';
import { reviewSchemas } from './review-schemas';
import { moveQualitySchemas } from './move-quality-schemas';
import { samplingSchemas } from './sampling-schemas';
import { paymentSchemas } from './payment-schemas';
import { nullableString } from './schema-parts';

const date = { type: ['string', 'null'], format: 'date' };

export const schemas = {
  Unit: {
    type: 'object',
    required: [
      'structure',
      'code',
      'level',
      'name',
      'shortName',
      'type',
      'parentCode',
      'provinceCode',
      'validFrom',
      'validTo',
    ],
    properties: {
      structure: {
        type: ['string', 'null'],
        enum: ['2024', '2025', null],
        description: '2024: with districts (until 30 Jun 2025); 2025: from 1 Jul 2025',
      },
      code: { type: 'string', description: 'GSO code: 2 digits province, 3 district, 5 commune' },
      level: { type: ['string', 'null'], enum: ['province', 'district', 'commune', null] },
      name: { type: 'string', examples: ['Phường Phúc Xá'] },
      shortName: { type: 'string' },
      type: { type: 'string', examples: ['Phường'] },
      parentCode: nullableString,
      provinceCode: { type: 'string' },
      validFrom: date,
      validTo: date,
    },
  },
  UnitList: {
    type: 'object',
    required: ['units'],
    properties: { units: { type: 'array', items: { $ref: '#/components/schemas/Unit' } } },
  },
  UnitPage: {
    type: 'object',
    required: ['units', 'nextPageToken'],
    properties: {
      units: { type: 'array', items: { $ref: '#/components/schemas/Unit' } },
      nextPageToken: {
        ...nullableString,
        description: 'pass as pageToken for the next page; null on the last page',
      },
    },
  },
  Resolution: {
    type: 'object',
    required: ['oldUnit', 'successors'],
    properties: {
      oldUnit: { $ref: '#/components/schemas/Unit' },
      successors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['unit', 'relation', 'note'],
          properties: {
            unit: { $ref: '#/components/schemas/Unit' },
            relation: { type: ['string', 'null'], enum: ['full', 'partial', 'unchanged', null] },
            note: { type: 'string' },
          },
        },
      },
    },
  },
  Village: {
    type: 'object',
    required: ['code', 'communeCode', 'name', 'kind', 'createTime'],
    properties: {
      code: { type: 'string', description: '8 digits: commune code and a 3-digit number' },
      communeCode: { type: 'string' },
      name: { type: 'string' },
      kind: { type: ['string', 'null'], enum: ['rural', 'urban', null] },
      createTime: { type: ['string', 'null'], format: 'date-time' },
    },
  },
  VillagePage: {
    type: 'object',
    required: ['villages', 'nextPageToken'],
    properties: {
      villages: { type: 'array', items: { $ref: '#/components/schemas/Village' } },
      nextPageToken: nullableString,
    },
  },
  NewVillage: {
    type: 'object',
    required: ['name', 'kind'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', maxLength: 100, examples: ['Thôn Đông'] },
      kind: { type: 'string', enum: ['rural', 'urban'] },
    },
  },
  ...accountSchemas,
  ...householdSchemas,
  ...importSchemas,
  ...reviewSchemas,
  ...moveQualitySchemas,
  ...samplingSchemas,
  ...caseSchemas,
  ...caseStepSchemas,
  ...casePolicySchemas,
  ...citizenSchemas,
  ...citizenStaffSchemas,
  ...paymentSchemas,
  OpenApiDocument: { type: 'object', description: 'this document' },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
            description: 'gRPC status name of the refusal, or CSRF_TOKEN_INVALID',
            examples: ['PERMISSION_DENIED', 'INVALID_ARGUMENT', 'NOT_FOUND', 'UNAUTHENTICATED'],
          },
          field: { type: 'string', description: 'the request field at fault (INVALID_ARGUMENT)' },
          message: { type: 'string', description: 'the reason, in English' },
        },
      },
    },
  },
} as const;

export type SchemaName = keyof typeof schemas;
