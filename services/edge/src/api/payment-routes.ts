/**
 * Payroll routes of /api/v1 (PayrollService over gRPC with the caller's token): list, lập danh
 * sách (generate or regenerate, one commune or a whole province), read, lines, duyệt (approve)
 * and khóa sổ (close). Amounts are integer VND as decimal text. The payments service decides
 * every request (role, commune, province, status).
 */
import type { Request } from 'express';
import { callerOf } from '../http/auth';
import { parsePage } from '../http/params';
import { idParam, queryValue, unitCodeParam } from '../forms/household-params';
import { parseMonth } from '../forms/case-input';
import { jsonSource } from '../forms/case-source';
import {
  channelFilterOf,
  generationTargetOf,
  monthFilterOf,
  PAYMENT_CHANNELS,
  PAYROLL_STATUSES,
  payrollStatusOf,
  payrollVersionOf,
} from '../forms/payment-input';
import { generatePayrolls } from './payment-generation';
import { answeredPayroll, payrollJson, payrollLineJson } from './payment-json';
import type { ApiRoute, ParameterSpec } from './route-types';
import {
  nextPageToken,
  PAGE_PARAMS,
  READ_ERRORS,
  UNIT_CODE_QUERY,
  uuidPathParam,
  WRITE_ERRORS,
} from './route-parts';

export const payrollIdSpec = uuidPathParam('id', 'payroll id');
export const payrollIdOf = (req: Request): string => idParam(req.params['id'], 'payroll_id');

export const monthQuery = (required: boolean, description: string): ParameterSpec => ({
  name: 'month',
  in: 'query',
  required,
  description,
  schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
});

/** Duyệt or khóa sổ: POST /payrolls/{id}/<path> with the version read. */
function transition(path: 'approve' | 'close', summary: string): ApiRoute {
  return {
    method: 'post',
    path: `/payrolls/:id/${path}`,
    operationId: path === 'approve' ? 'approvePayroll' : 'closePayroll',
    summary,
    parameters: [payrollIdSpec],
    requestBody: 'PayrollVersionRequest',
    success: { status: 200, schema: 'Payroll', description: 'the payroll after the step' },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const id = payrollIdOf(req);
      const version = payrollVersionOf(jsonSource(req.body).text('expected_version'));
      const caller = callerOf(req);
      const res =
        path === 'approve'
          ? await deps.payments.approvePayroll(caller, id, version)
          : await deps.payments.closePayroll(caller, id, version);
      return answeredPayroll(res.payroll);
    },
  };
}

export const paymentApiRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/payrolls',
    operationId: 'listPayrolls',
    summary: 'Danh sách chi trả of a unit (commune, province or VN), optionally of one month',
    parameters: [
      UNIT_CODE_QUERY,
      monthQuery(false, 'YYYY-MM: only this month'),
      {
        name: 'status',
        in: 'query',
        description: 'only this status',
        schema: { type: 'string', enum: [...PAYROLL_STATUSES] },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'PayrollPage', description: 'payrolls' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const month = monthFilterOf(queryValue(req.query, 'month', 7));
      const res = await deps.payments.listPayrolls(callerOf(req), {
        unitCode: unitCodeParam(queryValue(req.query, 'unitCode', 5), 'unit_code'),
        status: payrollStatusOf(queryValue(req.query, 'status', 20)),
        page: parsePage(req.query),
        ...(month ? { month } : {}),
      });
      return {
        payrolls: res.payrolls.map(payrollJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  {
    method: 'post',
    path: '/payrolls',
    operationId: 'generatePayrolls',
    summary:
      'Lập danh sách chi trả: generates (or regenerates while a draft) the payroll of a commune and month (officers of the commune), or of every commune of a province (officers of the province)',
    parameters: [],
    requestBody: 'PayrollGenerationRequest',
    success: {
      status: 200,
      schema: 'PayrollGeneration',
      description: 'the payrolls, and the communes refused in a province run',
    },
    errors: WRITE_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const src = jsonSource(req.body);
      const target = generationTargetOf(src.text('commune_code'));
      const month = parseMonth(src.text('month'), 'month');
      return generatePayrolls(deps.payments, deps.units, callerOf(req), target, month);
    },
  },
  {
    method: 'get',
    path: '/payrolls/:id',
    operationId: 'getPayroll',
    summary: 'One payroll: status, totals by channel, exceptions',
    parameters: [payrollIdSpec],
    success: { status: 200, schema: 'Payroll', description: 'the payroll' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) =>
      answeredPayroll((await deps.payments.getPayroll(callerOf(req), payrollIdOf(req))).payroll),
  },
  {
    method: 'get',
    path: '/payrolls/:id/lines',
    operationId: 'listPayrollLines',
    summary: 'The lines of a payroll with their items (current, arrears, recovery, carried over)',
    parameters: [
      payrollIdSpec,
      {
        name: 'channel',
        in: 'query',
        description: 'only this channel',
        schema: { type: 'string', enum: [...PAYMENT_CHANNELS] },
      },
      ...PAGE_PARAMS,
    ],
    success: { status: 200, schema: 'PayrollLinePage', description: 'lines' },
    errors: READ_ERRORS,
    authenticated: true,
    handler: async (req, deps) => {
      const res = await deps.payments.listPayrollLines(callerOf(req), {
        payrollId: payrollIdOf(req),
        channel: channelFilterOf(queryValue(req.query, 'channel', 20)),
        page: parsePage(req.query),
      });
      return {
        lines: res.lines.map(payrollLineJson),
        nextPageToken: nextPageToken(res.page?.nextPageToken),
      };
    },
  },
  transition('approve', 'Duyệt: approves a draft payroll (the commune’s approver)'),
  transition(
    'close',
    'Khóa sổ: closes an approved payroll; the month never changes again (the commune’s approver)',
  ),
];
