/**
 * The validation report of a result import (XLSX via @posa/tabular: a summary, then one row
 * per problem: row, column, value, reason) and the template of a payroll's result file (its
 * lines, the outcome columns empty).
 */
import { PassThrough } from 'node:stream';
import type { Principal } from '@posa/auth';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@posa/platform';
import type { GetResultImportReportResponse, GetResultTemplateResponse } from '@posa/proto';
import { ISSUE_HEADER, writeReportXlsx, type CellValue } from '@posa/tabular';
import type { PaymentsDeps } from '../deps';
import { fixedTimeXlsx } from '../files/fixed-time-xlsx';
import { fileTimestamp } from '../files/payment-xlsx';
import { payrollIdOf } from '../files/payment-file-handlers';
import { assertPayrollReadable } from './result-access';
import { findImport, issuesOf } from './result-import-store';
import { findResultPayroll, linesOf } from './result-store';

async function* issueRows(deps: PaymentsDeps, importId: string): AsyncGenerator<CellValue[]> {
  for await (const i of issuesOf(deps.pool, importId)) yield [i.rowNo, i.column, i.value, i.reason];
}

export async function resultImportReport(
  deps: PaymentsDeps,
  principal: Principal,
  importIdText: string,
): Promise<GetResultImportReportResponse> {
  const importId = payrollIdOf(importIdText, 'import_id');
  const imp = await findImport(deps.pool, importId);
  const payroll = imp === undefined ? undefined : await findResultPayroll(deps.pool, imp.payrollId);
  if (imp === undefined || payroll === undefined) {
    throw new NotFoundError(`result import ${importId} not found`);
  }
  assertPayrollReadable(principal, payroll, payroll.id, deps.units);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeReportXlsx(out, {
    summaryName: 'Tong hop',
    summary: [
      ['file', imp.fileName],
      ['sha256', imp.fileSha256],
      ['payroll', imp.payrollId],
      ['mode', imp.mode],
      ['status', imp.status],
      ['rows', imp.rows],
      ['recorded', imp.recorded],
      ['invalid rows', imp.invalidRows],
      ['failure', imp.failure],
    ],
    sheets: [{ name: 'Loi', header: ISSUE_HEADER, rows: issueRows(deps, imp.id) }],
  });
  const stem = imp.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `bao-cao-${stem}.xlsx`, content: Buffer.concat(chunks) };
}

export const TEMPLATE_KEYS = [
  'stt',
  'line_id',
  'case_code',
  'full_name',
  'citizen_id',
  'amount',
  'outcome',
  'reason',
  'paid_on',
] as const;

const TEMPLATE_HEADINGS = [
  'STT',
  'Mã dòng',
  'Mã hồ sơ',
  'Họ và tên',
  'Số định danh cá nhân',
  'Số tiền (đồng)',
  'Kết quả (paid / unpaid / returned)',
  'Lý do (bắt buộc khi chưa chi trả, hoàn trả)',
  'Ngày chi trả (dd/mm/yyyy)',
];

export async function resultTemplate(
  deps: PaymentsDeps,
  principal: Principal,
  payrollIdText: string,
): Promise<GetResultTemplateResponse> {
  if (payrollIdText === '') throw new InvalidArgumentError('payroll_id', 'is required');
  const id = payrollIdOf(payrollIdText);
  const payroll = assertPayrollReadable(
    principal,
    await findResultPayroll(deps.pool, id),
    id,
    deps.units,
  );
  if (payroll.status === 'draft') {
    throw new FailedPreconditionError(`payroll ${id} is a draft: it has no results to record`);
  }
  const lines = await linesOf(deps.pool, id);
  const content = await fixedTimeXlsx(fileTimestamp(payroll.month), (wb) => {
    const ws = wb.addWorksheet('Ket qua chi tra');
    ws.addRow([`Kết quả chi trả: xã ${payroll.communeCode}, tháng ${payroll.month}`]).commit();
    ws.addRow(TEMPLATE_HEADINGS).commit();
    ws.addRow([...TEMPLATE_KEYS]).commit();
    lines.forEach((l, i) => {
      ws.addRow([
        i + 1,
        l.lineId,
        l.caseCode,
        l.fullName,
        l.citizenId,
        l.totalVnd,
        '',
        '',
        '',
      ]).commit();
    });
    ws.commit();
  });
  return { fileName: `ket-qua-chi-tra-${payroll.communeCode}-${payroll.month}.xlsx`, content };
}
