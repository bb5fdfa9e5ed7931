import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { csvRecords, csvRows, type ByteSource } from './csv-rows';
import { UnreadableFileError } from './unreadable-file';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'posa-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(content: string | Buffer): string {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, content);
  return file;
}

async function records(file: ByteSource) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const r of csvRecords(file)) out.push(r);
  return out;
}

/** RFC 4180 writing, independent of the reader: quote every field, double the quotes. */
const encode = (rows: string[][], eol: string) =>
  rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join(eol) + eol;

describe('the CSV reader', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside fields, CRLF and a BOM', async () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nplain,,end\r\n';
    expect(await records(fileWith(text))).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['plain', '', 'end'] },
    ]);
  });

  it('gives back any rows written by the RFC 4180 rules (LF or CRLF)', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ễ', 'Đ', ',', '"', '\n', ' ', '0') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          const read = await records(fileWith(encode(rows, eol)));
          expect(read.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps multi-byte characters split across read chunks whole', async () => {
    const name = 'Nguyễn Thị Ánh Tuyết';
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i), name]);
    const read = await records(fileWith(encode(rows, '\n')));
    expect(read).toHaveLength(5000);
    expect(read.every((r) => r.fields[1] === name)).toBe(true);
  });

  it('refuses a quoted field that is never closed, naming its line', async () => {
    await expect(records(fileWith('a,b\n"open,1\n2,3\n'))).rejects.toThrow(UnreadableFileError);
    await expect(records(fileWith('a,b\n"open,1\n2,3\n'))).rejects.toThrow('line 2');
  });

  it('reads bytes as they arrive, a character split between two chunks included', async () => {
    const bytes = Buffer.from('\uFEFFa,b\r\nĐặng,"x\r\ny"\r\n', 'utf8');
    async function* oneByteAtATime() {
      for (const b of bytes) yield Buffer.from([b]);
    }
    expect(await records(oneByteAtATime())).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Đặng', 'x\r\ny'] },
    ]);
  });

  const columns = {
    known: ['full_name', 'date_of_birth', 'sex', 'relation'],
    required: ['full_name', 'relation'],
  };

  it('keys data rows by the header, skips blank rows and refuses unknown columns', async () => {
    const file = fileWith(
      'full_name,date_of_birth,sex,relation\nNguyễn Văn A,1980,nam,head\n,,,\nTrần Thị B,1982,nữ,spouse\n',
    );
    const rows = [];
    for await (const r of csvRows(file, columns)) rows.push(r);
    expect(rows.map((r) => [r.rowNo, r.cells['full_name']])).toEqual([
      [2, 'Nguyễn Văn A'],
      [4, 'Trần Thị B'],
    ]);
    const bad = fileWith('full_name,date_of_birth,sex,relation,salary\n');
    await expect(
      (async () => {
        for await (const _ of csvRows(bad, columns)) void _;
      })(),
    ).rejects.toThrow('unknown columns: salary');
    const missing = fileWith('full_name,sex\n');
    await expect(
      (async () => {
        for await (const _ of csvRows(missing, columns)) void _;
      })(),
    ).rejects.toThrow('column relation is missing');
  });
});
