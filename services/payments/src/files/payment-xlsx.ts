/**
 * The XLSX payment file of one channel: a title, the Vietnamese header, one row per line and a
 * totals row (Tổng cộng). Amounts are numbers (whole đồng), citizen IDs and accounts text, so
 * leading zeros stay. Bytes depend on the content only (fixed-time-xlsx.ts).
 */
import { CSV_HEADER } from './payment-csv';
import { fixedTimeXlsx } from './fixed-time-xlsx';
import { lineCells, monthsLabel, totalOf, type FileLine, type FilePayroll } from './file-line';

export const CHANNEL_LABELS: Record<string, string> = {
  cash_at_commune: 'Chi trả tiền mặt tại xã',
  post_office: 'Chi trả qua bưu điện',
  bank_transfer: 'Chuyển khoản ngân hàng',
};

/** First day of the payroll's month, 00:00 UTC: the timestamp written in every file. */
export function fileTimestamp(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

export async function paymentXlsx(
  payroll: FilePayroll,
  channel: string,
  lines: readonly FileLine[],
): Promise<Buffer> {
  const total = totalOf(lines);
  return fixedTimeXlsx(fileTimestamp(payroll.month), (wb) => {
    const ws = wb.addWorksheet('Danh sach chi tra');
    ws.columns = [
      { width: 6 },
      { width: 16 },
      { width: 28 },
      { width: 16 },
      { width: 12 },
      { width: 20 },
      { width: 20 },
      { width: 16, style: { numFmt: '#,##0' } },
    ];
    ws.addRow([
      `Danh sách chi trả trợ cấp xã hội hàng tháng: xã ${payroll.communeCode}, tháng ${monthsLabel([payroll.month])}`,
    ]).commit();
    ws.addRow([CHANNEL_LABELS[channel] ?? channel]).commit();
    ws.addRow([...CSV_HEADER]).commit();
    lines.forEach((line, i) => ws.addRow(lineCells(line, i + 1)).commit());
    ws.addRow(['', 'Tổng cộng', `${lines.length} người`, '', '', '', '', total]).commit();
    ws.commit();
  });
}
