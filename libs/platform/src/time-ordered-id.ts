/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix time in milliseconds, then 74
 * random bits. Rows created together get ids that sort together, so a bulk load appends to
 * the primary-key and foreign-key indexes instead of writing all over them, as random
 * (version 4) ids do. The id reveals when the record was created, to the millisecond,
 * which the record says anyway (created_at).
 */
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 16 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function randomBytes10(): Buffer {
  if (offset + 10 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 10);
  offset += 10;
  return bytes;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version 7 UUID for the instant `nowMs` (default: now). */
export function timeOrderedId(nowMs: number = Date.now()): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48) {
    throw new RangeError('timeOrderedId: nowMs must be a millisecond timestamp');
  }
  const r = randomBytes10();
  const b = new Array<number>(16);
  let t = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | (r[0]! & 0x0f); // version 7
  b[7] = r[1]!;
  b[8] = 0x80 | (r[2]! & 0x3f); // variant 10
  for (let i = 9; i < 16; i++) b[i] = r[i - 6]!;
  const h = b.map((x) => HEX[x]!);
  return (
    `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-` +
    `${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`
  );
}
