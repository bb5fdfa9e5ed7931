/** The service account token of `posa-services` (client credentials), cached until near expiry. */
import { ProviderUnavailableError } from './identity-provider-admin';

export const POSA_ROLES: readonly string[] = [
  'system_admin',
  'unit_admin',
  'officer',
  'approver',
  'analyst',
  'auditor',
];

export interface KeycloakAdminOptions {
  /** Keycloak base URL, e.g. http://127.0.0.1:18080. */
  baseUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  /** Bound of each HTTP call, ms (default 10000). */
  timeoutMs?: number;
}

export class ServiceTokenSource {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(private readonly options: KeycloakAdminOptions) {}

  async get(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token !== undefined && Date.now() < this.expiresAt) return this.token;
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/realms/${this.options.realm}/protocol/openid-connect/token`;
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
      throw new ProviderUnavailableError('keycloak token endpoint unreachable', { cause: err });
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!response.ok || body.access_token === undefined) {
      throw new ProviderUnavailableError(
        `keycloak refused the service account token (HTTP ${response.status})`,
      );
    }
    this.token = body.access_token;
    // Renew 30 s early so a token never expires in flight.
    this.expiresAt = Date.now() + Math.max(0, (body.expires_in ?? 60) - 30) * 1000;
    return this.token;
  }
}
