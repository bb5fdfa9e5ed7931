/**
 * The CSV payment file of one channel: UTF-8 with BOM (Excel opens it with Vietnamese intact),
 * CRLF, RFC 4180 quoting, a Vietnamese header, one row per line. No totals row: the agent's
 * system reads rows only; the totals are in the checksum file and the XLSX.
 */
import { lineCells, type FileLine } from './file-line';

export const CSV_HEADER = [
  'STT',
  'Mã hồ sơ',
  'Họ và tên',
  'Số định danh cá nhân',
  'Mã ngân hàng',
  'Số tài khoản',
  'Tháng chi trả',
  'Số tiền (đồng)',
] as const;

/** A field quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The bytes of the CSV file of the given lines. */
export function paymentCsv(lines: readonly FileLine[]): Buffer {
  const parts = ['\uFEFF', csvRow(CSV_HEADER)];
  lines.forEach((line, i) => parts.push(csvRow(lineCells(line, i + 1).map(String))));
  return Buffer.from(parts.join(''), 'utf8');
}
