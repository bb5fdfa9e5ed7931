/**
 * Reading one cell of an import file. XLSX cells arrive as text, numbers, booleans or dates;
 * CSV cells as text. Text is NFC-normalised and trimmed. Each reader returns the value or
 * a reason (the caller names the row and column).
 */

export type CellValue = string | number | boolean | Date | null | undefined;

/** A date as written in a file; month and day are 0 when unknown (a year, mm/yyyy). */
export interface CellDate {
  year: number;
  month: number;
  day: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** The cell as text: numbers without exponent, dates as dd/mm/yyyy. */
export function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const d = String(cell.getUTCDate()).padStart(2, '0');
    const m = String(cell.getUTCMonth() + 1).padStart(2, '0');
    return `${d}/${m}/${cell.getUTCFullYear()}`;
  }
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'có' : 'không';
  return cell.normalize('NFC').trim();
}

/** Day 0 of Excel's 1900 date system as used by every serial after 28 Feb 1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date (of birth, of payment): a date cell, an Excel serial (a number of 10000 or more, i.e. from
 * 18/05/1927), a 4-digit year (number or text), dd/mm/yyyy, d/m/yyyy, mm/yyyy or
 * yyyy-mm-dd. Month and day are 0 when unknown. Serials under 10000 are not taken as
 * dates: such a number is read as a year and then refused as implausible.
 */
export function dateOf(cell: CellValue): Read<CellDate | undefined> {
  if (cell === null || cell === undefined || cell === '') return ok(undefined);
  if (cell instanceof Date) {
    return ok({
      year: cell.getUTCFullYear(),
      month: cell.getUTCMonth() + 1,
      day: cell.getUTCDate(),
    });
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return fail('is not a date');
    if (cell < 10000) return ok({ year: cell, month: 0, day: 0 });
    const d = new Date(EXCEL_EPOCH_MS + cell * 86_400_000);
    return ok({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  const text = textOf(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return ok({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return ok({ year: Number(m[2]), month: Number(m[1]), day: 0 });
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return ok({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  if (/^\d{4}$/.test(text)) return ok({ year: Number(text), month: 0, day: 0 });
  if (/^\d{5}$/.test(text)) return dateOf(Number(text));
  return fail('must be dd/mm/yyyy, mm/yyyy, yyyy or an Excel date');
}

/**
 * A citizen ID kept as text. A number cell of 11 digits is an ID whose leading zero Excel
 * dropped: it is refused (we do not guess the digit), asking for the column as text.
 */
export function citizenIdOf(cell: CellValue): Read<string> {
  if (typeof cell === 'number') {
    const digits = Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
    if (digits.length < 12) {
      return fail(
        `was stored as the number ${digits} (${digits.length} digits): Excel dropped leading ` +
          'zeros; format the column as text and enter all 12 digits',
      );
    }
    return ok(digits);
  }
  return ok(textOf(cell).replace(/[\s.]/g, ''));
}

/** A whole non-negative number, accepting "1.500.000" and "1,500,000" groupings. */
export function wholeOf(cell: CellValue): Read<number | undefined> {
  if (typeof cell === 'number')
    return Number.isSafeInteger(cell) ? ok(cell) : fail('must be a whole number');
  const text = textOf(cell).replace(/[\s.,]/g, '');
  if (text === '') return ok(undefined);
  if (!/^\d{1,15}$/.test(text)) return fail('must be a whole number');
  return ok(Number(text));
}

const YES = new Set(['có', 'co', 'x', 'yes', 'true', '1', 'c']);
const NO = new Set(['không', 'khong', 'no', 'false', '0', 'k']);

export function flagOf(cell: CellValue): Read<boolean | undefined> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = textOf(cell).toLowerCase();
  if (text === '') return ok(undefined);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('must be có or không');
}

/** A list cell: codes separated by ";" or ",". */
export function listOf(cell: CellValue): string[] {
  return textOf(cell)
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
