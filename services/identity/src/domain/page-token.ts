/**
 * Keyset pagination: a page token carries the sort key of the last item returned and a
 * fingerprint of the query it belongs to, so a token is refused for any other query.
 * Tokens are opaque to callers (base64url JSON), not secret: they only hold public keys.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@posa/platform';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export type SortKey = ReadonlyArray<string | number>;

export interface PageRequestInput {
  pageSize: number;
  pageToken: string;
}

export function pageSizeOf(page: PageRequestInput | undefined): number {
  const size = page?.pageSize ?? 0;
  if (!Number.isInteger(size) || size < 0)
    throw new InvalidArgumentError('page.page_size', 'must not be negative');
  if (size === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

export function encodePageToken(scope: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(scope), k: key })).toString('base64url');
}

/** The sort key after which the page starts, or null for the first page. */
export function decodePageToken(
  token: string | undefined,
  scope: string,
  keyLength: number,
): SortKey | null {
  if (token === undefined || token === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError('page.page_token', 'is not a token issued by this service');
  }
  const { q, k } = (parsed ?? {}) as { q?: unknown; k?: unknown };
  if (
    !Array.isArray(k) ||
    k.length !== keyLength ||
    !k.every((part) => typeof part === 'string' || typeof part === 'number')
  ) {
    throw new InvalidArgumentError('page.page_token', 'is not a token issued by this service');
  }
  if (q !== fingerprint(scope))
    throw new InvalidArgumentError('page.page_token', 'belongs to another query');
  return k as SortKey;
}

/** Splits `limit + 1` fetched rows into the page and the next token. */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  scope: string,
  keyOf: (row: T) => SortKey,
): { items: T[]; nextPageToken: string } {
  if (rows.length <= limit) return { items: [...rows], nextPageToken: '' };
  const items = rows.slice(0, limit);
  return { items, nextPageToken: encodePageToken(scope, keyOf(items[items.length - 1]!)) };
}
