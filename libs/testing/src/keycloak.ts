import { getKeycloakUrl } from './infra';

/** The product realm imported from deploy/keycloak/posa-realm.json. */
export const REALM = 'posa';
/** Public client of the realm that allows the password grant (scripts and tests). */
export const CLI_CLIENT = 'posa-cli';

export interface TestUser {
  username: string;
  password: string;
  /** Value of the `unit_code` user attribute, carried as a token claim. */
  unitCode: string;
  /** Realm roles, e.g. ['officer']. */
  roles: string[];
  firstName?: string;
  lastName?: string;
  email?: string;
}

/** Issuer of the realm, e.g. http://127.0.0.1:18080/realms/posa. */
export async function realmUrl(): Promise<string> {
  return `${await getKeycloakUrl()}/realms/${REALM}`;
}

/**
 * Access token of the master realm administrator (admin-cli). Credentials come from
 * POSA_TEST_KEYCLOAK_ADMIN / POSA_TEST_KEYCLOAK_ADMIN_PASSWORD, default admin/admin.
 */
export async function adminToken(): Promise<string> {
  const base = await getKeycloakUrl();
  return tokenRequest(`${base}/realms/master/protocol/openid-connect/token`, {
    grant_type: 'password',
    client_id: 'admin-cli',
    username: process.env.POSA_TEST_KEYCLOAK_ADMIN ?? 'admin',
    password: process.env.POSA_TEST_KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  });
}

/**
 * Creates a user in realm posa with a permanent password, the unit_code attribute and the
 * given realm roles; a previous user with the same username is deleted first. Returns the id.
 */
export async function createUser(user: TestUser): Promise<string> {
  const admin = await adminApi();
  const existing = (await admin.call(
    'GET',
    `/users?exact=true&username=${encodeURIComponent(user.username)}`,
  )) as {
    id: string;
  }[];
  for (const previous of existing) await admin.call('DELETE', `/users/${previous.id}`);

  await admin.call('POST', '/users', {
    username: user.username,
    enabled: true,
    firstName: user.firstName ?? 'Test',
    lastName: user.lastName ?? user.username,
    ...(user.email === undefined ? {} : { email: user.email, emailVerified: true }),
    attributes: { unit_code: [user.unitCode] },
    credentials: [{ type: 'password', value: user.password, temporary: false }],
  });
  const created = (await admin.call(
    'GET',
    `/users?exact=true&username=${encodeURIComponent(user.username)}`,
  )) as {
    id: string;
  }[];
  const id = created[0]?.id;
  if (id === undefined)
    throw new Error(`createUser(${user.username}): user not found after creation`);

  const roles = [];
  for (const role of user.roles)
    roles.push(await admin.call('GET', `/roles/${encodeURIComponent(role)}`));
  if (roles.length > 0) await admin.call('POST', `/users/${id}/role-mappings/realm`, roles);
  return id;
}

/** Deletes a user of realm posa by id (no error when it is already gone). */
export async function deleteUser(id: string): Promise<void> {
  const admin = await adminApi();
  await admin.call('DELETE', `/users/${id}`, undefined, [404]);
}

/** Access token for a user of realm posa through the password grant of client posa-cli. */
export async function passwordGrant(username: string, password: string): Promise<string> {
  return tokenRequest(`${await realmUrl()}/protocol/openid-connect/token`, {
    grant_type: 'password',
    client_id: CLI_CLIENT,
    scope: 'openid',
    username,
    password,
  });
}

/** Confidential client of the realm whose service account acts for the services and the edge. */
export const SERVICES_CLIENT = 'posa-services';

/**
 * Access token of the `posa-services` service account (client credentials grant). The secret
 * comes from POSA_SERVICES_CLIENT_SECRET, default the realm file's development secret.
 */
export async function serviceAccountToken(): Promise<string> {
  return tokenRequest(`${await realmUrl()}/protocol/openid-connect/token`, {
    grant_type: 'client_credentials',
    client_id: SERVICES_CLIENT,
    client_secret: process.env.POSA_SERVICES_CLIENT_SECRET ?? 'dev-only-posa-services-secret',
  });
}

/** Payload of a JWT, decoded without verification (for assertions in tests). */
export function decodeTokenPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('decodeTokenPayload: token is not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function tokenRequest(url: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error_description?: string;
  };
  if (!response.ok || body.access_token === undefined) {
    throw new Error(
      `token request to ${url} for client ${form.client_id}: HTTP ${response.status} ${body.error_description ?? ''}`.trim(),
    );
  }
  return body.access_token;
}

async function adminApi(): Promise<{
  call(method: string, path: string, body?: unknown, allowedStatus?: number[]): Promise<unknown>;
}> {
  const base = `${await getKeycloakUrl()}/admin/realms/${REALM}`;
  const token = await adminToken();
  return {
    async call(method, path, body, allowedStatus = []) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok && !allowedStatus.includes(response.status)) {
        throw new Error(`keycloak admin ${method} ${path}: HTTP ${response.status} ${text}`);
      }
      return text === '' ? undefined : (JSON.parse(text) as unknown);
    },
  };
}
