/**
 * The access token of a service account (client credentials grant), cached until shortly
 * before it expires. Background jobs, and the edge acting for citizens, call the services
 * with it; the services recognise it by its client (`azp`) and mark the principal isService.
 */

export interface ServiceTokenOptions {
  /** Identity provider base URL, e.g. http://127.0.0.1:18080. */
  baseUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  /** Bound of each HTTP call, ms (default 10000). */
  timeoutMs?: number;
}

/** The token endpoint could not be reached or refused the client's credentials. */
export class ServiceTokenUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceTokenUnavailableError';
  }
}

/** Seconds before expiry at which the cached token is renewed, so none expires in flight. */
const RENEW_EARLY_SECONDS = 30;

export class ServiceTokenSource {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(private readonly options: ServiceTokenOptions) {}

  /** The cached token, or a new one when it is near expiry or `forceRefresh` is set. */
  async get(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token !== undefined && Date.now() < this.expiresAt) return this.token;
    const base = this.options.baseUrl.replace(/\/$/, '');
    const url = `${base}/realms/${this.options.realm}/protocol/openid-connect/token`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new ServiceTokenUnavailableError('token endpoint unreachable', { cause: err });
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!response.ok || body.access_token === undefined) {
      throw new ServiceTokenUnavailableError(
        `the token endpoint refused the service account token (HTTP ${response.status})`,
      );
    }
    this.token = body.access_token;
    this.expiresAt = Date.now() + Math.max(0, (body.expires_in ?? 60) - RENEW_EARLY_SECONDS) * 1000;
    return this.token;
  }
}
