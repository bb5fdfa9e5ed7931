/**
 * CSRF for the public citizen pages, without a session: the staff CSRF (csrf-sync) keeps its
 * token in the session, and anonymous visitors get none (a session per visitor would let
 * anyone fill the session store). Instead a signed double submit: the cookie `posa_pcsrf`
 * holds a random nonce (httpOnly, SameSite=Strict), each form carries `nonce.signature`
 * (HMAC-SHA256 with the edge's secret). A POST passes when the form's nonce equals the
 * cookie's and the signature is the edge's own: another site can neither read the cookie nor
 * forge a signature, and SameSite=Strict keeps the cookie off cross-site posts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { parseCookies } from './cookies';
import { EdgeError } from './errors';

export const PUBLIC_CSRF_COOKIE = 'posa_pcsrf';
export const PUBLIC_CSRF_FIELD = '_csrf';
const NONCE = /^[0-9a-f]{32}$/;

export class PublicCsrf {
  constructor(
    private readonly secret: string,
    private readonly secureCookie: boolean,
  ) {}

  private sign(nonce: string): string {
    return createHmac('sha256', this.secret).update(`public-csrf:${nonce}`).digest('base64url');
  }

  /** The token of `nonce` as forms carry it. */
  tokenFor(nonce: string): string {
    return `${nonce}.${this.sign(nonce)}`;
  }

  /** The form token of this visitor; sets the nonce cookie when the visitor has none. */
  issue(req: Request, res: Response): string {
    let nonce = parseCookies(req.headers.cookie)[PUBLIC_CSRF_COOKIE];
    if (nonce === undefined || !NONCE.test(nonce)) {
      nonce = randomBytes(16).toString('hex');
      res.cookie(PUBLIC_CSRF_COOKIE, nonce, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.secureCookie,
        path: '/',
      });
    }
    return this.tokenFor(nonce);
  }

  /** True when `token` is this edge's token for the nonce in `cookieHeader`. */
  valid(cookieHeader: string | undefined, token: unknown): boolean {
    const nonce = parseCookies(cookieHeader)[PUBLIC_CSRF_COOKIE];
    if (nonce === undefined || !NONCE.test(nonce) || typeof token !== 'string') return false;
    const expected = Buffer.from(this.tokenFor(nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Throws 403 CSRF_TOKEN_INVALID unless the request's form token is valid. */
  check(req: Request, token: unknown): void {
    if (!this.valid(req.headers.cookie, token))
      throw new EdgeError(403, 'CSRF_TOKEN_INVALID', 'missing or invalid CSRF token');
  }
}
