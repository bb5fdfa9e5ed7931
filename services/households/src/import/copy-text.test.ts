import fc from 'fast-check';
import { byteaText, copyLine } from './copy-text';

/** PostgreSQL's reading of one COPY text line (the escapes copyLine writes). */
function readLine(line: string): (string | null)[] {
  expect(line.endsWith('\n')).toBe(true);
  return line
    .slice(0, -1)
    .split('\t')
    .map((field) =>
      field === '\\N'
        ? null
        : field.replace(/\\(.)/g, (_, c: string) =>
            c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c,
          ),
    );
}

describe('copyLine', () => {
  it('writes nulls, numbers, booleans and arrays in COPY text', () => {
    expect(copyLine(['a', null, undefined, 3, true, ['x', 'y "z"']])).toBe(
      'a\t\\N\t\\N\t3\ttrue\t{"x","y \\\\"z\\\\""}\n',
    );
  });

  it('escapes backslashes, tabs and line breaks so any text reads back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constant(null)), { minLength: 1 }),
        (values) => {
          expect(readLine(copyLine(values))).toEqual(values);
        },
      ),
    );
  });

  it('writes bytea as hex, whose backslash the line escapes', () => {
    expect(byteaText(new Uint8Array([0, 255]))).toBe('\\x00ff');
    expect(copyLine([byteaText(new Uint8Array([0, 255]))])).toBe('\\\\x00ff\n');
  });
});
