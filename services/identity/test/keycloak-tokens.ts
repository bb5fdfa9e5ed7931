/** Direct calls to the real Keycloak token endpoint (refresh tokens, error texts) for tests. */
import { realmUrl } from '@posa/testing';

export interface TokenAnswer {
  status: number;
  accessToken?: string;
  refreshToken?: string;
  error?: string;
  errorDescription?: string;
}

async function tokenCall(form: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(`${await realmUrl()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'posa-cli', ...form }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, string>;
  return {
    status: response.status,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    error: body.error,
    errorDescription: body.error_description,
  };
}

export const passwordTokens = (username: string, password: string) =>
  tokenCall({ grant_type: 'password', username, password, scope: 'openid' });

export const refreshTokens = (refreshToken: string) =>
  tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken });

export const bearer = (token: string | undefined): Record<string, string> => {
  if (token === undefined) throw new Error('no access token');
  return { authorization: `Bearer ${token}` };
};
