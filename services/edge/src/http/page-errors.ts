/** The last handlers of the console: 404 page, and errors as pages in the user's language. */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@posa/platform';
import { pageContext, sendPage, type Csrf } from '../routes/page-context';
import { errorPage, forbiddenPage, notFoundPage } from '../views/error-page';
import { query } from '../views/html';
import { toHttpError } from './errors';
import { RoleRequiredError } from './page-roles';

export function notFoundHandler(csrf: Csrf) {
  return (req: Request, res: Response): void =>
    sendPage(res, 404, notFoundPage(pageContext(req, csrf)));
}

export function pageErrorHandler(csrf: Csrf, logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const error = toHttpError(err);
    if (error.status >= 500) logger.error({ err, code: error.code }, 'page request failed');
    if (error.status === 401 && req.session) {
      // The services refused the session's token: forget it, so signing in starts afresh.
      delete (req.session as unknown as Record<string, unknown>)['keycloak-token'];
      if (req.kauth) req.kauth = {};
      if (req.method === 'GET') {
        res.redirect(303, `/login${query({ next: req.originalUrl })}`);
        return;
      }
    }
    if (res.headersSent) return;
    if (err instanceof RoleRequiredError) {
      sendPage(res, 403, forbiddenPage(pageContext(req, csrf), err.needed, err.held));
      return;
    }
    sendPage(res, error.status, errorPage(pageContext(req, csrf), error));
  };
}
