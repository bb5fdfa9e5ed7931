/** JSON Schemas (OpenAPI 3.1 components) of payrolls, payment files, results and reconciliation. */
import { ITEM_KINDS, OUTCOMES, PAYMENT_CHANNELS, PAYROLL_STATUSES } from '../forms/payment-input';
import { month, nullableMonth, uuid } from './case-schema-parts';
import { nullableString, page, ref } from './schema-parts';

/** Integer VND as decimal text, so no client rounds it. */
const vnd = {
  type: 'string',
  pattern: '^-?[0-9]+$',
  description: 'whole đồng as decimal text',
  examples: ['1250000'],
};
const count = { type: 'integer', minimum: 0 };
const instant = { type: ['string', 'null'], format: 'date-time' };
const channel = { type: 'string', enum: [...PAYMENT_CHANNELS] };

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
  ...extra,
});

const figures = object({
  lines: count,
  plannedVnd: vnd,
  paidVnd: vnd,
  unpaidVnd: vnd,
  returnedVnd: vnd,
  pendingVnd: { ...vnd, description: 'lines of a closed payroll with no result yet' },
  carriedOverVnd: { ...vnd, description: 'unpaid amounts of earlier months paid this month' },
});

const unitReconciliation = object({
  unitCode: { type: 'string' },
  figures,
  communesWithoutPayroll: count,
  payrollsOpen: { ...count, description: 'draft or approved' },
  payrollsClosed: count,
});

export const paymentSchemas = {
  PayrollTotals: object({
    lines: count,
    currentVnd: { ...vnd, description: 'the month’s own amounts' },
    arrearsVnd: { ...vnd, description: 'truy lĩnh: earlier months owed more' },
    recoveryVnd: { ...vnd, description: 'thu hồi: earlier months owed less (negative)' },
    carriedOverVnd: { ...vnd, description: 'unpaid amounts of earlier months' },
    totalVnd: { ...vnd, description: 'paid out: the sum of the lines' },
  }),
  Payroll: object({
    id: uuid,
    communeCode: { type: 'string' },
    provinceCode: { type: 'string' },
    month: nullableMonth,
    status: { type: ['string', 'null'], enum: [...PAYROLL_STATUSES, null] },
    totals: ref('PayrollTotals'),
    channels: {
      type: 'array',
      items: object({ channel, totals: ref('PayrollTotals') }),
    },
    exceptions: {
      type: 'array',
      description: 'beneficiaries listed without a line (negative net, invalid account, deceased)',
      items: object({
        caseId: uuid,
        caseCode: { type: 'string' },
        kind: {
          type: 'string',
          examples: ['negative_net', 'invalid_account', 'deceased_unsettled'],
        },
        amountVnd: vnd,
        detail: { type: 'string' },
      }),
    },
    generation: { ...count, description: 'how many times it was generated' },
    generatedAt: instant,
    approvedBy: nullableString,
    approvedAt: instant,
    closedBy: nullableString,
    closedAt: instant,
    version: { type: 'integer', minimum: 1 },
  }),
  PayrollPage: page('payrolls', 'Payroll'),
  PayrollGenerationRequest: {
    type: 'object',
    required: ['communeCode', 'month'],
    properties: {
      communeCode: {
        type: 'string',
        pattern: '^([0-9]{5}|[0-9]{2})$',
        description: 'a commune, or a province: every commune of it',
      },
      month,
    },
  },
  PayrollGeneration: object({
    payrolls: {
      type: 'array',
      items: object({
        payroll: ref('Payroll'),
        regenerated: {
          type: 'boolean',
          description: 'false when already approved or closed (returned unchanged)',
        },
      }),
    },
    refused: {
      type: 'array',
      description: 'communes of a province run that the service refused',
      items: object({
        communeCode: { type: 'string' },
        code: { type: 'string' },
        message: { type: 'string' },
      }),
    },
  }),
  PayrollLine: object({
    id: uuid,
    caseId: uuid,
    caseCode: { type: 'string' },
    fullName: { type: 'string' },
    citizenId: { ...nullableString, description: 'last 4 digits only' },
    channel,
    bankCode: nullableString,
    accountNumber: nullableString,
    items: {
      type: 'array',
      items: object({
        forMonth: nullableMonth,
        kind: { type: 'string', enum: [...ITEM_KINDS] },
        amountVnd: vnd,
      }),
    },
    totalVnd: vnd,
    outcome: { type: 'string', enum: ['pending', ...OUTCOMES] },
    outcomeReason: nullableString,
  }),
  PayrollLinePage: page('lines', 'PayrollLine'),
  PayrollVersionRequest: {
    type: 'object',
    required: ['expectedVersion'],
    properties: { expectedVersion: { type: 'integer', minimum: 1, description: 'version read' } },
  },
  PaymentFile: object({
    fileName: { type: 'string', examples: ['chi-tra-00004-2026-03-bank_transfer.csv'] },
    channel: { type: ['string', 'null'], enum: [...PAYMENT_CHANNELS, null] },
    format: { type: 'string', enum: ['csv', 'xlsx', 'checksums', 'signature'] },
    mediaType: { type: 'string' },
    sizeBytes: count,
    sha256: { type: 'string', description: 'hex' },
    lines: count,
    totalVnd: vnd,
  }),
  PaymentFileList: object({ files: { type: 'array', items: ref('PaymentFile') } }),
  PaymentFileContent: {
    type: 'string',
    contentMediaType: 'application/octet-stream',
    description: 'the file (attachment with its name; CSV, XLSX, text or signature bytes)',
  },
  PaymentSigningKey: object({
    publicKeyPem: { type: 'string', description: 'Ed25519 public key, PEM (SPKI)' },
    keyId: { type: 'string', description: 'hex SHA-256 of the DER public key' },
  }),
  PaymentResultRequest: {
    type: 'object',
    required: ['outcome'],
    properties: {
      outcome: { type: 'string', enum: [...OUTCOMES] },
      reason: { type: 'string', maxLength: 500, description: 'required for unpaid and returned' },
      paidOn: { type: 'string', format: 'date' },
    },
  },
  PaymentResult: object({ lineId: uuid, outcome: { type: 'string', enum: [...OUTCOMES] } }),
  ResultFile: {
    type: 'string',
    contentMediaType: 'application/octet-stream',
    description: 'the agent’s result file: CSV (UTF-8) or XLSX in the template’s layout',
  },
  ResultImport: object({
    importId: uuid,
    status: { type: 'string', enum: ['done', 'rejected'] },
    rows: count,
    recorded: count,
    invalidRows: count,
    duplicate: { type: 'boolean', description: 'this same file was imported for it before' },
  }),
  Reconciliation: object({
    unit: unitReconciliation,
    children: { type: 'array', items: unitReconciliation },
    exceptions: {
      type: 'array',
      items: object({
        unitCode: { type: 'string' },
        kind: {
          type: 'string',
          examples: ['totals_mismatch', 'result_amount_mismatch', 'missing_result'],
        },
        payrollId: { ...nullableString, format: 'uuid' },
        lineId: { ...nullableString, format: 'uuid' },
        amountVnd: vnd,
        detail: { type: 'string' },
      }),
    },
    computedAt: instant,
  }),
} as const;
