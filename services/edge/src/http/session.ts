/**
 * Sessions: express-session with Redis (connect-redis) in the full stack, memorystore in the
 * embedded run. The cookie is httpOnly, sameSite lax, secure behind TLS. The session holds
 * the Keycloak grant (tokens), the sign-in state, the CSRF token and the one-time message
 * of a post/redirect/get (with a temporary password it is removed at its first display).
 */
import { randomBytes } from 'node:crypto';
import { RedisStore } from 'connect-redis';
import session, { type Store } from 'express-session';
import createMemoryStore from 'memorystore';
import type { RedisClientType } from 'redis';

declare module 'express-session' {
  interface SessionData {
    /** OAuth `state` of a sign-in in progress. */
    oauthState?: string;
    /** Where to go after signing in (a local path). */
    returnTo?: string;
    /** Redirect URI of the sign-in in progress (read by keycloak-connect). */
    auth_redirect_uri?: string;
    /** Message for the page after a redirect, shown once. */
    flash?: Flash;
  }
}

export interface Flash {
  /** Message key (flash.*) and its parameters. */
  message: string;
  params?: Record<string, string>;
  /** A temporary password issued by the action, shown once on the account's page. */
  temporaryPassword?: string;
  /** The account the message is about (shown only on that account's page). */
  accountId?: string;
}

/** Takes the one-time message out of the session. */
export function takeFlash(req: {
  session?: session.Session & { flash?: Flash };
}): Flash | undefined {
  const flash = req.session?.flash;
  if (req.session && flash !== undefined) delete req.session.flash;
  return flash;
}

export const SESSION_COOKIE = 'posa.sid';

export interface SessionOptions {
  redis?: RedisClientType;
  secret?: string;
  maxAgeMs: number;
  secureCookie: boolean;
}

export function createSessionStore(
  redis: RedisClientType | undefined,
  maxAgeMs: number,
  keyPrefix: string,
): Store {
  if (redis)
    return new RedisStore({
      client: redis,
      prefix: `${keyPrefix}sess:`,
      ttl: Math.ceil(maxAgeMs / 1000),
    });
  const MemoryStore = createMemoryStore(session);
  return new MemoryStore({ checkPeriod: 60_000, ttl: maxAgeMs });
}

export function sessionMiddleware(
  store: Store,
  options: SessionOptions,
): ReturnType<typeof session> {
  return session({
    name: SESSION_COOKIE,
    store,
    secret: options.secret ?? randomBytes(32).toString('hex'),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      maxAge: options.maxAgeMs,
      path: '/',
    },
  });
}

/** Promise forms of the session callbacks. */
export function regenerateSession(req: { session: session.Session }): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err: unknown) => (err ? reject(err) : resolve())),
  );
}

export function destroySession(req: { session?: session.Session }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.session) return resolve();
    req.session.destroy((err: unknown) => (err ? reject(err) : resolve()));
  });
}
