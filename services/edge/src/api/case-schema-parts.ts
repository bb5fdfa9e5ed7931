/** Pieces the case schemas are built from: months, days, money, eligibility, payment, decision. */
import { CHANNELS, DISABILITY_LEVELS } from './case-json';
import { nullableString } from './schema-parts';

export const month = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$', description: 'YYYY-MM' };
export const nullableMonth = { ...month, type: ['string', 'null'] };
export const day = { type: 'string', format: 'date' };
export const nullableDay = { type: ['string', 'null'], format: 'date' };
export const vnd = { type: 'integer', description: 'VND (whole đồng)' };
export const uuid = { type: 'string', format: 'uuid' };
export const version = { type: 'integer', minimum: 1, description: 'the case version read' };
export const disability = { type: ['string', 'null'], enum: [...DISABILITY_LEVELS, null] };

export const eligibility = {
  type: 'object',
  properties: {
    categoryCodes: {
      type: 'array',
      items: { type: 'string' },
      description: 'diện hưởng; the highest coefficient applies',
    },
    disabilityLevel: disability,
    careSupportTypeCode: nullableString,
  },
};
export const payment = {
  type: 'object',
  required: ['channel'],
  properties: {
    channel: { type: ['string', 'null'], enum: [...CHANNELS, null] },
    bankCode: nullableString,
    accountNumber: { ...nullableString, description: '6–19 digits (bank transfer)' },
  },
};
export const decisionInput = {
  type: 'object',
  required: ['number', 'signedOn'],
  properties: {
    number: { type: 'string', examples: ['125/QĐ-UBND'] },
    signedOn: day,
    signer: { type: 'string' },
    effectiveMonth: { ...month, description: 'default: the month of signing' },
    reason: { type: 'string' },
  },
};
export const withDecision = (extra: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  required: ['expectedVersion', 'decision', ...required],
  properties: { expectedVersion: version, ...extra, decision: decisionInput },
});
