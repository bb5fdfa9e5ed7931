/**
 * Sets the modification time of every entry of a zip archive (local headers and central
 * directory) to one instant, so that an archive's bytes depend on its content only. Archives
 * of payment files are small: ZIP64 archives are refused rather than guessed at.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** MS-DOS time and date fields of an instant (UTC parts, 2-second resolution). */
export function dosTimestamp(at: Date): { time: number; date: number } {
  const year = at.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError('zip timestamps cover 1980 to 2107');
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function endOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new Error('not a zip archive: no end of central directory');
}

/** A copy of `zip` whose entries all carry the time `at`. */
export function withZipTimestamps(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosTimestamp(at);
  const eocd = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let entry = out.readUInt32LE(eocd + 16);
  if (entries === 0xffff || entry === 0xffffffff) throw new Error('ZIP64 archives are not handled');
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(entry) !== CENTRAL_SIGNATURE) throw new Error('corrupt central directory');
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('corrupt local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry +=
      46 +
      out.readUInt16LE(entry + 28) +
      out.readUInt16LE(entry + 30) +
      out.readUInt16LE(entry + 32);
  }
  return out;
}
