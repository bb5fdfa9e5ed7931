/**
 * Who is calling. keycloak-connect keeps the user's grant (access, refresh and ID tokens)
 * in the session, refreshes it when the access token has expired, and also accepts an
 * `Authorization: Bearer` header (scripts calling the API). Both are verified against the
 * realm's keys here; the services verify the forwarded token again themselves.
 */
import { principalFromClaims, type Principal } from '@posa/auth';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type KeycloakConnect from 'keycloak-connect';
import type { Caller } from '../gateways/unit-gateway';
import { unauthenticated } from './errors';

/** The parts of a keycloak-connect grant the edge reads. */
export interface SignedGrant {
  access_token?: { token: string; content: Record<string, unknown> };
  id_token?: { token: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    kauth?: { grant?: SignedGrant };
  }
}

/** Attaches `req.kauth.grant` when the request carries a valid grant (never fails the request). */
export function grantAttacher(keycloak: KeycloakConnect.Keycloak): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    req.kauth = {};
    keycloak
      .getGrant(req, res)
      .then((grant) => {
        req.kauth = { grant: grant as unknown as SignedGrant };
      })
      .catch(() => undefined)
      .finally(() => next());
  };
}

export function accessTokenOf(req: Request): string | undefined {
  return req.kauth?.grant?.access_token?.token;
}

/** The caller for gRPC calls; throws UNAUTHENTICATED (401) when there is no valid token. */
export function callerOf(req: Request): Caller {
  const accessToken = accessTokenOf(req);
  if (accessToken === undefined)
    throw unauthenticated('sign in or send an Authorization: Bearer access token');
  return { accessToken, clientAddress: req.ip };
}

/** The principal of the signed-in user, or undefined (no grant, or no unit bound). */
export function principalOfRequest(req: Request): Principal | undefined {
  const claims = req.kauth?.grant?.access_token?.content;
  if (claims === undefined) return undefined;
  try {
    return principalFromClaims(claims);
  } catch {
    return undefined;
  }
}
