/**
 * The payments service as the edge calls it: PayrollService (danh sách chi trả: lập, duyệt,
 * khóa sổ), PaymentFileService (tệp chi trả, tệp kiểm tra và chữ ký, khóa công khai) and
 * PaymentResultService (kết quả chi trả, tệp kết quả của đơn vị chi trả, đối soát), each call
 * with the user's access token and address and a deadline. Reads are marked idempotent
 * (retried when the service is briefly unavailable); writes and uploads never are.
 */
import type { Readable } from 'node:stream';
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  PaymentFileServiceClient,
  PaymentResultServiceClient,
  PayrollServiceClient,
  type ApprovePayrollResponse,
  type ClosePayrollResponse,
  type GeneratePayrollRequest,
  type GeneratePayrollResponse,
  type GetPayrollResponse,
  type GetReconciliationRequest,
  type GetReconciliationResponse,
  type GetResultImportReportResponse,
  type GetResultTemplateResponse,
  type GetSigningKeyResponse,
  type ImportPaymentResultsRequest,
  type ImportPaymentResultsResponse,
  type ListPaymentFilesResponse,
  type ListPayrollLinesRequest,
  type ListPayrollLinesResponse,
  type ListPayrollsRequest,
  type ListPayrollsResponse,
  type PaymentFileServiceService,
  type PaymentResultServiceService,
  type PayrollServiceService,
  type RecordPaymentResultRequest,
  type RecordPaymentResultResponse,
} from '@posa/proto';
import type { FilePiece } from '../api/file-answer';
import { tooLarge, type UploadLimits } from './import-gateway';
import { callerOptions, callerMetadata, type Caller } from './unit-gateway';

/** The largest piece of a result file in one stream message. */
const CHUNK_BYTES = 64 * 1024;

/** What the first message of a result-file upload names. */
export interface ResultUploadMeta {
  payrollId: string;
  fileName: string;
  /** all_or_nothing or valid_rows. */
  mode: string;
}

export class PaymentGateway {
  constructor(
    private readonly payrolls: GrpcClient<PayrollServiceService>,
    private readonly files: GrpcClient<PaymentFileServiceService>,
    private readonly results: GrpcClient<PaymentResultServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  generatePayroll(
    caller: Caller,
    request: GeneratePayrollRequest,
  ): Promise<GeneratePayrollResponse> {
    return this.payrolls.call('generatePayroll', request, this.options(caller, false));
  }

  getPayroll(caller: Caller, payrollId: string): Promise<GetPayrollResponse> {
    return this.payrolls.call('getPayroll', { payrollId }, this.options(caller, true));
  }

  listPayrolls(caller: Caller, request: ListPayrollsRequest): Promise<ListPayrollsResponse> {
    return this.payrolls.call('listPayrolls', request, this.options(caller, true));
  }

  listPayrollLines(
    caller: Caller,
    request: ListPayrollLinesRequest,
  ): Promise<ListPayrollLinesResponse> {
    return this.payrolls.call('listPayrollLines', request, this.options(caller, true));
  }

  approvePayroll(
    caller: Caller,
    payrollId: string,
    expectedVersion: number,
  ): Promise<ApprovePayrollResponse> {
    return this.payrolls.call(
      'approvePayroll',
      { payrollId, expectedVersion },
      this.options(caller, false),
    );
  }

  closePayroll(
    caller: Caller,
    payrollId: string,
    expectedVersion: number,
  ): Promise<ClosePayrollResponse> {
    return this.payrolls.call(
      'closePayroll',
      { payrollId, expectedVersion },
      this.options(caller, false),
    );
  }

  listPaymentFiles(caller: Caller, payrollId: string): Promise<ListPaymentFilesResponse> {
    return this.files.call('listPaymentFiles', { payrollId }, this.options(caller, true));
  }

  /** One payment file in pieces; the first names the file. */
  async *downloadPaymentFile(
    caller: Caller,
    payrollId: string,
    fileName: string,
  ): AsyncIterable<FilePiece & { mediaType: string }> {
    const pieces = this.files.stream(
      'downloadPaymentFile',
      { payrollId, fileName },
      this.options(caller, false),
    );
    for await (const piece of pieces) {
      yield {
        fileName: piece.file?.fileName ?? '',
        mediaType: piece.file?.mediaType ?? '',
        data: piece.chunk,
      };
    }
  }

  getSigningKey(caller: Caller): Promise<GetSigningKeyResponse> {
    return this.files.call('getSigningKey', {}, this.options(caller, true));
  }

  recordPaymentResult(
    caller: Caller,
    request: RecordPaymentResultRequest,
  ): Promise<RecordPaymentResultResponse> {
    return this.results.call('recordPaymentResult', request, this.options(caller, false));
  }

  /**
   * Streams an agent's result file to ImportPaymentResults: the payroll, name and mode first,
   * then chunks of at most 64 KiB as the call takes them. More than `maxBytes` cancels the
   * call (nothing is recorded) and fails with 413 naming `file`.
   */
  importResults(
    caller: Caller,
    meta: ResultUploadMeta,
    file: Readable,
    limits: UploadLimits,
  ): Promise<ImportPaymentResultsResponse> {
    async function* messages(): AsyncGenerator<ImportPaymentResultsRequest> {
      let size = 0;
      let complete = false;
      try {
        yield { ...meta, chunk: Buffer.alloc(0) };
        for await (const piece of file.iterator({ destroyOnReturn: false })) {
          const buf = piece as Buffer;
          size += buf.length;
          if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
          for (let at = 0; at < buf.length; at += CHUNK_BYTES) {
            yield {
              payrollId: '',
              fileName: '',
              mode: '',
              chunk: buf.subarray(at, at + CHUNK_BYTES),
            };
          }
        }
        complete = true;
      } finally {
        // An early stop lets the rest of the request body go by unread.
        if (!complete) file.resume();
      }
    }
    return this.results.clientStream('importPaymentResults', messages(), {
      deadlineMs: limits.deadlineMs,
      metadata: callerMetadata(caller),
    });
  }

  getResultImportReport(caller: Caller, importId: string): Promise<GetResultImportReportResponse> {
    return this.results.call('getResultImportReport', { importId }, this.options(caller, true));
  }

  getResultTemplate(caller: Caller, payrollId: string): Promise<GetResultTemplateResponse> {
    return this.results.call('getResultTemplate', { payrollId }, this.options(caller, true));
  }

  getReconciliation(
    caller: Caller,
    request: GetReconciliationRequest,
  ): Promise<GetReconciliationResponse> {
    return this.results.call('getReconciliation', request, this.options(caller, true));
  }

  close(): void {
    this.payrolls.close();
    this.files.close();
    this.results.close();
  }
}

export function createPaymentGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): PaymentGateway {
  const options = { defaultDeadlineMs: deadlineMs, metrics };
  return new PaymentGateway(
    createGrpcClient(PayrollServiceClient, address, options),
    createGrpcClient(PaymentFileServiceClient, address, options),
    createGrpcClient(PaymentResultServiceClient, address, options),
    deadlineMs,
  );
}
