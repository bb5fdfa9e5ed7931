/**
 * "My password was lost or is known to someone else" (every signed-in user):
 *   GET  /account/compromised   confirmation form
 *   POST /account/compromised   ReportPasswordCompromised for the caller (CSRF): identity locks
 *                               the account and ends every Keycloak session; the console
 *                               session ends here too, then /account/locked explains.
 *   GET  /account/locked        the explanation (no sign-in needed)
 */
import { Router } from 'express';
import type { Logger } from '@posa/platform';
import { callerOf } from '../http/auth';
import { destroySession, SESSION_COOKIE } from '../http/session';
import type { AccountGateway } from '../gateways/account-gateway';
import { compromisedPage, lockedPage } from '../views/compromised-page';
import { formFromRefusal } from './account-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export function compromisedRoutes(deps: {
  accounts: AccountGateway;
  csrf: Csrf;
  logger: Logger;
}): Router {
  const router = Router();

  router.get('/account/compromised', requireSignIn, (req, res) => {
    sendPage(res, 200, compromisedPage(pageContext(req, deps.csrf)));
  });

  router.post(
    '/account/compromised',
    requireSignIn,
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      try {
        await deps.accounts.reportPasswordCompromised(callerOf(req), '');
      } catch (err) {
        const ctx = pageContext(req, deps.csrf);
        const refused = formFromRefusal(ctx, err, []);
        if (refused === undefined) throw err;
        sendPage(res, refused.status, compromisedPage(ctx, refused.form.formError));
        return;
      }
      await destroySession(req);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      deps.logger.info('password reported compromised; session ended');
      res.redirect(303, '/account/locked');
    },
  );

  router.get('/account/locked', (req, res) => {
    sendPage(res, 200, lockedPage(pageContext(req, deps.csrf)));
  });

  return router;
}
