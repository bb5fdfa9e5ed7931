/**
 * The checksum file of a payroll's payment files and its detached Ed25519 signature. The
 * checksum file lists, for each file, its SHA-256, size in bytes, lines and total in đồng:
 *
 *   # POSA tệp chi trả: payroll <id>, xã 00004, tháng 2026-03
 *   # sha256  bytes  lines  total_vnd  file
 *   <64 hex>  1234  12  6000000  chi-tra-00004-2026-03-cash_at_commune.csv
 *
 * The signature file holds the 64 raw bytes of the Ed25519 signature of the checksum file.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { FilePayroll } from './file-line';

export interface ListedFile {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  lines: number;
  totalVnd: number;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function checksumFile(payroll: FilePayroll, files: readonly ListedFile[]): Buffer {
  const rows = [
    `# POSA tệp chi trả: payroll ${payroll.id}, xã ${payroll.communeCode}, tháng ${payroll.month}`,
    '# sha256  bytes  lines  total_vnd  file',
    ...files.map((f) => `${f.sha256}  ${f.sizeBytes}  ${f.lines}  ${f.totalVnd}  ${f.fileName}`),
  ];
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

/** Detached Ed25519 signature (64 bytes) of `content`. */
export function signDetached(content: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, content, privateKey);
}

export function verifyDetached(content: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  return verify(null, content, publicKey, signature);
}

/** The id of a public key: SHA-256 (hex) of its DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
