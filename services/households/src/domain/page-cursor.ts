/**
 * Opaque page tokens of keyset-paged lists (searches, review rounds): the sort key of the
 * last row returned, tied to the query and filter by a short digest so a token is refused
 * with another query (the order would not be the same). base64url of JSON; nothing in it is
 * personal data beyond the normalised name the caller typed or saw.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@posa/platform';

const FIELD = 'page.page_token';

function digestOf(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

/** `scope` names the RPC, the query and the filter; `key` is the sort key of the last row. */
export function encodeCursor(scope: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify({ d: digestOf(scope), k: key }), 'utf8').toString('base64url');
}

/** The sort key in the token, or undefined for an empty token (the first page). */
export function decodeCursor(
  scope: string,
  token: string,
  keyLength: number,
): string[] | undefined {
  if (token === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  const body = parsed as { d?: unknown; k?: unknown };
  const key = body.k;
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray(key) ||
    key.length !== keyLength ||
    !key.every((v) => typeof v === 'string')
  ) {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  if (body.d !== digestOf(scope)) {
    throw new InvalidArgumentError(FIELD, 'belongs to another query or filter');
  }
  return key as string[];
}
