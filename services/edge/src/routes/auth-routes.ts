/**
 * Sign-in and sign-out with Keycloak (authorization code flow of client posa-edge).
 *   GET  /login          starts a sign-in: random `state` kept in the session, redirect to Keycloak
 *   GET  /auth/callback  checks `state`, renews the session id, exchanges the code for tokens
 *   POST /logout         (CSRF) ends the session here and at Keycloak (id_token_hint)
 *   GET  /signed-out     where Keycloak sends the browser back
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import type KeycloakConnect from 'keycloak-connect';
import type { Logger } from '@posa/platform';
import { SESSION_COOKIE, destroySession, regenerateSession } from '../http/session';
import { errorPage, signedOutPage } from '../views/error-page';
import { pageContext, safeReturnPath, sendPage, type Csrf } from './page-context';

export interface AuthRouteDeps {
  keycloak: KeycloakConnect.Keycloak;
  csrf: Csrf;
  /** Stricter rate limit for the sign-in routes. */
  signInLimiter: RequestHandler;
  /** External base URL, e.g. https://posa.example; undefined: from the request. */
  publicUrl?: string;
  logger: Logger;
}

export function baseUrlOf(req: Request, publicUrl: string | undefined): string {
  return publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();

  router.get('/login', deps.signInLimiter, (req, res) => {
    if (req.kauth?.grant?.access_token) {
      res.redirect(303, safeReturnPath(req.query['next']));
      return;
    }
    const state = randomBytes(24).toString('base64url');
    const redirectUri = `${baseUrlOf(req, deps.publicUrl)}/auth/callback`;
    req.session.oauthState = state;
    req.session.returnTo = safeReturnPath(req.query['next']);
    req.session.auth_redirect_uri = redirectUri;
    res.redirect(303, deps.keycloak.loginUrl(state, redirectUri));
  });

  router.get('/auth/callback', deps.signInLimiter, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const state = req.query['state'];
    const code = req.query['code'];
    const expected = req.session.oauthState;
    if (
      typeof state !== 'string' ||
      expected === undefined ||
      state !== expected ||
      typeof code !== 'string'
    ) {
      deps.logger.info(
        { reason: req.query['error'] === undefined ? 'state mismatch' : 'refused by Keycloak' },
        'sign-in failed',
      );
      sendPage(
        res,
        401,
        errorPage(ctx, {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: 'sign-in was not completed',
        }),
      );
      return;
    }
    const returnTo = req.session.returnTo ?? '/';
    const redirectUri = req.session.auth_redirect_uri;
    await regenerateSession(req); // a new session id once signed in (no fixation)
    req.session.auth_redirect_uri = redirectUri;
    try {
      await deps.keycloak.getGrantFromCode(code, req, res);
    } catch (err) {
      deps.logger.warn(
        { err: err instanceof Error ? err.message : 'unknown' },
        'code exchange failed',
      );
      sendPage(
        res,
        401,
        errorPage(ctx, {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: 'sign-in was not completed',
        }),
      );
      return;
    }
    delete req.session.auth_redirect_uri;
    deps.logger.info('signed in');
    res.redirect(303, returnTo);
  });

  router.post('/logout', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const idToken = req.kauth?.grant?.id_token?.token;
    const back = `${baseUrlOf(req, deps.publicUrl)}/signed-out`;
    await destroySession(req);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    deps.logger.info('signed out');
    res.redirect(303, idToken ? deps.keycloak.logoutUrl(back, idToken) : back);
  });

  router.get('/signed-out', (req, res) => {
    sendPage(res, 200, signedOutPage(pageContext(req, deps.csrf)));
  });

  return router;
}
