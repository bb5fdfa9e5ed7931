/**
 * HouseholdImportService as the edge calls it (nhập phiếu C/C1): the upload is a client
 * stream fed from the HTTP request in chunks (never the whole file in memory), reports and
 * templates are server streams. Reads are retried when the service is briefly unavailable;
 * the upload never is.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  HouseholdImportServiceClient,
  type DownloadImportReportResponse,
  type GetImportResponse,
  type HouseholdImportServiceService,
  type ImportMetadata,
  type ListImportsRequest,
  type ListImportsResponse,
  type UploadImportResponse,
} from '@posa/proto';
import { EdgeError } from '../http/errors';
import { callerOptions, callerMetadata, type Caller } from './unit-gateway';

/** The largest piece of the file in one stream message. */
const CHUNK_BYTES = 64 * 1024;

export interface UploadLimits {
  maxBytes: number;
  deadlineMs: number;
}

/** An upload under way: what was sent (once the file is through) and the service's answer. */
export interface UploadCall {
  /** Resolves when every byte has been sent: size and hex SHA-256 of the file. */
  sent: Promise<{ size: number; sha256: string }>;
  /** The service's answer, once the import has finished. */
  done: Promise<UploadImportResponse>;
}

export function tooLarge(maxBytes: number): EdgeError {
  return new EdgeError(
    413,
    'PAYLOAD_TOO_LARGE',
    `the file is larger than ${maxBytes} bytes`,
    'file',
  );
}

export class ImportGateway {
  constructor(
    private readonly imports: GrpcClient<HouseholdImportServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  /**
   * Streams `file` to UploadImport: the metadata first, then chunks of at most 64 KiB, as
   * the call takes them. More than `maxBytes` cancels the call (nothing is imported) and
   * fails with 413 naming `file`. When the service refuses early, the rest of the request
   * body is let go by unread.
   */
  upload(caller: Caller, meta: ImportMetadata, file: Readable, limits: UploadLimits): UploadCall {
    let sent!: (value: { size: number; sha256: string }) => void;
    let notSent!: (err: unknown) => void;
    const sending = new Promise<{ size: number; sha256: string }>((resolve, reject) => {
      sent = resolve;
      notSent = reject;
    });
    async function* messages() {
      const hash = createHash('sha256');
      let size = 0;
      let complete = false;
      try {
        yield { metadata: meta };
        // Not destroyed on an early stop: the response must still go out on this request.
        for await (const piece of file.iterator({ destroyOnReturn: false })) {
          const buf = piece as Buffer;
          size += buf.length;
          if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
          hash.update(buf);
          for (let at = 0; at < buf.length; at += CHUNK_BYTES) {
            yield { chunk: buf.subarray(at, at + CHUNK_BYTES) };
          }
        }
        complete = true;
      } catch (err) {
        notSent(err);
        throw err;
      } finally {
        if (!complete) file.resume();
        sent({ size, sha256: hash.digest('hex') });
      }
    }
    const done = this.imports.clientStream('uploadImport', messages(), {
      deadlineMs: limits.deadlineMs,
      metadata: callerMetadata(caller),
    });
    // The answer also settles when sending fails; a failure shows on both promises.
    done.catch(() => undefined);
    sending.catch(() => undefined);
    return { sent: sending, done };
  }

  getImport(caller: Caller, id: string): Promise<GetImportResponse> {
    return this.imports.call('getImport', { id }, this.options(caller, true));
  }

  listImports(caller: Caller, request: ListImportsRequest): Promise<ListImportsResponse> {
    return this.imports.call('listImports', request, this.options(caller, true));
  }

  /** The validation report (XLSX) in pieces; the first names the file. */
  downloadReport(caller: Caller, id: string): AsyncIterable<DownloadImportReportResponse> {
    return this.imports.stream('downloadImportReport', { id }, this.options(caller, false));
  }

  /** The village-file template (XLSX) of form C or C1 in pieces; the first names the file. */
  downloadTemplate(caller: Caller, formType: string): AsyncIterable<DownloadImportReportResponse> {
    return this.imports.stream('downloadImportTemplate', { formType }, this.options(caller, false));
  }

  close(): void {
    this.imports.close();
  }
}

export function createImportGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): ImportGateway {
  return new ImportGateway(
    createGrpcClient(HouseholdImportServiceClient, address, {
      defaultDeadlineMs: deadlineMs,
      metrics,
    }),
    deadlineMs,
  );
}
