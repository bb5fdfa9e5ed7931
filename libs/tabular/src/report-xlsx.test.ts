import { PassThrough } from 'node:stream';
import { writeReportXlsx, ISSUE_HEADER } from './report-xlsx';
import { UnreadableFileError } from './unreadable-file';
import { xlsxKeyedRows, xlsxRows } from './xlsx-rows';

/** Writes a report into memory and gives back its bytes. */
async function reportBytes(content: Parameters<typeof writeReportXlsx>[1]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeReportXlsx(out, content);
  return Buffer.concat(chunks);
}

async function* issues() {
  yield [3, 'amount', '12,5', 'must be a whole number'] as const;
  yield [7, 'paid_on', '31/02/2025', 'is not a calendar date'] as const;
}

describe('the XLSX report writer and readers', () => {
  it('writes a summary sheet, then each sheet with its header and rows, read back by the reader', async () => {
    const bytes = await reportBytes({
      summaryName: 'Tong hop',
      summary: [
        ['rows read', 9],
        ['failure', undefined],
      ],
      sheets: [{ name: 'Loi', header: ISSUE_HEADER, rows: issues() }],
    });
    const rows = [];
    for await (const r of await xlsxRows(PassThrough.from(bytes))) rows.push(r);
    // the summary is the first sheet; the reader gives the first sheet only
    expect(rows.map((r) => r.values)).toEqual([['rows read', 9], ['failure']]);
  });

  it('keys the rows after the row of column keys and skips what comes before it', async () => {
    const bytes = await reportBytes({
      summaryName: 'Ket qua',
      summary: [['Kết quả chi trả', 'tháng 03/2025']],
      sheets: [],
    });
    // a first sheet whose data rows follow a title row and a key row
    const withKeys = await reportBytes({
      summaryName: 'Danh sach',
      summary: [
        ['Danh sách', 'x'],
        ['line_id', 'outcome'],
        ['L-12', 'paid'],
        ['', undefined],
        ['L-13', 'unpaid'],
      ],
      sheets: [],
    });
    const columns = { known: ['line_id', 'outcome'], required: ['outcome'] };
    const keyed = [];
    for await (const r of await xlsxKeyedRows(PassThrough.from(withKeys), columns)) keyed.push(r);
    expect(keyed).toEqual([
      { rowNo: 3, cells: { line_id: 'L-12', outcome: 'paid' } },
      { rowNo: 5, cells: { line_id: 'L-13', outcome: 'unpaid' } },
    ]);
    const noKeys = await xlsxKeyedRows(PassThrough.from(bytes), columns);
    await expect(
      (async () => {
        for await (const _ of noKeys) void _;
      })(),
    ).rejects.toThrow('no row of column keys (outcome)');
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(xlsxRows(PassThrough.from(Buffer.from('STT,amount\n1,2\n')))).rejects.toThrow(
      UnreadableFileError,
    );
  });
});
