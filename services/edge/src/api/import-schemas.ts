/** JSON Schemas (OpenAPI 3.1 components) of the form C/C1 import routes. */
import { nullableString } from './schema-parts';
const count = { type: 'integer', minimum: 0 };

export const importSchemas = {
  ImportFile: {
    type: 'string',
    contentMediaType: 'application/octet-stream',
    description:
      'the file itself: a village XLSX (template layout) or a CSV (UTF-8, key row first)',
  },
  XlsxFile: {
    type: 'string',
    contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: 'an XLSX workbook (attachment with its file name)',
  },
  ImportJob: {
    type: 'object',
    required: [
      'id',
      'fileName',
      'fileSha256',
      'fileSize',
      'formType',
      'communeCode',
      'mode',
      'status',
      'rowsRead',
      'errorCount',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      fileName: { type: 'string' },
      fileSha256: { type: 'string', description: 'hex SHA-256 of the file' },
      fileSize: count,
      formType: { type: 'string', enum: ['C', 'C1'] },
      communeCode: { type: 'string' },
      villageCode: nullableString,
      mode: { type: 'string', enum: ['all_or_nothing', 'valid_rows'] },
      status: {
        type: ['string', 'null'],
        enum: ['running', 'completed', 'partial', 'rejected', 'failed', null],
        description: 'partial: valid_rows wrote the valid households; rejected: nothing written',
      },
      rowsRead: { ...count, description: 'member rows read so far (progress), all once finished' },
      householdsCreated: count,
      householdsUpdated: count,
      householdsUnchanged: count,
      householdsRefused: count,
      errorCount: count,
      createdAt: { type: ['string', 'null'], format: 'date-time' },
      finishedAt: { type: ['string', 'null'], format: 'date-time' },
      failure: { ...nullableString, description: 'why the file was rejected as a whole' },
    },
  },
  ImportUpload: {
    type: 'object',
    required: ['job', 'repeated'],
    properties: {
      job: { $ref: '#/components/schemas/ImportJob' },
      repeated: { type: 'boolean', description: 'the same file was imported before: its job' },
    },
  },
  ImportJobPage: {
    type: 'object',
    required: ['jobs', 'nextPageToken'],
    properties: {
      jobs: { type: 'array', items: { $ref: '#/components/schemas/ImportJob' } },
      nextPageToken: nullableString,
    },
  },
} as const;
