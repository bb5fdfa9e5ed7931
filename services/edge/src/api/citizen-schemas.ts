/** JSON Schemas (OpenAPI 3.1 components) of the public routes of the citizen online service. */
import { KIND_NAMES, SUBJECT_KINDS } from '../forms/citizen-input';
import { nullableString } from './schema-parts';

const time = { type: ['string', 'null'], format: 'date-time' };
const nullableDay = { type: ['string', 'null'], format: 'date' };
const citizenId = { type: 'string', pattern: '^[0-9]{12}$', description: '12 digits' };
const trackingCode = { type: 'string', maxLength: 40, description: 'mã tra cứu' };
const communeCode = { type: 'string', pattern: '^[0-9]{5}$' };
const text = (max: number) => ({ type: 'string', maxLength: max });

export const citizenSchemas = {
  OnlineApplicationForm: {
    type: 'object',
    description:
      'multipart/form-data: the text fields first, then 1 to 5 files in `attachments` (PDF, JPEG or PNG by their bytes, at most 5 MiB each)',
    required: [
      'kind',
      'full_name',
      'date_of_birth',
      'sex',
      'citizen_id',
      'commune_code',
      'street_address',
      'filed_by',
      'circumstances',
      'payment_channel',
      'attachments',
    ],
    properties: {
      kind: { type: 'string', enum: KIND_NAMES },
      full_name: text(200),
      date_of_birth: { type: 'string', format: 'date' },
      sex: { type: 'string', enum: ['male', 'female'] },
      citizen_id: citizenId,
      phone: text(20),
      email: text(200),
      commune_code: communeCode,
      street_address: text(300),
      filed_by: { type: 'string', enum: ['self', 'other'] },
      filed_by_name: text(200),
      filed_by_relation: text(100),
      circumstances: text(4000),
      suggested_category_code: text(40),
      payment_channel: {
        type: 'string',
        enum: ['cash_at_commune', 'post_office', 'bank_transfer'],
      },
      bank_code: text(20),
      account_number: { type: 'string', pattern: '^[0-9]{6,19}$' },
      attachments: {
        type: 'array',
        minItems: 1,
        maxItems: 5,
        items: { type: 'string', contentMediaType: 'application/octet-stream' },
      },
    },
  },
  OnlineApplicationReceipt: {
    type: 'object',
    required: ['trackingCode', 'receivedAt'],
    properties: { trackingCode, receivedAt: time },
  },
  TrackingQuery: {
    type: 'object',
    required: ['trackingCode', 'citizenId'],
    properties: { trackingCode, citizenId },
  },
  OnlineApplicationTracking: {
    type: 'object',
    description: 'what the citizen may see: never an amount',
    required: ['status', 'missingItems'],
    properties: {
      status: {
        type: 'string',
        enum: ['received', 'declined', 'processing', 'needs_documents', 'approved', 'rejected'],
      },
      receivedAt: time,
      updatedAt: time,
      communeCode: nullableString,
      caseCode: nullableString,
      missingItems: { type: 'array', items: { type: 'string' } },
      reason: nullableString,
      decisionNumber: nullableString,
      decisionSignedOn: nullableDay,
      effectiveMonth: { type: ['string', 'null'], pattern: '^[0-9]{4}-[0-9]{2}$' },
    },
  },
  CitizenComplaint: {
    type: 'object',
    required: [
      'subjectKind',
      'managingUnitCode',
      'complainantName',
      'complainantCitizenId',
      'content',
    ],
    properties: {
      subjectKind: { type: 'string', enum: SUBJECT_KINDS },
      managingUnitCode: communeCode,
      complainantName: text(200),
      complainantCitizenId: citizenId,
      complainantPhone: text(20),
      content: text(4000),
    },
  },
  ComplaintReceipt: {
    type: 'object',
    required: ['trackingCode'],
    properties: { trackingCode, receivedAt: time, dueOn: nullableDay },
  },
  ComplaintTracking: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['open', 'answered', 'closed'] },
      receivedAt: time,
      dueOn: nullableDay,
      answer: nullableString,
      answeredAt: time,
    },
  },
};
