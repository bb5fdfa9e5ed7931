/**
 * IdentityProviderAdmin over Keycloak's admin REST API, as the `posa-services` service
 * account (client credentials; realm-management roles manage-users, view-users and
 * query-users granted in deploy/keycloak/posa-realm.json).
 *
 * A small typed fetch client rather than @keycloak/keycloak-admin-client: that package is
 * ESM-only; this code is CommonJS and its tests run under jest, whose module loader cannot
 * require ES modules (Node 20 itself can). The handful of calls below is all identity needs.
 */
import { ServiceTokenSource, type ServiceTokenOptions } from '@posa/auth';
import {
  ProviderConflictError,
  ProviderUnavailableError,
  type IdentityProviderAdmin,
  type NewProviderUser,
  type ProviderUser,
} from './identity-provider-admin';

export const POSA_ROLES: readonly string[] = [
  'system_admin',
  'unit_admin',
  'officer',
  'approver',
  'analyst',
  'auditor',
];

/** Keycloak base URL, realm and the `posa-services` client credentials. */
export type KeycloakAdminOptions = ServiceTokenOptions;

interface UserRepresentation {
  id: string;
  username: string;
  enabled: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes?: Record<string, string[]>;
  requiredActions?: string[];
  [field: string]: unknown;
}

interface RoleRepresentation {
  id: string;
  name: string;
}

export class KeycloakAdminError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly httpStatus: number,
  ) {
    // Paths hold ids only; bodies are never put in messages (they may hold personal data).
    super(`keycloak admin ${method} ${path}: HTTP ${httpStatus}`);
    this.name = 'KeycloakAdminError';
  }
}

export class KeycloakAdmin implements IdentityProviderAdmin {
  private readonly tokens: ServiceTokenSource;
  private readonly adminBase: string;

  constructor(private readonly options: KeycloakAdminOptions) {
    this.tokens = new ServiceTokenSource(options);
    this.adminBase = `${options.baseUrl.replace(/\/$/, '')}/admin/realms/${options.realm}`;
  }

  async createUser(user: NewProviderUser): Promise<string> {
    const response = await this.request(
      'POST',
      '/users',
      {
        username: user.username,
        enabled: user.enabled,
        firstName: user.firstName,
        lastName: user.lastName,
        attributes: { unit_code: [user.unitCode] },
        credentials: [{ type: 'password', value: user.password, temporary: user.temporary }],
        requiredActions: user.temporary ? ['UPDATE_PASSWORD'] : [],
      },
      [409],
    );
    if (response.status === 409) throw new ProviderConflictError(user.username);
    const location = response.headers.get('location') ?? '';
    const subject = location.slice(location.lastIndexOf('/') + 1);
    if (!/^[0-9a-f-]{36}$/.test(subject)) {
      throw new ProviderUnavailableError('keycloak did not return the id of the created user');
    }
    try {
      await this.setRoles(subject, user.roles);
    } catch (err) {
      await this.deleteUser(subject).catch(() => undefined);
      throw err;
    }
    return subject;
  }

  async setPassword(subject: string, password: string, temporary: boolean): Promise<void> {
    await this.request('PUT', `/users/${subject}/reset-password`, {
      type: 'password',
      value: password,
      temporary,
    });
  }

  async setEnabled(subject: string, enabled: boolean): Promise<void> {
    // A partial representation would drop the required profile attributes: read, change, write.
    const user = (await this.json('GET', `/users/${subject}`)) as UserRepresentation;
    await this.request('PUT', `/users/${subject}`, { ...user, enabled });
  }

  async logoutAll(subject: string): Promise<void> {
    await this.request('POST', `/users/${subject}/logout`);
    // Offline tokens live in consents/offline sessions per client: revoke each.
    const consents = (await this.json('GET', `/users/${subject}/consents`)) as {
      clientId: string;
    }[];
    for (const consent of consents) {
      await this.request(
        'DELETE',
        `/users/${subject}/consents/${encodeURIComponent(consent.clientId)}`,
        undefined,
        [404],
      );
    }
  }

  async setRoles(subject: string, roles: readonly string[]): Promise<void> {
    const current = (await this.json(
      'GET',
      `/users/${subject}/role-mappings/realm`,
    )) as RoleRepresentation[];
    const held = current.filter((r) => POSA_ROLES.includes(r.name));
    const wanted = new Set(roles);
    const remove = held.filter((r) => !wanted.has(r.name));
    const missing = [...wanted].filter((name) => !held.some((r) => r.name === name));
    if (missing.length > 0) {
      // Role representations come from the user's assignable roles: this needs only the
      // user-management roles, not view-realm.
      const available = (await this.json(
        'GET',
        `/users/${subject}/role-mappings/realm/available`,
      )) as RoleRepresentation[];
      const add = missing.map((name) => {
        const rep = available.find((r) => r.name === name);
        if (rep === undefined) throw new KeycloakAdminError('GET', `/roles/${name}`, 404);
        return { id: rep.id, name: rep.name };
      });
      await this.request('POST', `/users/${subject}/role-mappings/realm`, add);
    }
    if (remove.length > 0) {
      await this.request(
        'DELETE',
        `/users/${subject}/role-mappings/realm`,
        remove.map((r) => ({ id: r.id, name: r.name })),
      );
    }
  }

  async getUser(subject: string): Promise<ProviderUser | null> {
    const response = await this.request('GET', `/users/${subject}`, undefined, [404]);
    if (response.status === 404) return null;
    const user = (await response.json()) as UserRepresentation;
    const mappings = (await this.json(
      'GET',
      `/users/${subject}/role-mappings/realm`,
    )) as RoleRepresentation[];
    return {
      subject: user.id,
      username: user.username,
      enabled: user.enabled,
      unitCode: user.attributes?.unit_code?.[0] ?? null,
      roles: mappings
        .map((r) => r.name)
        .filter((r) => POSA_ROLES.includes(r))
        .sort(),
    };
  }

  async deleteUser(subject: string): Promise<void> {
    await this.request('DELETE', `/users/${subject}`, undefined, [404]);
  }

  private async json(method: string, path: string): Promise<unknown> {
    return (await this.request(method, path)).json();
  }

  /** One admin call with the service token; a 401 refreshes the token once. */
  private async request(
    method: string,
    path: string,
    body?: unknown,
    allowed: number[] = [],
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get(attempt > 0).catch((err: unknown) => {
        throw new ProviderUnavailableError('keycloak service account token unavailable', {
          cause: err,
        });
      });
      let response: Response;
      try {
        response = await fetch(`${this.adminBase}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new ProviderUnavailableError(`keycloak admin ${method} ${path} failed`, {
          cause: err,
        });
      }
      if (response.status === 401 && attempt === 0) continue;
      if (response.ok || allowed.includes(response.status)) return response;
      await response.body?.cancel();
      throw new KeycloakAdminError(method, path, response.status);
    }
  }
}
