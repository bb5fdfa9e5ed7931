/**
 * ImportPaymentResults: the paying agent's result file (CSV or XLSX), uploaded in chunks by
 * an officer of the payroll's commune, checked row by row against the closed payroll's lines.
 * all_or_nothing (default): any problem rejects the whole file and nothing is recorded.
 * valid_rows: the valid rows are recorded, the others listed. Either way the problems are kept
 * for the report (row, column, value, reason). The same file (SHA-256) for the same payroll
 * returns the first import. One transaction: import row, issues, results, event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Principal } from '@posa/auth';
import { withTransaction } from '@posa/db';
import { InvalidArgumentError, NotFoundError } from '@posa/platform';
import type { ImportPaymentResultsRequest, ImportPaymentResultsResponse } from '@posa/proto';
import { csvRows, UnreadableFileError, xlsxKeyedRows, type KeyedRow } from '@posa/tabular';
import type { PaymentsDeps } from '../deps';
import { payrollIdOf } from '../files/payment-file-handlers';
import { assertRecordable } from './record-result';
import { readsUnit } from './result-access';
import { recordResultEvent } from './result-events';
import {
  checkResultRow,
  indexLines,
  RESULT_COLUMNS,
  type RowIssue,
  type RowResult,
} from './result-file';
import {
  findImportByHash,
  insertImport,
  insertIssues,
  type ResultImport,
} from './result-import-store';
import {
  findResultPayroll,
  isUnchanged,
  laterPayrolls,
  linesForUpdate,
  lockPayrollResults,
  writeResult,
  type ResultWrite,
} from './result-store';

export const MAX_RESULT_FILE_BYTES = 20 * 1024 * 1024;
const MODES = ['all_or_nothing', 'valid_rows'] as const;
type Mode = (typeof MODES)[number];

function modeOf(text: string): Mode {
  if (text === '') return 'all_or_nothing';
  if ((MODES as readonly string[]).includes(text)) return text as Mode;
  throw new InvalidArgumentError('mode', 'must be all_or_nothing or valid_rows');
}

function fileNameOf(text: string): string {
  const name = text.normalize('NFC').trim();
  const control = [...name].some((ch) => ch.charCodeAt(0) < 0x20);
  if (name === '' || name.length > 200 || control || /[/\\]/.test(name)) {
    throw new InvalidArgumentError('file_name', 'must be a file name of 1 to 200 characters');
  }
  return name;
}

function rowsOf(
  bytes: Buffer,
  format: 'csv' | 'xlsx',
): Promise<AsyncIterable<KeyedRow>> | AsyncIterable<KeyedRow> {
  return format === 'csv'
    ? csvRows([bytes], RESULT_COLUMNS)
    : xlsxKeyedRows(Readable.from([bytes]), RESULT_COLUMNS);
}

interface Checked {
  rows: number;
  issues: RowIssue[];
  results: RowResult[];
  failure: string;
}

async function checkRows(
  rows: AsyncIterable<KeyedRow>,
  ctx: Parameters<typeof checkResultRow>[1],
): Promise<Checked> {
  const out: Checked = { rows: 0, issues: [], results: [], failure: '' };
  for await (const row of rows) {
    out.rows++;
    const { result, issues } = checkResultRow(row, ctx);
    out.issues.push(...issues);
    if (result !== undefined) out.results.push(result);
  }
  if (out.rows === 0) out.failure = 'the file has no rows of results';
  return out;
}

export function importToProto(imp: ResultImport, duplicate: boolean): ImportPaymentResultsResponse {
  return {
    importId: imp.id,
    status: imp.status,
    rows: imp.rows,
    recorded: imp.recorded,
    invalidRows: imp.invalidRows,
    duplicate,
  };
}

export async function importPaymentResults(
  deps: PaymentsDeps,
  principal: Principal,
  messages: AsyncIterable<ImportPaymentResultsRequest>,
  sourceAddress: string,
): Promise<ImportPaymentResultsResponse> {
  const it = messages[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new InvalidArgumentError('payroll_id', 'is required in the first message');
  const head = first.value;
  const payrollId = payrollIdOf(head.payrollId);
  const fileName = fileNameOf(head.fileName);
  const mode = modeOf(head.mode);
  const payroll = await findResultPayroll(deps.pool, payrollId);
  if (payroll === undefined || !readsUnit(principal, payroll.communeCode, deps.units)) {
    throw new NotFoundError(`payroll ${payrollId} not found`);
  }
  assertRecordable(principal, payroll);
  const chunks: Buffer[] = [Buffer.from(head.chunk)];
  let size = head.chunk.length;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    size += next.value.chunk.length;
    if (size > MAX_RESULT_FILE_BYTES) {
      throw new InvalidArgumentError(
        'chunk',
        `the file is larger than ${MAX_RESULT_FILE_BYTES} bytes`,
      );
    }
    chunks.push(Buffer.from(next.value.chunk));
  }
  const bytes = Buffer.concat(chunks);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const earlier = await findImportByHash(deps.pool, payrollId, sha256);
  if (earlier !== undefined) return importToProto(earlier, true);
  const format = bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))
    ? 'xlsx'
    : 'csv';

  return withTransaction(deps.pool, async (client) => {
    await lockPayrollResults(client, payrollId);
    const again = await findImportByHash(client, payrollId, sha256);
    if (again !== undefined) return importToProto(again, true);
    const ctx = {
      index: indexLines(await linesForUpdate(client, payrollId)),
      later: await laterPayrolls(client, payroll.communeCode, payroll.month),
      today: deps.today(),
      seen: new Set<string>(),
    };
    let checked: Checked;
    try {
      checked = await checkRows(await rowsOf(bytes, format), ctx);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      checked = { rows: 0, issues: [], results: [], failure: err.message };
    }
    const invalidRows = new Set(checked.issues.map((i) => i.rowNo)).size;
    const rejected =
      checked.failure !== '' || (mode === 'all_or_nothing' && checked.issues.length > 0);
    const at = new Date();
    const imp: ResultImport = {
      id: randomUUID(),
      payrollId,
      fileName,
      fileSha256: sha256,
      fileSize: bytes.length,
      fileFormat: format,
      mode,
      status: rejected ? 'rejected' : 'done',
      rows: checked.rows,
      recorded: rejected ? 0 : checked.results.length,
      invalidRows,
      failure: checked.failure,
      importedBy: principal.userId,
      importedAt: at,
    };
    await insertImport(client, imp);
    const issues =
      checked.failure === ''
        ? checked.issues
        : [{ rowNo: 0, column: '', value: '', reason: checked.failure }];
    await insertIssues(client, imp.id, issues);
    if (rejected) return importToProto(imp, false);
    const written: ResultWrite[] = [];
    for (const r of checked.results) {
      const write: ResultWrite = { ...r, source: 'import', importId: imp.id };
      if (isUnchanged(write)) continue;
      await writeResult(client, write, {
        userId: principal.userId,
        unitCode: principal.unitCode,
        at,
      });
      written.push(write);
    }
    await recordResultEvent(client, payroll, written, 'import', {
      actorId: principal.userId,
      actorUnitCode: principal.unitCode,
      sourceAddress,
      at,
    });
    return importToProto(imp, false);
  });
}
