/**
 * The files of one payroll, made from its lines alone: per channel with lines a CSV and an
 * XLSX, then the checksum file over them. The same lines give the same bytes. The signature
 * of the checksum file is made with the service's key when asked for (Ed25519 is
 * deterministic: the same key gives the same signature).
 */
import type { KeyObject } from 'node:crypto';
import { checksumFile, keyIdOf, sha256Hex, signDetached } from './checksums';
import {
  CHANNELS,
  fileStem,
  MEDIA_TYPES,
  totalOf,
  type FileFormat,
  type FileLine,
  type FilePayroll,
} from './file-line';
import { paymentCsv } from './payment-csv';
import { paymentXlsx } from './payment-xlsx';

export interface MadeFile {
  fileName: string;
  /** '' for the checksum and signature files. */
  channel: string;
  format: FileFormat;
  mediaType: string;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
  lines: number;
  totalVnd: number;
  /** Id of the verifying key, signature file only. */
  keyId: string;
}

function made(
  fileName: string,
  channel: string,
  format: FileFormat,
  content: Buffer,
  lines: number,
  totalVnd: number,
  keyId = '',
): MadeFile {
  return {
    fileName,
    channel,
    format,
    mediaType: MEDIA_TYPES[format],
    content,
    sizeBytes: content.length,
    sha256: sha256Hex(content),
    lines,
    totalVnd,
    keyId,
  };
}

/**
 * The files of a payroll. `linesByChannel` holds every line of the payroll by channel, in the
 * payroll's order. Throws when the lines do not add up to the payroll's totals: a file must
 * never carry another figure than the payroll.
 */
export async function makePaymentFiles(
  payroll: FilePayroll,
  linesByChannel: ReadonlyMap<string, readonly FileLine[]>,
): Promise<MadeFile[]> {
  const files: MadeFile[] = [];
  let lineCount = 0;
  let total = 0;
  const stem = fileStem(payroll);
  for (const channel of CHANNELS) {
    const lines = linesByChannel.get(channel) ?? [];
    if (lines.length === 0) continue;
    const channelTotal = totalOf(lines);
    lineCount += lines.length;
    total += channelTotal;
    const name = `${stem}-${channel}`;
    files.push(made(`${name}.csv`, channel, 'csv', paymentCsv(lines), lines.length, channelTotal));
    files.push(
      made(
        `${name}.xlsx`,
        channel,
        'xlsx',
        await paymentXlsx(payroll, channel, lines),
        lines.length,
        channelTotal,
      ),
    );
  }
  for (const channel of linesByChannel.keys()) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new Error(`payroll ${payroll.id}: lines of unknown channel ${channel}`);
    }
  }
  if (lineCount !== payroll.lines || total !== payroll.totalVnd) {
    throw new Error(
      `payroll ${payroll.id}: lines (${lineCount}, ${total} VND) differ from its totals (${payroll.lines}, ${payroll.totalVnd} VND)`,
    );
  }
  const checksums = checksumFile(payroll, files);
  files.push(made(`${stem}-checksums.txt`, '', 'checksums', checksums, lineCount, total));
  return files;
}

/** The detached signature file of a checksum file, with the given key. */
export function signatureFile(
  checksums: MadeFile,
  key: { privateKey: KeyObject; publicKey: KeyObject },
): MadeFile {
  const name = checksums.fileName.replace(/\.txt$/, '.sig');
  const signature = signDetached(checksums.content, key.privateKey);
  return made(
    name,
    '',
    'signature',
    signature,
    checksums.lines,
    checksums.totalVnd,
    keyIdOf(key.publicKey),
  );
}
