/**
 * Payment-file, result and reconciliation routes of /api/v1: tệp chi trả of a payroll (CSV,
 * XLSX, checksum list and its signature) and the public key that verifies them; kết quả chi trả
 * of one line, or the agent's result file sent as the body with its validation report and the
 * template; đối soát of a unit and month. The payments service decides every request.
 */
import type { Request } from 'express';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { parseMonth } from '../forms/case-input';
import { jsonSource } from '../forms/case-source';
import {
  paymentFileNameOf,
  resultFileNameOf,
  resultImportModeOf,
  resultRequestOf,
  RESULT_IMPORT_MODES,
} from '../forms/payment-input';
import { tooLarge } from '../gateways/import-gateway';
import { FileAnswer } from './file-answer';
import { mediaTypeOf, oneFile } from './payment-files';
import { paymentFileJson } from './payment-json';
import { reconciliationJson, resultImportJson } from './payment-reconciliation-json';
import { monthQuery, payrollIdOf, payrollIdSpec } from './payment-routes';
import type { ApiRoute } from './route-types';
import { READ_ERRORS, UNIT_CODE_QUERY, uuidPathParam, WRITE_ERRORS } from './route-parts';

/** Content types that are forms or JSON, not a file sent as the body. */
const NOT_A_FILE = /^(application\/json|application\/x-www-form-urlencoded|multipart\/)/i;

const fileNameOf = (req: Request): string =>
  paymentFileNameOf(String(req.params['fileName'] ?? ''), 'file_name');

export const paymentResultApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/payrolls/:id/files',
    operationId: 'listPaymentFiles',
    summary:
      'Tệp chi trả of an approved or closed payroll: per channel CSV and XLSX, the checksum list and its Ed25519 signature',
    parameters: [payrollIdSpec],
    success: { status: 200, schema: 'PaymentFileList', description: 'the files' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => ({
      files: (await deps.payments.listPaymentFiles(callerOf(req), payrollIdOf(req))).files.map(
        paymentFileJson,
      ),
    }),
  },
  {
    method: 'get',
    path: '/payrolls/:id/files/:fileName',
    operationId: 'downloadPaymentFile',
    summary: 'One payment file (attachment with its name)',
    parameters: [
      payrollIdSpec,
      {
        name: 'fileName',
        in: 'path',
        required: true,
        description: 'a fileName of the list',
        schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' },
      },
    ],
    success: {
      status: 200,
      schema: 'PaymentFileContent',
      description: 'the file',
      contentType: 'application/octet-stream',
    },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const name = fileNameOf(req);
      return FileAnswer.open(
        mediaTypeOf(name),
        deps.payments.downloadPaymentFile(callerOf(req), payrollIdOf(req), name),
        name,
      );
    },
  },
  {
    method: 'get',
    path: '/payment-signing-key',
    operationId: 'getPaymentSigningKey',
    summary: 'The Ed25519 public key (PEM, SPKI) that verifies the checksum files, and its id',
    parameters: [],
    success: { status: 200, schema: 'PaymentSigningKey', description: 'the key' },
    errors: [401, 429, 503],
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.payments.getSigningKey(callerOf(req));
      return { publicKeyPem: res.publicKeyPem, keyId: res.keyId };
    },
  },
  {
    method: 'post',
    path: '/payroll-lines/:id/result',
    operationId: 'recordPaymentResult',
    summary:
      'Kết quả chi trả of one line of a closed payroll: paid, unpaid (owed again next month) or returned with a reason (officers of the commune)',
    parameters: [uuidPathParam('id', 'payroll line id')],
    requestBody: 'PaymentResultRequest',
    success: { status: 200, schema: 'PaymentResult', description: 'the recorded outcome' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const lineId = idParam(req.params['id'], 'line_id');
      const res = await deps.payments.recordPaymentResult(
        callerOf(req),
        resultRequestOf(jsonSource(req.body), lineId),
      );
      return { lineId: res.lineId, outcome: res.outcome };
    },
  },
  {
    method: 'post',
    path: '/payrolls/:id/results',
    operationId: 'importPaymentResults',
    summary:
      'Imports the payment agent’s result file (CSV or XLSX sent as the body), validated row by row (officers of the commune)',
    parameters: [
      payrollIdSpec,
      {
        name: 'fileName',
        in: 'query',
        required: true,
        description: 'name of the file; .xlsx or .csv decides how it is read',
        schema: { type: 'string', maxLength: 255 },
      },
      {
        name: 'mode',
        in: 'query',
        description: 'all_or_nothing (default) or valid_rows',
        schema: { type: 'string', enum: [...RESULT_IMPORT_MODES] },
      },
    ],
    requestBody: 'ResultFile',
    requestContentType: 'application/octet-stream',
    success: { status: 201, schema: 'ResultImport', description: 'the finished import' },
    errors: [400, 401, 403, 404, 409, 413, 429, 503],
    authenticated: true,
    handler: async (req, deps) => {
      const payrollId = payrollIdOf(req);
      if (NOT_A_FILE.test(req.headers['content-type'] ?? ''))
        throw badRequest('body', 'send the file itself as the body (application/octet-stream)');
      if (Number(req.headers['content-length'] ?? '0') > deps.importLimits.maxBytes) {
        req.resume();
        throw tooLarge(deps.importLimits.maxBytes);
      }
      const meta = {
        payrollId,
        fileName: resultFileNameOf(queryValue(req.query, 'fileName', 300), 'fileName'),
        mode: resultImportModeOf(queryValue(req.query, 'mode', 20)),
      };
      const res = await deps.payments.importResults(callerOf(req), meta, req, deps.importLimits);
      return resultImportJson(res);
    },
  },
  {
    method: 'get',
    path: '/payment-result-imports/:id/report',
    operationId: 'downloadResultImportReport',
    summary: 'The validation report of a result-file import (XLSX: row, column, value, reason)',
    parameters: [uuidPathParam('id', 'import id')],
    success: {
      status: 200,
      schema: 'PaymentFileContent',
      description: 'the report',
      contentType: 'application/octet-stream',
    },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      oneFile(
        deps.payments.getResultImportReport(callerOf(req), idParam(req.params['id'], 'import_id')),
        'bao-cao-ket-qua-chi-tra.xlsx',
      ),
  },
  {
    method: 'get',
    path: '/payrolls/:id/result-template',
    operationId: 'downloadResultTemplate',
    summary: 'The result-file template of a payroll: its lines, outcome columns empty',
    parameters: [payrollIdSpec],
    success: {
      status: 200,
      schema: 'PaymentFileContent',
      description: 'the template',
      contentType: 'application/octet-stream',
    },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      oneFile(
        deps.payments.getResultTemplate(callerOf(req), payrollIdOf(req)),
        'mau-ket-qua-chi-tra.xlsx',
      ),
  },
  {
    method: 'get',
    path: '/reconciliation',
    operationId: 'getReconciliation',
    summary:
      'Đối soát of a unit and month: planned, paid, unpaid, returned, pending and carried over, each unit one level below, and the exceptions found',
    parameters: [UNIT_CODE_QUERY, monthQuery(true, 'YYYY-MM')],
    success: { status: 200, schema: 'Reconciliation', description: 'the reconciliation' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      reconciliationJson(
        await deps.payments.getReconciliation(callerOf(req), {
          unitCode:
            unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unit_code') ||
            (principalOfRequest(req)?.unitCode ?? ''),
          month: parseMonth(queryValue(req.query, 'month', 7), 'month'),
        }),
      ),
  },
];
