import { generateKeyPairSync } from 'node:crypto';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { csvRecords, xlsxRows, type CellValue } from '@posa/tabular';
import { sha256Hex, verifyDetached } from './checksums';
import type { FileLine, FilePayroll } from './file-line';
import { makePaymentFiles, signatureFile, type MadeFile } from './payment-file-set';

const key = generateKeyPairSync('ed25519');

const lineArb: fc.Arbitrary<FileLine> = fc.record({
  caseCode: fc.stringMatching(/^TC-[0-9]{5}-[0-9]{4}$/),
  fullName: fc.constantFrom('Nguyễn Văn An', 'Trần Thị "Bé"', 'Lê, Văn C', 'Đặng\nThị D'),
  citizenId: fc.stringMatching(/^0[0-9]{11}$/),
  bankCode: fc.constantFrom('', 'VBSP', 'VBA'),
  accountNumber: fc.stringMatching(/^[0-9]{0,14}$/),
  months: fc.constantFrom(['2026-03'], ['2026-01', '2026-03'], ['2025-12', '2026-02', '2026-03']),
  totalVnd: fc.integer({ min: 0, max: 50_000_000 }),
});

const channelsArb = fc.record({
  cash_at_commune: fc.array(lineArb, { maxLength: 12 }),
  post_office: fc.array(lineArb, { maxLength: 6 }),
  bank_transfer: fc.array(lineArb, { maxLength: 6 }),
});

function payrollOf(byChannel: Record<string, FileLine[]>): FilePayroll {
  const all = Object.values(byChannel).flat();
  return {
    id: '7d3c1c1e-0000-4000-8000-000000000001',
    communeCode: '00004',
    month: '2026-03',
    lines: all.length,
    totalVnd: all.reduce((s, l) => s + l.totalVnd, 0),
  };
}

async function csvAmounts(file: MadeFile): Promise<number[]> {
  const out: number[] = [];
  for await (const { line, fields } of csvRecords([file.content])) {
    if (line > 1) out.push(Number(fields[7]));
  }
  return out;
}

async function xlsxValues(file: MadeFile): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for await (const r of await xlsxRows(PassThrough.from(file.content))) rows.push(r.values);
  return rows;
}

describe('payment files', () => {
  it('carry exactly the totals of the payroll, per channel and in all', async () => {
    await fc.assert(
      fc.asyncProperty(channelsArb, async (byChannel) => {
        const payroll = payrollOf(byChannel);
        const files = await makePaymentFiles(payroll, new Map(Object.entries(byChannel)));
        for (const [channel, lines] of Object.entries(byChannel)) {
          const csv = files.find((f) => f.channel === channel && f.format === 'csv');
          const xlsx = files.find((f) => f.channel === channel && f.format === 'xlsx');
          if (lines.length === 0) {
            expect(csv).toBeUndefined();
            continue;
          }
          const expected = lines.reduce((s, l) => s + l.totalVnd, 0);
          const amounts = await csvAmounts(csv!);
          expect(amounts).toEqual(lines.map((l) => l.totalVnd));
          expect(csv!.totalVnd).toBe(expected);
          const rows = await xlsxValues(xlsx!);
          const dataRows = rows.slice(3, -1);
          expect(dataRows.map((r) => r[7])).toEqual(lines.map((l) => l.totalVnd));
          expect(dataRows.map((r) => r[3])).toEqual(lines.map((l) => l.citizenId));
          expect(rows[rows.length - 1]![7]).toBe(expected);
        }
        const checksums = files.find((f) => f.format === 'checksums')!;
        expect(checksums.totalVnd).toBe(payroll.totalVnd);
        expect(checksums.lines).toBe(payroll.lines);
      }),
      { numRuns: 25 },
    );
  });

  it('list every file with its SHA-256 and size, signed so that the public key verifies it', async () => {
    const byChannel = { cash_at_commune: [fc.sample(lineArb, 1)[0]!], bank_transfer: [] };
    const files = await makePaymentFiles(payrollOf(byChannel), new Map(Object.entries(byChannel)));
    files.push(signatureFile(files[files.length - 1]!, key));
    expect(files.map((f) => f.fileName)).toEqual([
      'chi-tra-00004-2026-03-cash_at_commune.csv',
      'chi-tra-00004-2026-03-cash_at_commune.xlsx',
      'chi-tra-00004-2026-03-checksums.txt',
      'chi-tra-00004-2026-03-checksums.sig',
    ]);
    const checksums = files[2]!;
    const listed = checksums.content
      .toString('utf8')
      .split('\n')
      .filter((l) => /^[0-9a-f]/.test(l));
    expect(listed).toEqual(
      files
        .slice(0, 2)
        .map(
          (f) => `${sha256Hex(f.content)}  ${f.content.length}  1  ${f.totalVnd}  ${f.fileName}`,
        ),
    );
    const signature = files[3]!.content;
    expect(signature).toHaveLength(64);
    expect(verifyDetached(checksums.content, signature, key.publicKey)).toBe(true);
    const tampered = Buffer.from(checksums.content);
    tampered[tampered.length - 2] ^= 1;
    expect(verifyDetached(tampered, signature, key.publicKey)).toBe(false);
    const other = generateKeyPairSync('ed25519');
    expect(verifyDetached(checksums.content, signature, other.publicKey)).toBe(false);
  });

  it('are the same bytes when made again at another time', async () => {
    const byChannel = { post_office: fc.sample(lineArb, 5), bank_transfer: fc.sample(lineArb, 3) };
    const payroll = payrollOf(byChannel);
    const first = await makePaymentFiles(payroll, new Map(Object.entries(byChannel)));
    jest.useFakeTimers({
      now: new Date('2031-07-15T10:20:30Z'),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    try {
      expect(new Date().getUTCFullYear()).toBe(2031);
      const again = await makePaymentFiles(payroll, new Map(Object.entries(byChannel)));
      expect(again.map((f) => f.sha256)).toEqual(first.map((f) => f.sha256));
      expect(
        Buffer.concat(again.map((f) => f.content)).equals(
          Buffer.concat(first.map((f) => f.content)),
        ),
      ).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuse lines that do not add up to the payroll', async () => {
    const byChannel = { cash_at_commune: fc.sample(lineArb, 2) };
    const payroll = { ...payrollOf(byChannel), totalVnd: payrollOf(byChannel).totalVnd + 1 };
    await expect(makePaymentFiles(payroll, new Map(Object.entries(byChannel)))).rejects.toThrow(
      'differ from its totals',
    );
  });
});
