// Pure-node extraction of single entries from a ZIP archive (stored or deflated, no ZIP64).
// Used when the `unzip` program is not installed (it is not part of a minimal Debian).
import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

/** Locates the end-of-central-directory record; throws when the file is not a ZIP. */
function findEndOfCentralDirectory(buf) {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i -= 1) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  throw new Error('not a ZIP archive: end of central directory not found');
}

/** Lists the central directory: name, method, sizes, crc and local header offset per entry. */
export function listEntries(buf) {
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(at) !== CENTRAL_SIG) throw new Error(`bad central directory entry ${i}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Returns the uncompressed bytes of one entry, checking size and CRC-32. */
export function readEntry(buf, entry) {
  if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) {
    throw new Error(`${entry.name}: ZIP64 entries are not supported`);
  }
  const at = entry.localOffset;
  if (buf.readUInt32LE(at) !== LOCAL_SIG) throw new Error(`${entry.name}: bad local header`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  let data;
  if (entry.method === 0) data = Buffer.from(raw);
  else if (entry.method === 8) data = zlib.inflateRawSync(raw);
  else throw new Error(`${entry.name}: compression method ${entry.method} is not supported`);
  if (data.length !== entry.size)
    throw new Error(`${entry.name}: size ${data.length} != ${entry.size}`);
  if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== entry.crc32) {
    throw new Error(`${entry.name}: CRC-32 mismatch`);
  }
  return data;
}

/** Extracts the entry called `name` from the archive at `zipPath` into `destFile`. */
export function extractEntry(zipPath, name, destFile) {
  const buf = readFileSync(zipPath);
  const entry = listEntries(buf).find((e) => e.name === name);
  if (!entry) throw new Error(`${zipPath}: no entry named ${name}`);
  writeFileSync(destFile, readEntry(buf, entry), { mode: 0o755 });
}
