/**
 * What a payment file (tệp chi trả) holds of one payroll line, and the names and media types
 * of the files of a payroll.
 */

export const CHANNELS = ['cash_at_commune', 'post_office', 'bank_transfer'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One line of a payment file, in the order of the payroll (case code, line id). */
export interface FileLine {
  caseCode: string;
  fullName: string;
  citizenId: string;
  bankCode: string;
  accountNumber: string;
  /** The months the line settles, 'YYYY-MM', ascending and distinct. */
  months: string[];
  totalVnd: number;
}

/** The cells of the line's row (the n-th of its file), in the order of the file header. */
export function lineCells(line: FileLine, n: number): (string | number)[] {
  return [
    n,
    line.caseCode,
    line.fullName,
    line.citizenId,
    line.bankCode,
    line.accountNumber,
    monthsLabel(line.months),
    line.totalVnd,
  ];
}

/** The payroll a set of files is made from. */
export interface FilePayroll {
  id: string;
  communeCode: string;
  /** 'YYYY-MM' */
  month: string;
  totalVnd: number;
  lines: number;
}

export type FileFormat = 'csv' | 'xlsx' | 'checksums' | 'signature';

export const MEDIA_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  checksums: 'text/plain; charset=utf-8',
  signature: 'application/octet-stream',
};

/** e.g. chi-tra-00004-2026-03 */
export function fileStem(payroll: FilePayroll): string {
  return `chi-tra-${payroll.communeCode}-${payroll.month}`;
}

/** "02/2026; 03/2026": the months of a line as the agent reads them. */
export function monthsLabel(months: readonly string[]): string {
  return months.map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`).join('; ');
}

/** Sum of the lines' totals; throws when it leaves the safe-integer range (never rounds). */
export function totalOf(lines: readonly FileLine[]): number {
  let total = 0;
  for (const line of lines) {
    total += line.totalVnd;
    if (!Number.isSafeInteger(total)) throw new RangeError('file total exceeds the safe range');
  }
  return total;
}
