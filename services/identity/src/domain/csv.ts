/**
 * A small CSV reader for the shipped catalogue files: comma-separated, fields optionally
 * quoted with `"` (a doubled `""` inside quotes is a quote), one record per line. Line
 * breaks inside fields are not supported: the files have none, and a line that ends
 * inside quotes is refused rather than guessed at.
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly column: number,
    reason: string,
  ) {
    super(`column ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Splits one line into its fields. Throws CsvSyntaxError for malformed quoting. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) throw new CsvSyntaxError(fields.length + 1, 'quoted field is not closed');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') {
        throw new CsvSyntaxError(fields.length, 'unexpected text after a closing quote');
      }
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) {
        throw new CsvSyntaxError(fields.length + 1, 'quote inside an unquoted field');
      }
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

/** Checks a header line against the expected column names, in order. */
export function checkHeader(actual: readonly string[], expected: readonly string[]): string | null {
  if (actual.length !== expected.length || actual.some((name, i) => name !== expected[i])) {
    return `header must be ${expected.join(',')}; got ${actual.join(',')}`;
  }
  return null;
}
