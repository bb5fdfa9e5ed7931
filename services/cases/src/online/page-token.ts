/**
 * Page tokens of the staff lists of online applications and complaints: the sort key of the
 * last row returned (received_at, id), tied to the list and its filter by a short digest so a
 * token is refused with another filter. base64url of JSON; it holds no personal data.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@posa/platform';

const FIELD = 'page.page_token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PageKey {
  receivedAt: string;
  id: string;
}

const digestOf = (scope: string): string =>
  createHash('sha256').update(scope).digest('base64url').slice(0, 12);

export function encodePageToken(scope: string, key: PageKey): string {
  return Buffer.from(JSON.stringify({ d: digestOf(scope), t: key.receivedAt, i: key.id })).toString(
    'base64url',
  );
}

/** The key in the token, or undefined for an empty token (the first page). */
export function decodePageToken(scope: string, token: string): PageKey | undefined {
  if (token === '') return undefined;
  let body: { d?: unknown; t?: unknown; i?: unknown };
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof body;
  } catch {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.t !== 'string' ||
    Number.isNaN(Date.parse(body.t)) ||
    typeof body.i !== 'string' ||
    !UUID.test(body.i)
  ) {
    throw new InvalidArgumentError(FIELD, 'is not a token of this list');
  }
  if (body.d !== digestOf(scope)) {
    throw new InvalidArgumentError(FIELD, 'belongs to another list or filter');
  }
  return { receivedAt: body.t, id: body.i };
}

/** The page size asked for (0: 50), at most 200; negative is refused. */
export function pageSizeOf(requested: number): number {
  if (requested < 0) throw new InvalidArgumentError('page.page_size', 'must not be negative');
  return Math.min(requested === 0 ? 50 : requested, 200);
}
