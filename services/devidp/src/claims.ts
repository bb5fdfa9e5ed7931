/** Token claims in Keycloak's shape, as keycloak-connect and @posa/auth read them. */
import type { DevAccount } from './account-source';

/** Audience of every access token (TOKEN_AUDIENCE of the services). */
export const API_AUDIENCE = 'posa-api';
/** Resource indicator that stands for the POSA API (the default resource). */
export const API_RESOURCE = 'urn:posa:api';
export const API_SCOPE = 'api';

/** Extra claims of a staff access token. */
export function staffAccessClaims(account: DevAccount, clientId: string): Record<string, unknown> {
  return {
    typ: 'Bearer',
    azp: clientId,
    preferred_username: account.username,
    unit_code: account.unitCode,
    realm_access: { roles: [...account.roles] },
  };
}

/** Extra claims of a client-credentials access token: a service, no unit. */
export function serviceAccessClaims(clientId: string): Record<string, unknown> {
  return { typ: 'Bearer', azp: clientId, realm_access: { roles: [] } };
}

/** Claims of the ID token (and userinfo); `typ: ID` is what keycloak-connect checks. */
export function identityClaims(account: DevAccount): Record<string, unknown> {
  const [family, ...given] = account.displayName.split(' ');
  return {
    sub: account.subject,
    typ: 'ID',
    preferred_username: account.username,
    name: account.displayName,
    family_name: family,
    given_name: given.join(' '),
    unit_code: account.unitCode,
    realm_access: { roles: [...account.roles] },
  };
}

/** True when a session opened under `loginEpoch` is still valid for the account. */
export function sessionStillValid(
  account: DevAccount | null,
  loginEpoch: number | undefined,
): boolean {
  return account !== null && account.active && loginEpoch === account.sessionEpoch;
}
