/**
 * Payment files of a real payroll: none for a draft; once approved, CSV and XLSX per channel
 * whose totals are the payroll's to the đồng, streamed in chunks, listed with their SHA-256 and
 * size in a checksum file whose signature verifies with the public key the service gives; the
 * same bytes on every download, before and after closing; readers outside see nothing.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { status } from '@grpc/grpc-js';
import type { PaymentFile } from '@posa/proto';
import { csvRecords, xlsxRows, type CellValue } from '@posa/tabular';
import { applyLedgerBatch } from '../src/ledger/ledger-apply';
import { entitlement } from './payroll-fixtures';
import { rejectionOf, startHarness, type Harness } from './harness';

const PROVINCE = '92'; // Thành phố Cần Thơ
const COMMUNE = '31135'; // Phường Ninh Kiều
const NEIGHBOUR = '31120'; // Phường Cái Khế
const MAY = { year: 2026, month: 5 };
const CASH_CASES = 1000; // a CSV larger than one 64 KiB chunk

let h: Harness;
let officer: Record<string, string>;
let approver: Record<string, string>;
let payrollId: string;
let version: number;

async function download(
  fileName: string,
  who = officer,
): Promise<{ file: PaymentFile; bytes: Buffer; chunks: number }> {
  let file: PaymentFile | undefined;
  const parts: Buffer[] = [];
  for await (const msg of h.files.stream(
    'downloadPaymentFile',
    { payrollId, fileName },
    { metadata: who },
  )) {
    if (msg.file !== undefined) file = msg.file;
    parts.push(Buffer.from(msg.chunk));
  }
  return { file: file!, bytes: Buffer.concat(parts), chunks: parts.length };
}

const list = async (who = officer) =>
  (await h.files.call('listPaymentFiles', { payrollId }, { metadata: who })).files;

beforeAll(async () => {
  h = await startHarness('payment_files', { today: () => '2026-05-20' });
  officer = await h.signIn('officer', COMMUNE, ['officer']);
  approver = await h.signIn('approver', COMMUNE, ['approver']);
  const common = { communeCode: COMMUNE, provinceCode: PROVINCE, fromMonth: '2026-05' };
  const events = Array.from({ length: CASH_CASES }, (_, i) =>
    entitlement({ ...common, amountVnd: 750_000 + (i % 7) * 250_000 }),
  );
  events.push(
    entitlement({ ...common, amountVnd: 1_000_000, channel: 'post_office' }),
    entitlement({
      ...common,
      amountVnd: 1_500_000,
      channel: 'bank_transfer',
      bankCode: 'VBSP',
      accountNumber: '0123456789',
    }),
    entitlement({
      ...common,
      amountVnd: 2_000_000,
      channel: 'bank_transfer',
      bankCode: 'VBA',
      accountNumber: '9876543210',
    }),
    // not paid: an unknown bank is an exception of the payroll, not a line of a file
    entitlement({
      ...common,
      amountVnd: 900_000,
      channel: 'bank_transfer',
      bankCode: 'XYZ',
      accountNumber: '1111111',
    }),
  );
  await applyLedgerBatch(h.app.pool, events);
  const gen = await h.payrolls.call(
    'generatePayroll',
    { communeCode: COMMUNE, month: MAY },
    { metadata: officer },
  );
  payrollId = gen.payroll!.payrollId;
  version = gen.payroll!.version;
});

afterAll(async () => {
  await h?.close();
});

it('has no files while a draft', async () => {
  const err = await rejectionOf(list());
  expect(err.code).toBe(status.FAILED_PRECONDITION);
});

it('gives per channel a CSV and an XLSX adding up to the payroll, signed in a checksum file', async () => {
  await h.payrolls.call(
    'approvePayroll',
    { payrollId, expectedVersion: version },
    { metadata: approver },
  );
  const payroll = (await h.payrolls.call('getPayroll', { payrollId }, { metadata: officer }))
    .payroll!;
  const files = await list();
  expect(files.map((f) => f.fileName)).toEqual([
    'chi-tra-31135-2026-05-cash_at_commune.csv',
    'chi-tra-31135-2026-05-cash_at_commune.xlsx',
    'chi-tra-31135-2026-05-post_office.csv',
    'chi-tra-31135-2026-05-post_office.xlsx',
    'chi-tra-31135-2026-05-bank_transfer.csv',
    'chi-tra-31135-2026-05-bank_transfer.xlsx',
    'chi-tra-31135-2026-05-checksums.txt',
    'chi-tra-31135-2026-05-checksums.sig',
  ]);
  for (const channel of payroll.channels) {
    for (const f of files.filter((x) => x.channel === channel.channel)) {
      expect([f.lines, f.totalVnd]).toEqual([channel.totals!.lines, channel.totals!.totalVnd]);
    }
  }
  expect(files[6]!.totalVnd).toBe(payroll.totals!.totalVnd);
  expect(payroll.exceptions.map((e) => e.kind)).toEqual(['invalid_account']);

  const downloaded = new Map<string, Buffer>();
  for (const f of files) {
    const { file, bytes, chunks } = await download(f.fileName);
    expect(file).toEqual(f);
    expect([bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([
      Number(f.sizeBytes),
      f.sha256,
    ]);
    if (f.fileName.endsWith('cash_at_commune.csv')) expect(chunks).toBeGreaterThan(1);
    downloaded.set(f.fileName, bytes);
  }

  const cash = downloaded.get('chi-tra-31135-2026-05-cash_at_commune.csv')!;
  expect(cash.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  let csvTotal = 0;
  let csvLines = 0;
  for await (const { line, fields } of csvRecords([cash])) {
    if (line === 1) expect(fields[0]).toBe('STT');
    else {
      csvTotal += Number(fields[7]);
      csvLines++;
    }
  }
  const cashTotals = payroll.channels.find((c) => c.channel === 'cash_at_commune')!.totals!;
  expect([csvLines, String(csvTotal)]).toEqual([CASH_CASES, cashTotals.totalVnd]);

  const rows: CellValue[][] = [];
  const bank = downloaded.get('chi-tra-31135-2026-05-bank_transfer.xlsx')!;
  for await (const r of await xlsxRows(PassThrough.from(bank))) rows.push(r.values);
  expect(
    rows
      .slice(3, -1)
      .map((r) => r[4])
      .sort(),
  ).toEqual(['VBA', 'VBSP']);
  expect(rows[rows.length - 1]![7]).toBe(3_500_000);

  const checksums = downloaded.get('chi-tra-31135-2026-05-checksums.txt')!;
  for (const f of files.slice(0, 6)) {
    expect(checksums.toString('utf8')).toContain(
      `${f.sha256}  ${f.sizeBytes}  ${f.lines}  ${f.totalVnd}  ${f.fileName}\n`,
    );
  }
  const key = await h.files.call('getSigningKey', {}, { metadata: officer });
  const publicKey = createPublicKey(key.publicKeyPem);
  const signature = downloaded.get('chi-tra-31135-2026-05-checksums.sig')!;
  expect(verify(null, checksums, publicKey, signature)).toBe(true);
  expect(verify(null, Buffer.concat([checksums, Buffer.from('x')]), publicKey, signature)).toBe(
    false,
  );
  expect(key.keyId).toBe(
    createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex'),
  );
});

it('serves the same bytes again, after closing too, to readers of the commune and above only', async () => {
  const before = await list();
  const approved = (await h.payrolls.call('getPayroll', { payrollId }, { metadata: officer }))
    .payroll!;
  await h.payrolls.call(
    'closePayroll',
    { payrollId, expectedVersion: approved.version },
    { metadata: approver },
  );
  const analyst = await h.signIn('analyst', PROVINCE, ['analyst']);
  expect(await list(analyst)).toEqual(before);
  const again = await download(before[1]!.fileName, analyst);
  expect(again.file.sha256).toBe(before[1]!.sha256);
  const neighbour = await h.signIn('neighbour', NEIGHBOUR, ['officer']);
  expect((await rejectionOf(list(neighbour))).code).toBe(status.NOT_FOUND);
  expect((await rejectionOf(download('nothing.csv'))).code).toBe(status.NOT_FOUND);
  const badId = await rejectionOf(
    h.files.call('listPaymentFiles', { payrollId: 'x' }, { metadata: officer }),
  );
  expect([badId.code, badId.message.split(':')[0]]).toEqual([
    status.INVALID_ARGUMENT,
    'payroll_id',
  ]);
  const stored = await h.app.pool.query(
    'SELECT count(*)::int AS n FROM payment_file WHERE payroll_id = $1',
    [payrollId],
  );
  expect(stored.rows[0].n).toBe(7);
});
