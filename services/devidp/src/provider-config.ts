/**
 * oidc-provider configuration that looks like Keycloak realm `posa` to keycloak-connect and
 * @posa/auth: Keycloak's route names, JWT access tokens (`typ: Bearer`, audience posa-api,
 * `realm_access.roles`, `unit_code`) for the default resource, ID tokens with `typ: ID`.
 */
import type { AccountSource } from './account-source';
import {
  API_AUDIENCE,
  API_RESOURCE,
  API_SCOPE,
  identityClaims,
  serviceAccessClaims,
  sessionStillValid,
  staffAccessClaims,
} from './claims';
import { inMainRealm } from './oidc-types';
import type { SigningJwk } from './signing-keys';

export interface ClientSecrets {
  edge: string;
  services: string;
}

/** Development clients; redirect URIs on loopback hosts accept any port (see loopback.ts). */
export function devClients(secrets: ClientSecrets): Record<string, unknown>[] {
  return [
    {
      client_id: 'posa-edge',
      client_secret: secrets.edge,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/auth/callback', 'http://localhost/auth/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1/signed-out', 'http://localhost/signed-out'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: 'posa-cli',
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
    {
      client_id: 'posa-services',
      client_secret: secrets.services,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ];
}

/** Session epoch of the account at sign-in, by grant id (tokens carry their grant). */
export type LoginEpochs = Map<string, number>;

interface TokenLike {
  kind: string;
  accountId?: string;
  clientId?: string;
  grantId?: string;
}

interface ContextLike {
  oidc: {
    client?: { clientId: string };
    session?: { grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
  };
}

export interface ProviderConfigInput {
  accounts: AccountSource;
  signingKey: SigningJwk;
  cookieKeys: string[];
  secrets: ClientSecrets;
  loginEpochs: LoginEpochs;
  interactionUrl: (uid: string) => string;
  interactionPolicy: unknown;
  logoutSource: (ctx: { body: string; oidc?: { ui_locales?: string[] } }, form: string) => void;
  postLogoutSuccessSource: (ctx: { body: string }) => void;
  renderError: (ctx: { body: string; type: string }, out: Record<string, unknown>) => void;
}

export function providerConfiguration(input: ProviderConfigInput): Record<string, unknown> {
  const { accounts, loginEpochs } = input;
  return {
    clients: devClients(input.secrets),
    jwks: { keys: [input.signingKey] },
    cookies: { keys: input.cookieKeys },
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      jwks: '/protocol/openid-connect/certs',
      userinfo: '/protocol/openid-connect/userinfo',
      end_session: '/protocol/openid-connect/logout',
      introspection: '/protocol/openid-connect/token/introspect',
      revocation: '/protocol/openid-connect/revoke',
    },
    scopes: ['openid', 'profile', 'offline_access'],
    // Keycloak puts the user's name, username and unit in the ID token for scope openid.
    claims: {
      openid: ['sub', 'typ', 'preferred_username', 'name', 'unit_code', 'realm_access'],
      profile: ['family_name', 'given_name'],
    },
    // keycloak-connect refreshes expired access tokens: every client allowed the grant gets one.
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    conformIdTokenClaims: false,
    pkce: {
      required: (_ctx: unknown, client: { clientId: string }) => client.clientId === 'posa-cli',
    },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      RefreshToken: 1800,
      Session: 36000,
      Grant: 36000,
      Interaction: 600,
      ClientCredentials: 300,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: input.logoutSource,
        postLogoutSuccessSource: input.postLogoutSuccessSource,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== API_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return inMainRealm({
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 300,
            jwt: { sign: { alg: 'RS256' } },
          });
        },
      },
    },
    interactions: {
      policy: input.interactionPolicy,
      url: (_ctx: unknown, interaction: { uid: string }) => input.interactionUrl(interaction.uid),
    },
    renderError: input.renderError,
    loadExistingGrant: async (
      ctx: ContextLike & { oidc: { provider: { Grant: { find(id: string): Promise<unknown> } } } },
    ) => {
      const client = ctx.oidc.client;
      if (client === undefined) return undefined;
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(client.clientId);
      return grantId === undefined ? undefined : ctx.oidc.provider.Grant.find(grantId);
    },
    findAccount: async (ctx: ContextLike, sub: string, token?: TokenLike) => {
      // Tokens carry their grant; at sign-in the grant is the interaction's result; later
      // authorizations of the same session use the grant the session holds for the client.
      const grantId =
        token?.grantId ??
        ctx.oidc.result?.consent?.grantId ??
        (ctx.oidc.client === undefined
          ? undefined
          : ctx.oidc.session?.grantIdFor(ctx.oidc.client.clientId));
      const account = await accounts.account(sub);
      // A lock or a revocation (session_epoch raised by identity) ends every session.
      if (
        !sessionStillValid(account, grantId === undefined ? undefined : loginEpochs.get(grantId))
      ) {
        return undefined;
      }
      return { accountId: sub, claims: () => inMainRealm(identityClaims(account!)) };
    },
    extraTokenClaims: async (_ctx: unknown, token: TokenLike) => {
      if (token.kind === 'ClientCredentials')
        return inMainRealm(serviceAccessClaims(token.clientId ?? ''));
      if (token.kind !== 'AccessToken' || token.accountId === undefined) return undefined;
      const account = await accounts.account(token.accountId);
      if (account === null) return undefined;
      return inMainRealm(staffAccessClaims(account, token.clientId ?? ''));
    },
  };
}
