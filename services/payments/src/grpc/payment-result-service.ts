/**
 * PaymentResultService: results of closed payrolls (console entry, the agent's file with its
 * validation report and template) and the reconciliation of a unit and month. Handlers decode,
 * then call results/ and reconciliation/, where access is checked.
 */
import { principalOf } from '@posa/auth';
import {
  service,
  sourceAddressOf,
  type CallContext,
  type ServiceRegistration,
} from '@posa/platform';
import {
  PaymentResultServiceService,
  type GetReconciliationRequest,
  type GetReconciliationResponse,
  type GetResultImportReportRequest,
  type GetResultImportReportResponse,
  type GetResultTemplateRequest,
  type GetResultTemplateResponse,
  type ImportPaymentResultsRequest,
  type ImportPaymentResultsResponse,
  type RecordPaymentResultRequest,
  type RecordPaymentResultResponse,
} from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { reconcile } from '../reconciliation/reconcile';
import { importPaymentResults } from '../results/import-results';
import { recordPaymentResult } from '../results/record-result';
import { resultImportReport, resultTemplate } from '../results/result-report';

export function paymentResultService(deps: PaymentsDeps): ServiceRegistration {
  return service(PaymentResultServiceService, {
    recordPaymentResult(
      request: RecordPaymentResultRequest,
      ctx: CallContext,
    ): Promise<RecordPaymentResultResponse> {
      return recordPaymentResult(deps, principalOf(ctx), request, sourceAddressOf(ctx));
    },

    importPaymentResults(
      messages: AsyncIterable<ImportPaymentResultsRequest>,
      ctx: CallContext,
    ): Promise<ImportPaymentResultsResponse> {
      return importPaymentResults(deps, principalOf(ctx), messages, sourceAddressOf(ctx));
    },

    getResultImportReport(
      request: GetResultImportReportRequest,
      ctx: CallContext,
    ): Promise<GetResultImportReportResponse> {
      return resultImportReport(deps, principalOf(ctx), request.importId);
    },

    getResultTemplate(
      request: GetResultTemplateRequest,
      ctx: CallContext,
    ): Promise<GetResultTemplateResponse> {
      return resultTemplate(deps, principalOf(ctx), request.payrollId);
    },

    getReconciliation(
      request: GetReconciliationRequest,
      ctx: CallContext,
    ): Promise<GetReconciliationResponse> {
      return reconcile(deps, principalOf(ctx), request.unitCode, request.month);
    },
  });
}
