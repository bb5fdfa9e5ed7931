/**
 * Keyset page tokens of the payroll lists: the key of the last item returned and a digest of
 * the query, so a token is refused with another unit or filter.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@posa/platform';

const FIELD = 'page.page_token';
const digestOf = (query: string): string =>
  createHash('sha256').update(query).digest('base64url').slice(0, 12);

export function encodePageToken(query: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify({ d: digestOf(query), k: key }), 'utf8').toString('base64url');
}

/** The key of the previous page's last item, or undefined for the first page. */
export function decodePageToken(query: string, token: string, parts: number): string[] | undefined {
  if (token === '') return undefined;
  let body: { d?: unknown; k?: unknown };
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof body;
  } catch {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  const key = body?.k;
  if (
    !Array.isArray(key) ||
    key.length !== parts ||
    !key.every((k): k is string => typeof k === 'string')
  ) {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  if (body.d !== digestOf(query)) {
    throw new InvalidArgumentError(FIELD, 'belongs to another unit or filter');
  }
  return key;
}

/** The page size asked for (0: `defaultSize`), capped at `maxSize`; negative is refused. */
export function pageSizeOf(requested: number, defaultSize: number, maxSize: number): number {
  if (requested < 0) throw new InvalidArgumentError('page.page_size', 'must not be negative');
  return Math.min(requested === 0 ? defaultSize : requested, maxSize);
}
