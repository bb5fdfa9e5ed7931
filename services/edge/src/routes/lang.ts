/**
 * GET /lang/:lang?return=/path : keeps the display language in the `posa_lang` cookie and
 * goes back. It changes nothing but the display preference, so it needs no CSRF token.
 */
import { Router } from 'express';
import { isLanguage, LANGUAGE_COOKIE } from '../i18n';
import { safeReturnPath } from './page-context';

export function langRoutes(options: { secureCookie: boolean }): Router {
  const router = Router();
  router.get('/lang/:lang', (req, res) => {
    const lang = req.params.lang;
    if (isLanguage(lang)) {
      res.cookie(LANGUAGE_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookie,
        maxAge: 365 * 24 * 3600 * 1000,
        path: '/',
      });
    }
    res.redirect(303, safeReturnPath(req.query['return']));
  });
  return router;
}
