/** What is wrong with one row of a catalogue file. */
export interface RowProblem {
  file: string;
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  field: string;
  reason: string;
}

/** The catalogue files do not validate; `problems` lists the first ones found. */
export class CatalogueError extends Error {
  constructor(
    message: string,
    readonly problems: readonly RowProblem[] = [],
  ) {
    const shown = problems
      .slice(0, 10)
      .map((p) => `\n  ${p.file}:${p.line} ${p.field}: ${p.reason}`)
      .join('');
    super(`${message}${shown}${problems.length > 10 ? `\n  … ${problems.length - 10} more` : ''}`);
    this.name = 'CatalogueError';
  }
}

const DIGITS = /^[0-9]+$/;

/** Reason a code is malformed for its expected length, or null. */
export function codeProblem(code: string, length: number): string | null {
  if (!DIGITS.test(code) || code.length !== length)
    return `must be ${length} digits, got "${code}"`;
  return null;
}

/** Reason a name is unusable (empty, padded, not NFC), or null. */
export function textProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  if (value.trim() !== value) return 'must not start or end with spaces';
  if (value.normalize('NFC') !== value) return 'must be NFC-normalised';
  return null;
}
