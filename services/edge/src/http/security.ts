/**
 * Security headers (helmet) with a strict Content Security Policy: scripts and styles only
 * from the edge itself, no inline code, no framing. Forms may post to the edge and follow
 * its redirects to Keycloak (sign-out). HSTS and upgrade-insecure-requests only behind TLS.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export function securityHeaders(options: { keycloakOrigin: string; tls: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", options.keycloakOrigin],
        upgradeInsecureRequests: options.tls ? [] : null,
      },
    },
    strictTransportSecurity: options.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
