/** JSON Schemas (OpenAPI 3.1 components) of acceptance sampling (nghiệm thu). */
import { ref } from './schema-parts';
const uuid = { type: 'string', format: 'uuid' };
const instant = { type: ['string', 'null'], format: 'date-time' };
const percent = { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,4})?$', examples: ['0.5'] };

const rate = {
  type: ['object', 'null'],
  required: ['errors', 'checked', 'ratePercent', 'limitPercent', 'withinLimit', 'excessPercent'],
  properties: {
    errors: { type: 'integer' },
    checked: { type: 'integer' },
    ratePercent: percent,
    limitPercent: percent,
    withinLimit: { type: 'boolean' },
    excessPercent: { ...percent, description: 'percentage points above the limit; "0" within it' },
  },
};

export const samplingSchemas = {
  NewSample: {
    type: 'object',
    required: ['communeCode', 'purpose'],
    additionalProperties: false,
    description: 'exactly one of sampleSize and rateBasisPoints',
    properties: {
      communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
      purpose: { type: 'string', examples: ['nghiệm thu 2026 đợt 1'] },
      sampleSize: {
        type: 'integer',
        minimum: 1,
        description: 'households (capped at the population)',
      },
      rateBasisPoints: {
        type: 'integer',
        minimum: 1,
        maximum: 10000,
        description: 'share of the population in basis points, rounded up',
      },
      seed: { type: 'string', pattern: '^([0-9a-f]{32,128})?$', description: 'repeat a draw' },
    },
  },
  FieldCheckRecord: {
    type: 'object',
    required: ['checks'],
    additionalProperties: false,
    properties: {
      checks: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'error'],
          additionalProperties: false,
          properties: {
            field: {
              type: 'string',
              pattern: '^[a-z][a-z0-9_]{0,63}$',
              description:
                'identity fields: full_name, date_of_birth, sex, citizen_id, relation (with memberId), household_code, address, head_name; any other code is an other field',
            },
            memberId: uuid,
            error: { type: 'boolean', description: 'the recorded value was wrong or missing' },
          },
        },
      },
      note: { type: 'string', maxLength: 1000 },
    },
  },
  SampleItem: {
    type: 'object',
    required: [
      'position',
      'householdId',
      'householdCode',
      'checked',
      'identityFieldsChecked',
      'identityFieldErrors',
      'otherFieldsChecked',
      'otherFieldErrors',
      'note',
      'checks',
      'checkedAt',
    ],
    properties: {
      position: { type: 'integer', description: '1-based rank in the draw' },
      householdId: uuid,
      householdCode: { type: 'string' },
      checked: { type: 'boolean' },
      identityFieldsChecked: { type: 'integer' },
      identityFieldErrors: { type: 'integer' },
      otherFieldsChecked: { type: 'integer' },
      otherFieldErrors: { type: 'integer' },
      note: { type: 'string' },
      checks: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'memberId', 'error'],
          properties: {
            field: { type: 'string' },
            memberId: { type: ['string', 'null'] },
            error: { type: 'boolean' },
          },
        },
      },
      checkedAt: instant,
    },
  },
  Sample: {
    type: 'object',
    required: [
      'id',
      'communeCode',
      'provinceCode',
      'purpose',
      'seed',
      'populationSize',
      'populationDigest',
      'sampleSize',
      'status',
      'drawnAt',
      'drawnBy',
      'items',
      'result',
    ],
    properties: {
      id: uuid,
      communeCode: { type: 'string' },
      provinceCode: { type: 'string' },
      purpose: { type: 'string' },
      seed: { type: 'string', description: 'hex seed of the draw' },
      populationSize: { type: 'integer' },
      populationDigest: { type: 'string', description: 'SHA-256 of the sorted household ids' },
      sampleSize: { type: 'integer' },
      status: { type: ['string', 'null'], enum: ['open', 'accepted', 'rejected', null] },
      drawnAt: instant,
      drawnBy: { type: 'string' },
      items: { type: 'array', items: ref('SampleItem'), description: 'empty in lists' },
      result: {
        type: ['object', 'null'],
        required: ['identity', 'other', 'accepted', 'reasons', 'decidedAt', 'decidedBy'],
        properties: {
          identity: { ...rate, description: 'identity fields against 0.5 %' },
          other: { ...rate, description: 'other fields against 2 %' },
          accepted: { type: 'boolean' },
          reasons: { type: 'array', items: { type: 'string' } },
          decidedAt: instant,
          decidedBy: { type: 'string' },
        },
      },
    },
  },
  SampleList: {
    type: 'object',
    required: ['samples'],
    properties: { samples: { type: 'array', items: ref('Sample') } },
  },
} as const;
