import {
  UnauthenticatedError,
  UnavailableError,
  type CallContext,
  type ServerInterceptor,
} from '@posa/platform';
import type { Principal } from './principal';
import { bearerToken, TokenRejectedError, type TokenVerifier } from './token-verifier';

/** Key under which the interceptor stores the caller in `ctx.values`. */
export const PRINCIPAL_KEY = 'principal';

export interface AuthInterceptorOptions {
  /** Full method paths that anyone may call without a token (e.g. citizen tracking). */
  publicMethods?: readonly string[];
}

/**
 * gRPC server interceptor: every call must carry `authorization: Bearer <access token>`
 * issued by Keycloak for POSA. A missing or invalid token ends the call with
 * UNAUTHENTICATED and a reason; keys that cannot be fetched end it with UNAVAILABLE.
 * The verified principal is handed to the handler in `ctx.values.principal`.
 */
export function authInterceptor(
  verifier: TokenVerifier,
  options: AuthInterceptorOptions = {},
): ServerInterceptor {
  const publicMethods = new Set(options.publicMethods ?? []);
  return async (call) => {
    if (publicMethods.has(call.path)) return undefined;
    const header = call.metadata.get('authorization')[0];
    const token = bearerToken(typeof header === 'string' ? header : undefined);
    if (token === undefined) {
      throw new UnauthenticatedError('missing bearer access token in metadata "authorization"');
    }
    try {
      return { [PRINCIPAL_KEY]: await verifier.verify(token) };
    } catch (err) {
      if (err instanceof TokenRejectedError) {
        if (err.kind === 'unavailable') throw new UnavailableError(err.message);
        throw new UnauthenticatedError(err.message);
      }
      throw err;
    }
  };
}

/** The caller of an authenticated call; throws UNAUTHENTICATED if the method was public. */
export function principalOf(ctx: Pick<CallContext, 'values'>): Principal {
  const principal = ctx.values[PRINCIPAL_KEY] as Principal | undefined;
  if (principal === undefined)
    throw new UnauthenticatedError('this call requires a signed-in caller');
  return principal;
}
