/**
 * PayrollService: monthly payrolls (danh sách chi trả) of the communes. Handlers decode,
 * authorise against the caller's jurisdiction, call the generation or the store, and encode.
 */
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  NotFoundError,
  service,
  sourceAddressOf,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  PayrollServiceService,
  type GeneratePayrollRequest,
  type GeneratePayrollResponse,
  type GeneratePayrollsRequest,
  type GeneratePayrollsResponse,
  type GetPayrollRequest,
  type GetPayrollResponse,
  type ListPayrollLinesRequest,
  type ListPayrollLinesResponse,
  type ListPayrollsRequest,
  type ListPayrollsResponse,
} from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { monthFromProto } from '../domain/month';
import { isPaymentChannel } from '../domain/payment-account';
import type { EventStamp } from '../events/payroll-events';
import { generateCommunePayroll, generateProvincePayrolls } from '../store/payroll-generation';
import { listPayrollLines } from '../store/payroll-lines-store';
import { listPayrolls, loadPayroll, loadPayrollDetail } from '../store/payroll-store';
import {
  assertCommuneOfficer,
  assertPayrollReadable,
  assertProvinceOfficer,
  listScopeOf,
  provinceOfCommune,
} from './payroll-access';
import { lineToProto, payrollToProto, statusFromProto } from './payroll-mapping';
import { decodePageToken, encodePageToken, pageSizeOf } from './payroll-page-token';
import { changePayrollStatus, checkPayrollId } from './payroll-status-handlers';

/** The payroll month: not after the current month in Vietnam. */
function payrollMonthOf(deps: PaymentsDeps, value: GeneratePayrollRequest['month']): string {
  const month = monthFromProto(value, 'month');
  if (month > deps.today().slice(0, 7)) {
    throw new InvalidArgumentError('month', 'must not be after the current month');
  }
  return month;
}

function stampOf(ctx: CallContext): EventStamp {
  const principal = principalOf(ctx);
  return {
    actorId: principal.userId,
    actorUnitCode: principal.unitCode,
    sourceAddress: sourceAddressOf(ctx),
    at: new Date(),
  };
}

export function payrollService(deps: PaymentsDeps): ServiceRegistration {
  return service(PayrollServiceService, {
    async generatePayroll(
      request: GeneratePayrollRequest,
      ctx: CallContext,
    ): Promise<GeneratePayrollResponse> {
      const principal = principalOf(ctx);
      const provinceCode = provinceOfCommune(deps.units, request.communeCode, 'commune_code');
      const month = payrollMonthOf(deps, request.month);
      assertCommuneOfficer(principal, request.communeCode);
      const result = await generateCommunePayroll(deps.pool, {
        communeCode: request.communeCode,
        provinceCode,
        month,
        stamp: stampOf(ctx),
      });
      const detail = await loadPayrollDetail(deps.pool, result.payroll);
      return { payroll: payrollToProto(detail), regenerated: result.regenerated };
    },

    async generatePayrolls(
      request: GeneratePayrollsRequest,
      ctx: CallContext,
    ): Promise<GeneratePayrollsResponse> {
      const principal = principalOf(ctx);
      if (!deps.units.isProvince(request.unitCode)) {
        throw new InvalidArgumentError('unit_code', 'is not a province of the 2025 structure');
      }
      const month = payrollMonthOf(deps, request.month);
      assertProvinceOfficer(principal, request.unitCode);
      const out = await generateProvincePayrolls(deps.pool, request.unitCode, month, stampOf(ctx));
      return {
        payrolls: out.results.map((r) => payrollToProto(r.payroll)),
        regenerated: out.results.filter((r) => r.regenerated).length,
        skipped: out.skipped,
      };
    },

    async getPayroll(request: GetPayrollRequest, ctx: CallContext): Promise<GetPayrollResponse> {
      const principal = principalOf(ctx);
      const id = checkPayrollId(request.payrollId);
      const row = assertPayrollReadable(
        principal,
        await loadPayroll(deps.pool, id),
        id,
        deps.units,
      );
      return { payroll: payrollToProto(await loadPayrollDetail(deps.pool, row)) };
    },

    async listPayrolls(
      request: ListPayrollsRequest,
      ctx: CallContext,
    ): Promise<ListPayrollsResponse> {
      const principal = principalOf(ctx);
      const scope = listScopeOf(principal, request.unitCode, deps.units);
      const given =
        request.month !== undefined && (request.month.year !== 0 || request.month.month !== 0);
      const month = given ? monthFromProto(request.month, 'month') : undefined;
      const status = statusFromProto(request.status);
      const limit = pageSizeOf(request.page?.pageSize ?? 0, 50, 500);
      const query = JSON.stringify([request.unitCode || principal.unitCode, month, status]);
      const after = decodePageToken(query, request.page?.pageToken ?? '', 2);
      const rows = await listPayrolls(deps.pool, {
        ...scope,
        month,
        status,
        after: after && { month: after[0]!, communeCode: after[1]! },
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        payrolls: page.map((r) => payrollToProto(r)),
        page: {
          nextPageToken:
            rows.length > limit && last
              ? encodePageToken(query, [last.month, last.communeCode])
              : '',
        },
      };
    },

    async listPayrollLines(
      request: ListPayrollLinesRequest,
      ctx: CallContext,
    ): Promise<ListPayrollLinesResponse> {
      const principal = principalOf(ctx);
      const id = checkPayrollId(request.payrollId);
      if (request.channel !== '' && !isPaymentChannel(request.channel)) {
        throw new InvalidArgumentError(
          'channel',
          'must be cash_at_commune, post_office or bank_transfer',
        );
      }
      const payroll = await loadPayroll(deps.pool, id);
      if (payroll === undefined) throw new NotFoundError(`payroll ${id} not found`);
      assertPayrollReadable(principal, payroll, id, deps.units);
      const limit = pageSizeOf(request.page?.pageSize ?? 0, 100, 1000);
      const query = JSON.stringify([id, request.channel]);
      const after = decodePageToken(query, request.page?.pageToken ?? '', 2);
      const rows = await listPayrollLines(deps.pool, {
        payrollId: id,
        channel: request.channel === '' ? undefined : request.channel,
        after: after && { caseCode: after[0]!, id: after[1]! },
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        lines: page.map(lineToProto),
        page: {
          nextPageToken:
            rows.length > limit && last ? encodePageToken(query, [last.caseCode, last.id]) : '',
        },
      };
    },

    approvePayroll: (request, ctx) => changePayrollStatus(deps, request, ctx, 'approved'),
    closePayroll: (request, ctx) => changePayrollStatus(deps, request, ctx, 'closed'),
  });
}
