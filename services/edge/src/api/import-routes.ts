/**
 * Form C/C1 import routes of /api/v1 (HouseholdImportService with the caller's token): upload
 * a village XLSX or a CSV as the request body (query parameters carry the metadata), list a
 * unit's imports, read one, download its validation report and the template. The service
 * decides every request (only officers of the commune upload for it).
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { parsePage } from '../http/params';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { tooLarge } from '../gateways/import-gateway';
import { FileAnswer } from './file-answer';
import { formTypeOf, importJobJson, importModeOf, XLSX_TYPE } from './import-json';
import type { ApiRoute, ParameterSpec } from './route-types';
import { READ_ERRORS, uuidPathParam } from './route-parts';

const idSpec = uuidPathParam('id', 'import job id');
const query = (
  name: string,
  description: string,
  schema: Record<string, unknown>,
  required = false,
): ParameterSpec => ({ name, in: 'query', description, schema, required });

const jobId = (req: Request): string => idParam(req.params['id'], 'id');

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service answered without the import job');
  return value;
}

/** Content types that are forms or JSON, not a file sent as the body. */
const NOT_A_FILE = /^(application\/json|application\/x-www-form-urlencoded|multipart\/)/i;

export const importApiRoutes: ApiRoute[] = [
  {
    method: 'post',
    path: '/household-imports',
    operationId: 'uploadHouseholdImport',
    summary:
      'Imports a village file (XLSX) or a CSV of forms C/C1 sent as the body; answers when the import has finished (officers of the commune)',
    parameters: [
      query(
        'fileName',
        'name of the file; .xlsx or .csv decides how it is read',
        { type: 'string', maxLength: 255 },
        true,
      ),
      query(
        'communeCode',
        '5-digit commune code (2025 structure)',
        { type: 'string', pattern: '^[0-9]{5}$' },
        true,
      ),
      query('villageCode', 'village (thôn, tổ dân phố) of an XLSX village file', {
        type: 'string',
      }),
      query('formType', 'form of rows that give none', { type: 'string', enum: ['C', 'C1'] }),
      query('mode', 'all_or_nothing (default) or valid_rows', {
        type: 'string',
        enum: ['all_or_nothing', 'valid_rows'],
      }),
    ],
    requestBody: 'ImportFile',
    requestContentType: 'application/octet-stream',
    success: {
      status: 201,
      schema: 'ImportUpload',
      description: 'the finished job (repeated: the same file was imported before)',
    },
    errors: [400, 401, 403, 404, 409, 413, 429, 503],
    authenticated: true,
    handler: async (req, deps) => {
      const caller = callerOf(req);
      if (NOT_A_FILE.test(req.headers['content-type'] ?? ''))
        throw badRequest('body', 'send the file itself as the body (application/octet-stream)');
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > deps.importLimits.maxBytes) {
        req.resume();
        throw tooLarge(deps.importLimits.maxBytes);
      }
      const fileName = queryValue(req.query, 'fileName', 255);
      if (fileName === '') throw badRequest('fileName', 'is required');
      const formText = queryValue(req.query, 'formType', 2);
      const meta = {
        fileName,
        formType: formText === '' ? 'C' : formTypeOf(formText, 'formType'),
        communeCode: queryValue(req.query, 'communeCode', 5),
        villageCode: queryValue(req.query, 'villageCode', 50),
        mode: importModeOf(queryValue(req.query, 'mode', 20)),
      };
      const call = deps.imports.upload(caller, meta, req, deps.importLimits);
      const res = await call.done;
      return { job: importJobJson(required(res.job)), repeated: res.repeated };
    },
  },
  {
    method: 'get',
    path: '/household-imports',
    operationId: 'listHouseholdImports',
    summary: 'Imports of a unit (commune, province or VN; default the caller’s), newest first',
    parameters: [
      query('unitCode', 'VN, a province (2 digits) or a commune (5 digits)', {
        type: 'string',
        pattern: '^(VN|[0-9]{2}|[0-9]{5})$',
      }),
      query('pageSize', 'items per page (the service caps it)', {
        type: 'integer',
        minimum: 1,
        maximum: 1000,
      }),
      query('pageToken', 'nextPageToken of the previous page', { type: 'string' }),
    ],
    success: { status: 200, schema: 'ImportJobPage', description: 'imports, newest first' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.imports.listImports(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unitCode'),
        page: parsePage(req.query),
      });
      return {
        jobs: res.jobs.map(importJobJson),
        nextPageToken: res.page?.nextPageToken ? res.page.nextPageToken : null,
      };
    },
  },
  {
    method: 'get',
    path: '/household-imports/:id',
    operationId: 'getHouseholdImport',
    summary: 'Status, progress (rows read) and counts of an import',
    parameters: [idSpec],
    success: { status: 200, schema: 'ImportJob', description: 'the job' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      importJobJson(required((await deps.imports.getImport(callerOf(req), jobId(req))).job)),
  },
  {
    method: 'get',
    path: '/household-imports/:id/report',
    operationId: 'downloadHouseholdImportReport',
    summary:
      'The validation report (XLSX): errors by row and column, households created, updated or unchanged, counts',
    parameters: [idSpec],
    success: { status: 200, schema: 'XlsxFile', description: 'the report', contentType: XLSX_TYPE },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      FileAnswer.open(
        XLSX_TYPE,
        deps.imports.downloadReport(callerOf(req), jobId(req)),
        'bao-cao-nhap.xlsx',
      ),
  },
  {
    method: 'get',
    path: '/household-import-template',
    operationId: 'downloadHouseholdImportTemplate',
    summary: 'The XLSX template of a village file of form C or C1',
    parameters: [query('form', 'C or C1', { type: 'string', enum: ['C', 'C1'] }, true)],
    success: {
      status: 200,
      schema: 'XlsxFile',
      description: 'the template',
      contentType: XLSX_TYPE,
    },
    errors: [400, 401, 429, 503],
    authenticated: true,
    handler: async (req, deps) => {
      const form = formTypeOf(queryValue(req.query, 'form', 2), 'form');
      return FileAnswer.open(
        XLSX_TYPE,
        deps.imports.downloadTemplate(callerOf(req), form),
        `mau-phieu-${form}.xlsx`,
      );
    },
  },
];
