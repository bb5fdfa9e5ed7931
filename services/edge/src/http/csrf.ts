/**
 * CSRF protection (synchroniser token kept in the session, csrf-sync): every POST carries
 * the token in the form field `_csrf` or the header `x-csrf-token`. Requests that bring
 * their own `Authorization: Bearer` header carry no ambient credential and are exempt.
 */
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function hasBearerHeader(req: Request): boolean {
  return /^bearer /i.test(req.headers.authorization ?? '');
}

export function createCsrf(): ReturnType<typeof csrfSync> {
  return csrfSync({
    getTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body?.[CSRF_FIELD];
      if (typeof fromBody === 'string') return fromBody;
      const fromHeader = req.headers[CSRF_HEADER];
      return typeof fromHeader === 'string' ? fromHeader : undefined;
    },
    skipCsrfProtection: hasBearerHeader,
    errorConfig: {
      statusCode: 403,
      message: 'missing or invalid CSRF token',
      code: 'EBADCSRFTOKEN',
    },
  });
}
