import { PUBLIC_CSRF_COOKIE, PublicCsrf } from './public-csrf';

const nonce = 'a'.repeat(32);
const cookie = (value: string): string => `posa_lang=vi; ${PUBLIC_CSRF_COOKIE}=${value}`;

describe('PublicCsrf', () => {
  const csrf = new PublicCsrf('secret-one', false);

  it('accepts its own token for the nonce in the cookie', () => {
    expect(csrf.valid(cookie(nonce), csrf.tokenFor(nonce))).toBe(true);
  });

  it('refuses a token of another nonce, another secret, or none', () => {
    const other = 'b'.repeat(32);
    expect(csrf.valid(cookie(nonce), csrf.tokenFor(other))).toBe(false);
    expect(csrf.valid(cookie(nonce), new PublicCsrf('secret-two', false).tokenFor(nonce))).toBe(
      false,
    );
    expect(csrf.valid(cookie(nonce), undefined)).toBe(false);
    expect(csrf.valid(undefined, csrf.tokenFor(nonce))).toBe(false);
    expect(csrf.valid(cookie('not-a-nonce'), csrf.tokenFor('not-a-nonce'))).toBe(false);
  });

  it('refuses a token whose signature was altered', () => {
    const token = csrf.tokenFor(nonce);
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(csrf.valid(cookie(nonce), altered)).toBe(false);
  });
});
