import { InvalidArgumentError } from '@posa/platform';
import { decodeCursor, encodeCursor } from './page-cursor';

function reason(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof InvalidArgumentError && err.field === 'page.page_token') return err.reason;
    throw err;
  }
  throw new Error('expected INVALID_ARGUMENT on page.page_token');
}

describe('search cursors', () => {
  it('round-trips the sort key for the same scope', () => {
    const token = encodeCursor('members|name:nguyen', ['nguyen van duc', 'a-b']);
    expect(decodeCursor('members|name:nguyen', token, 2)).toEqual(['nguyen van duc', 'a-b']);
    expect(decodeCursor('members|name:nguyen', '', 2)).toBeUndefined();
  });

  it('refuses tokens of another scope, of another shape, or not tokens at all', () => {
    const token = encodeCursor('members|name:nguyen', ['x', 'y']);
    expect(reason(() => decodeCursor('members|name:tran', token, 2))).toMatch(/another query/);
    expect(reason(() => decodeCursor('members|name:nguyen', token, 1))).toMatch(/not a token/);
    expect(reason(() => decodeCursor('s', 'not-base64-json', 1))).toMatch(/not a token/);
    const numbers = Buffer.from(JSON.stringify({ d: 'x', k: [1] })).toString('base64url');
    expect(reason(() => decodeCursor('s', numbers, 1))).toMatch(/not a token/);
  });
});
