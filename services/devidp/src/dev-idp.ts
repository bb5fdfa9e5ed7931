/**
 * The development identity provider: an HTTP server that serves realm `posa` at
 * `/realms/posa` with Keycloak's endpoint paths, backed by oidc-provider, with accounts
 * from identity (an AccountSource) and its signing key kept in `dataDir`.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@posa/platform';
import type { AccountSource } from './account-source';
import { handleInteraction } from './interactions';
import { loopbackUriAllowed } from './loopback';
import { PendingChanges } from './password-change';
import {
  devInteractionPolicy,
  inMainRealm,
  loadOidcProvider,
  type OidcProvider,
} from './oidc-types';
import { chooseLang, logoutPage, messagePage, STYLESHEET } from './pages';
import { providerConfiguration, type ClientSecrets, type LoginEpochs } from './provider-config';
import { loadOrCreateSigningKey } from './signing-keys';

export const REALM = 'posa';
export const DEV_CLIENT_SECRETS: ClientSecrets = {
  edge: 'dev-only-posa-edge-secret',
  services: 'dev-only-posa-services-secret',
};

export interface DevIdpOptions {
  accounts: AccountSource;
  /** Holds signing-key.json. */
  dataDir: string;
  logger: Logger;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  secrets?: ClientSecrets;
}

export interface DevIdp {
  /** Listens; returns the base URL (KEYCLOAK_URL of the edge) and the realm issuer. */
  start(): Promise<{ baseUrl: string; issuer: string; port: number }>;
  /** Closes the server (connections cut after graceMs). Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; " +
  "form-action 'self' http://127.0.0.1:* http://localhost:*";

export function createDevIdp(options: DevIdpOptions): DevIdp {
  const host = options.host ?? '127.0.0.1';
  const prefix = `/realms/${REALM}`;
  const loginEpochs: LoginEpochs = new Map();
  const pendingChanges = new PendingChanges();
  let provider: OidcProvider | undefined;
  let origin = '';
  let server: http.Server | undefined;
  let stopping: Promise<void> | undefined;

  const dispatch = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!;
    if (provider === undefined || !(pathname === prefix || pathname.startsWith(`${prefix}/`))) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    if (pathname === `${prefix}/devidp.css`) {
      res.setHeader('content-type', 'text/css; charset=utf-8');
      res.end(STYLESHEET);
      return;
    }
    const interaction = /^\/realms\/[^/]+\/interaction\/([A-Za-z0-9_-]+)$/.exec(pathname);
    if (interaction !== null) {
      await handleInteraction(
        {
          provider,
          accounts: options.accounts,
          loginEpochs,
          pendingChanges,
          prefix,
          origin,
          logger: options.logger,
        },
        req,
        res,
        interaction[1]!,
      );
      return;
    }
    // oidc-provider mounted under the prefix: it reads the mount path from originalUrl.
    const mounted = req as http.IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = url;
    req.url = url.slice(prefix.length) || '/';
    provider.callback()(req, res);
  };

  const start = async () => {
    const srv = http.createServer((req, res) => {
      dispatch(req, res).catch((err: unknown) => {
        options.logger.error({ err }, 'devidp request failed');
        if (!res.headersSent) {
          res.statusCode = 400;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(messagePage('vi', 'error', '', `${prefix}/devidp.css`));
        } else res.end();
      });
    });
    server = srv;
    const port = await new Promise<number>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(options.port ?? 0, host, () => resolve((srv.address() as AddressInfo).port));
    });
    origin = `http://${host}:${port}`;
    const issuer = `${origin}${prefix}`;
    const oidc = loadOidcProvider();
    const cssHref = `${prefix}/devidp.css`;
    const instance = new oidc.default(
      issuer,
      inMainRealm(
        providerConfiguration({
          accounts: options.accounts,
          signingKey: loadOrCreateSigningKey(options.dataDir),
          cookieKeys: [randomBytes(32).toString('base64url')],
          secrets: options.secrets ?? DEV_CLIENT_SECRETS,
          loginEpochs,
          interactionUrl: (uid) => `${prefix}/interaction/${uid}`,
          interactionPolicy: devInteractionPolicy(oidc),
          logoutSource: (ctx, form) => {
            ctx.body = logoutPage(chooseLang(ctx.oidc?.ui_locales?.[0]), form, cssHref);
          },
          postLogoutSuccessSource: (ctx) => {
            ctx.body = messagePage('vi', 'signedOut', '', cssHref);
          },
          renderError: (ctx, out) => {
            const detail = [out.error, out.error_description]
              .filter((v) => typeof v === 'string')
              .join(': ');
            ctx.type = 'html';
            ctx.body = messagePage('vi', 'error', detail, cssHref);
          },
        }),
      ),
    );
    instance.proxy = false;
    // Development clients accept their redirect URIs on any loopback port.
    const proto = instance.Client.prototype as {
      redirectUris: string[];
      postLogoutRedirectUris?: string[];
      redirectUriAllowed(value: string): boolean;
      postLogoutRedirectUriAllowed(value: string): boolean;
    };
    proto.redirectUriAllowed = function (value: string) {
      return loopbackUriAllowed(value, this.redirectUris);
    };
    proto.postLogoutRedirectUriAllowed = function (value: string) {
      return loopbackUriAllowed(value, this.postLogoutRedirectUris ?? []);
    };
    instance.on('server_error', (_ctx: unknown, err: unknown) =>
      options.logger.error({ err }, 'oidc-provider error'),
    );
    provider = instance;
    options.logger.info({ port, issuer }, 'devidp started');
    return { baseUrl: origin, issuer, port };
  };

  const stop = (graceMs = 2000): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      if (server === undefined || !server.listening) return resolve();
      const force = setTimeout(() => server?.closeAllConnections(), graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    return stopping;
  };

  return { start, stop };
}
