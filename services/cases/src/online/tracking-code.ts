/**
 * Mã tra cứu: the code a citizen keeps to follow an online application or a complaint.
 * 10 characters of Crockford's base32 (digits and capitals without I, L, O, U), 50 random
 * bits from the system's cryptographic generator. With the citizen ID it is all a citizen
 * shows, so it must not be guessable; uniqueness is the database's (a clash is retried).
 */
import { randomBytes } from 'node:crypto';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/** A new random tracking code. */
export function newTrackingCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(TRACKING_CODE_LENGTH);
  let code = '';
  // Each byte gives 5 bits (0..31): 256 is a multiple of 32, so every symbol is equally likely.
  for (const byte of bytes) code += CROCKFORD_ALPHABET[byte & 31];
  return code;
}

/**
 * The code as typed by a person, in canonical form: case, spaces and hyphens ignored; O read
 * as 0, I and L as 1 (Crockford's decoding). Undefined when it cannot be a tracking code.
 */
export function normaliseTrackingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== TRACKING_CODE_LENGTH) return undefined;
  for (const ch of code) if (!CROCKFORD_ALPHABET.includes(ch)) return undefined;
  return code;
}
