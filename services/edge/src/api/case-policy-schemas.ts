/** JSON Schemas (OpenAPI 3.1 components) of the policy catalogue and its new versions. */
import { nullableString } from './schema-parts';

const nullableDay = { type: ['string', 'null'], format: 'date' };
const validity = {
  validFrom: nullableDay,
  validTo: { ...nullableDay, description: 'inclusive; null while open-ended' },
  legalSource: { type: 'string', examples: ['Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1'] },
  tag: {
    type: ['string', 'null'],
    enum: ['C', 'S', 'M', null],
    description: 'C confirmed; S secondary source and M recalled (both unverified)',
  },
};
const list = (item: Record<string, unknown>) => ({
  type: 'array',
  items: { type: 'object', properties: { ...item, ...validity } },
});
const coefficient = { type: 'integer', description: 'hệ số × 100 (1.5 → 150)' };
const newVersion = (required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required: [...required, 'validFrom', 'legalSource', 'tag', 'reason'],
  properties: {
    ...properties,
    validFrom: { type: 'string', format: 'date', description: 'after today' },
    legalSource: { type: 'string' },
    tag: { type: 'string', enum: ['C', 'S', 'M'] },
    reason: { type: 'string', description: 'why the change is recorded' },
  },
});

export const casePolicySchemas = {
  Catalogue: {
    type: 'object',
    required: [
      'asOf',
      'baseLevels',
      'categories',
      'coefficientRules',
      'careSupportTypes',
      'emergencyTypes',
    ],
    properties: {
      asOf: nullableDay,
      baseLevels: list({
        id: { type: 'string' },
        provinceCode: { ...nullableString, description: 'null: national' },
        amountVnd: { type: 'integer', description: 'mức chuẩn, VND per month' },
      }),
      categories: list({
        code: { type: 'string' },
        group: { type: 'string', examples: ['5a'] },
        decree: { type: 'string' },
        nameVi: { type: 'string' },
      }),
      coefficientRules: list({
        id: { type: 'string' },
        categoryCode: { type: 'string' },
        minAgeMonths: { type: ['integer', 'null'] },
        maxAgeMonths: { type: ['integer', 'null'] },
        disabilityLevel: { ...nullableString, enum: ['severe', 'extremely_severe', null] },
        coefficientHundredths: coefficient,
      }),
      careSupportTypes: list({
        code: { type: 'string' },
        nameVi: { type: 'string' },
        coefficientHundredths: coefficient,
      }),
      emergencyTypes: list({
        code: { type: 'string' },
        nameVi: { type: 'string' },
        descriptionVi: { type: 'string' },
      }),
    },
  },
  ProcedureRuleList: {
    type: 'object',
    required: ['rules'],
    properties: {
      rules: list({
        code: { type: 'string', examples: ['nd147-2025'] },
        appraisalLevel: { type: 'string', enum: ['district', 'commune'] },
        decisionLevel: { type: 'string', enum: ['district', 'commune'] },
        completenessDays: { type: 'integer' },
        appraisalDays: { type: 'integer' },
        decisionDays: { type: 'integer' },
      }),
    },
  },
  NewBaseLevel: newVersion(['amountVnd'], {
    provinceCode: { type: 'string', pattern: '^([0-9]{2})?$', description: 'empty: national' },
    amountVnd: { type: 'integer', minimum: 1 },
  }),
  NewCoefficientRule: newVersion(['categoryCode', 'coefficientHundredths'], {
    categoryCode: { type: 'string' },
    minAgeMonths: { type: ['integer', 'null'] },
    maxAgeMonths: { type: ['integer', 'null'] },
    disabilityLevel: { type: 'string', enum: ['', 'severe', 'extremely_severe'] },
    coefficientHundredths: coefficient,
  }),
  NewCategory: newVersion(['code', 'group', 'decree', 'nameVi'], {
    code: { type: 'string', examples: ['nd20-5a'] },
    group: { type: 'string' },
    decree: { type: 'string' },
    nameVi: { type: 'string' },
    replacesCode: { type: 'string' },
  }),
  NewCareSupportType: newVersion(['code', 'nameVi', 'coefficientHundredths'], {
    code: { type: 'string' },
    nameVi: { type: 'string' },
    coefficientHundredths: coefficient,
  }),
  NewEmergencyType: newVersion(['code', 'nameVi'], {
    code: { type: 'string' },
    nameVi: { type: 'string' },
    descriptionVi: { type: 'string' },
  }),
} as const;
