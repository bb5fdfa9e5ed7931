import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, InvalidPrincipalError, type Principal } from './principal';

export interface TokenVerifierOptions {
  /** Issuer URL, e.g. http://127.0.0.1:18080/realms/posa. Tokens from any other issuer fail. */
  issuer: string;
  /** Audience every POSA access token must carry (Keycloak audience mapper). */
  audience: string;
  /** JWKS URL; defaults to Keycloak's `<issuer>/protocol/openid-connect/certs`. */
  jwksUrl?: string;
  /** Clients whose client-credentials tokens are service principals (no unit_code). */
  serviceClients?: readonly string[];
  /** Seconds of clock skew tolerated on exp/nbf/iat. */
  clockToleranceSec?: number;
  /** How long fetched keys are reused before the JWKS is fetched again. */
  jwksCacheMaxAgeMs?: number;
  /** How many verified tokens to remember until they expire (0 turns the cache off). */
  verifiedCacheSize?: number;
}

/** Why a bearer token was refused; the message is safe to return to the caller. */
export class TokenRejectedError extends Error {
  /**
   * `invalid`: the token itself is wrong (UNAUTHENTICATED). `unavailable`: the keys could not
   * be fetched, so nothing can be said about the token (UNAVAILABLE; the caller may retry).
   */
  constructor(
    reason: string,
    readonly kind: 'invalid' | 'unavailable' = 'invalid',
  ) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

/**
 * Verifies Keycloak access tokens (RS256/ES256 JWTs) against the realm's published keys.
 * Keys are fetched once and cached; an unknown key id triggers one refetch (key rotation),
 * rate-limited by the cooldown so a flood of forged tokens cannot hammer Keycloak.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens already verified, by their exact text, with their expiry. The same bytes carry
   * the same signature, so a hit is as good as verifying again until the token expires.
   * A staff member's browser sends one token for minutes; this spares the signature check.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  private readonly verifiedCacheSize: number;

  constructor(private readonly options: TokenVerifierOptions) {
    const jwksUrl = options.jwksUrl ?? `${options.issuer}/protocol/openid-connect/certs`;
    this.keys = createRemoteJWKSet(new URL(jwksUrl), {
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
      cooldownDuration: 30_000,
      timeoutDuration: 5_000,
    });
    this.verifiedCacheSize = options.verifiedCacheSize ?? 10_000;
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached !== undefined) {
      if (Date.now() < cached.expiresAtMs) return cached.principal;
      this.verified.delete(token);
    }
    const { principal, expiresAtMs } = await this.verifyUncached(token);
    if (this.verifiedCacheSize > 0 && expiresAtMs !== undefined) {
      // Map keeps insertion order: when full, forget the oldest entry.
      if (this.verified.size >= this.verifiedCacheSize) {
        this.verified.delete(this.verified.keys().next().value as string);
      }
      this.verified.set(token, { principal, expiresAtMs });
    }
    return principal;
  }

  private async verifyUncached(
    token: string,
  ): Promise<{ principal: Principal; expiresAtMs: number | undefined }> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSec ?? 5,
        algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      }));
    } catch (err) {
      const reason = describeJoseError(err);
      throw new TokenRejectedError(
        reason,
        reason.includes('unavailable') ? 'unavailable' : 'invalid',
      );
    }
    if (payload.typ !== undefined && payload.typ !== 'Bearer') {
      throw new TokenRejectedError('token is not an access token');
    }
    const expiresAtMs = typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
    try {
      const principal = principalFromClaims(payload, {
        serviceClients: this.options.serviceClients,
      });
      return { principal, expiresAtMs };
    } catch (err) {
      if (err instanceof InvalidPrincipalError) throw new TokenRejectedError(err.message);
      throw err;
    }
  }
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return `claim ${err.claim} is not valid (${err.reason})`;
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature is not valid';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'signed by an unknown key';
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) {
    return 'malformed token';
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'signature algorithm not allowed';
  if (err instanceof joseErrors.JWKSTimeout) return 'identity provider keys unavailable (timeout)';
  // Network failures come from node's http module; match them by code, not by class.
  const code = (err as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)$/.test(code)
  ) {
    return 'identity provider keys unavailable';
  }
  if (err instanceof joseErrors.JOSEError && err.code === 'ERR_JOSE_GENERIC') {
    return 'identity provider keys unavailable';
  }
  return 'token is not valid';
}

/** Extracts the token from an `authorization: Bearer <token>` value. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
  return match?.[1];
}
