/** What every page handler needs: the user's language, the CSRF token, and how to answer. */
import type { Request, Response } from 'express';
import { parseCookies } from '../http/cookies';
import type { createCsrf } from '../http/csrf';
import { accessTokenOf, principalOfRequest } from '../http/auth';
import { ACCOUNT_PAGE_ROLES, AUDIT_PAGE_ROLES, holdsAny } from '../http/page-roles';
import { HOUSEHOLD_PAGE_ROLES } from '../http/household-roles';
import { CASE_PAGE_ROLES } from '../http/case-roles';
import { PAYMENT_PAGE_ROLES } from '../http/payment-roles';
import { toHttpError } from '../http/errors';
import { languageFromCookies, translator } from '../i18n';
import { errorHeadline } from '../views/error-page';
import type { PageContext } from '../views/layout';

export type Csrf = ReturnType<typeof createCsrf>;

export function pageContext(req: Request, csrf: Csrf): PageContext {
  const lang = languageFromCookies(parseCookies(req.headers.cookie));
  const signedIn = accessTokenOf(req) !== undefined;
  const principal = signedIn ? principalOfRequest(req) : undefined;
  return {
    t: translator(lang),
    lang,
    currentUrl: req.originalUrl,
    // Only signed-in pages have forms; a token is not minted for anonymous visitors.
    csrfToken: signedIn && req.session ? csrf.generateToken(req) : '',
    signedIn,
    nav: {
      accounts: holdsAny(principal?.roles, ACCOUNT_PAGE_ROLES),
      audit: holdsAny(principal?.roles, AUDIT_PAGE_ROLES),
      households: holdsAny(principal?.roles, HOUSEHOLD_PAGE_ROLES),
      cases: holdsAny(principal?.roles, CASE_PAGE_ROLES),
      payments: holdsAny(principal?.roles, PAYMENT_PAGE_ROLES),
    },
  };
}

export function sendPage(res: Response, status: number, body: string): void {
  res.status(status).type('html').set('cache-control', 'no-store').send(body);
}

/** An error as the user's-language headline plus the service's reason (never for INTERNAL). */
export function describeError(
  ctx: PageContext,
  err: unknown,
): { status: number; headline: string; detail?: string; field?: string; code: string } {
  const e = toHttpError(err);
  return {
    status: e.status,
    code: e.code,
    headline: errorHeadline(ctx, e),
    ...(e.code === 'INTERNAL' ? {} : { detail: e.message }),
    ...(e.field === undefined ? {} : { field: e.field }),
  };
}

/** A local path to return to after signing in (never another site). */
export function safeReturnPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  )
    return '/';
  return value.length > 500 ? '/' : value;
}
