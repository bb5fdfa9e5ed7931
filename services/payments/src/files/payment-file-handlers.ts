/**
 * Payment files of a payroll (tệp chi trả): made once from the lines when an approved or
 * closed payroll's files are first asked for, stored, then listed and downloaded in chunks.
 * The checksum file's signature is made with the service's key on each request.
 */
import { withTransaction } from '@posa/db';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@posa/platform';
import type { Principal } from '@posa/auth';
import type { DownloadPaymentFileResponse, PaymentFile } from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { assertPayrollReadable } from '../results/result-access';
import { makePaymentFiles, signatureFile, type MadeFile } from './payment-file-set';
import {
  fileChunk,
  findPayrollForFiles,
  insertFiles,
  linesByChannel,
  lockPayrollFiles,
  storedChecksums,
  storedFiles,
  type PayrollForFiles,
  type StoredFile,
} from './payment-file-store';

/** Bytes per streamed message. */
export const CHUNK_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function payrollIdOf(value: string, field = 'payroll_id'): string {
  if (!UUID.test(value)) throw new InvalidArgumentError(field, 'must be a payroll id (uuid)');
  return value.toLowerCase();
}

export function fileToProto(f: StoredFile | MadeFile): PaymentFile {
  return {
    fileName: f.fileName,
    channel: f.channel,
    format: f.format,
    mediaType: f.mediaType,
    sizeBytes: String(f.sizeBytes),
    sha256: f.sha256,
    lines: f.lines,
    totalVnd: String(f.totalVnd),
  };
}

async function readablePayroll(
  deps: PaymentsDeps,
  principal: Principal,
  id: string,
): Promise<PayrollForFiles> {
  const payroll = assertPayrollReadable(
    principal,
    await findPayrollForFiles(deps.pool, id),
    id,
    deps.units,
  );
  if (payroll.status === 'draft') {
    throw new FailedPreconditionError(
      `payroll ${id} is a draft: payment files exist once it is approved`,
    );
  }
  return payroll;
}

/** The stored files of the payroll, made and stored first if this is the first request. */
async function ensureFiles(deps: PaymentsDeps, payroll: PayrollForFiles): Promise<StoredFile[]> {
  const stored = await storedFiles(deps.pool, payroll.id);
  if (stored.length > 0) return stored;
  await withTransaction(deps.pool, async (client) => {
    await lockPayrollFiles(client, payroll.id);
    if ((await storedFiles(client, payroll.id)).length > 0) return;
    // Approved and closed payrolls never change their lines (SQL guard of 0002).
    const files = await makePaymentFiles(payroll, await linesByChannel(client, payroll.id));
    await insertFiles(client, payroll.id, files, new Date());
  });
  return storedFiles(deps.pool, payroll.id);
}

async function signature(deps: PaymentsDeps, payrollId: string): Promise<MadeFile> {
  const checksums = await storedChecksums(deps.pool, payrollId);
  if (checksums === undefined) throw new Error(`payroll ${payrollId}: no checksum file stored`);
  return signatureFile(checksums, deps.signingKey);
}

export async function listPaymentFiles(
  deps: PaymentsDeps,
  principal: Principal,
  payrollId: string,
): Promise<PaymentFile[]> {
  const payroll = await readablePayroll(deps, principal, payrollIdOf(payrollId));
  const files = await ensureFiles(deps, payroll);
  return [...files.map(fileToProto), fileToProto(await signature(deps, payroll.id))];
}

/** The file's description first, then its bytes in chunks of CHUNK_BYTES. */
export async function* downloadPaymentFile(
  deps: PaymentsDeps,
  principal: Principal,
  payrollId: string,
  fileName: string,
): AsyncGenerator<DownloadPaymentFileResponse> {
  const payroll = await readablePayroll(deps, principal, payrollIdOf(payrollId));
  const files = await ensureFiles(deps, payroll);
  const sig = await signature(deps, payroll.id);
  if (fileName === sig.fileName) {
    yield { file: fileToProto(sig), chunk: sig.content };
    return;
  }
  const file = files.find((f) => f.fileName === fileName);
  if (file === undefined) {
    throw new NotFoundError(`payroll ${payroll.id} has no file ${fileName}`);
  }
  let first = true;
  for (let offset = 0; first || offset < file.sizeBytes; offset += CHUNK_BYTES) {
    const chunk = await fileChunk(deps.pool, payroll.id, file.fileName, offset, CHUNK_BYTES);
    yield { file: first ? fileToProto(file) : undefined, chunk };
    first = false;
  }
}
