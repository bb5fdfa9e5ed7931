/**
 * Boots the identity service (fresh database) and the edge in process on port 0, against
 * the real Keycloak (realm posa) and Redis, and creates Keycloak users for the tests. With
 * `provisioning`, identity provisions the accounts it creates in Keycloak through the admin
 * API (service account of posa-services), as in production; they are removed at close.
 */
import { randomBytes } from 'node:crypto';
import { createLogger } from '@posa/platform';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  getKeycloakUrl,
  getRedisUrl,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { createApp as createIdentityApp, type IdentityApp } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config';
import { applyServiceAccountRolesFromRealmFile } from '../../identity/test/realm-sync';
import { createApp, type EdgeApp } from '../src/app';
import { loadEdgeConfig } from '../src/config';

export const PASSWORD = 'Edge-Test-2025-pass';

export interface EdgeHarness {
  /** http://127.0.0.1:<port> of the edge. */
  baseUrl: string;
  keycloakUrl: string;
  /** Creates a user of realm posa (removed at close) and returns its username. */
  createStaff(name: string, unitCode: string, roles: string[]): Promise<string>;
  bearer(username: string): Promise<string>;
  /** A username unique to this run (for accounts the tests create through identity). */
  username(name: string): string;
  /** The identity service in process (its provider admin sets permanent passwords). */
  identity: IdentityApp;
  /** Keycloak subjects of accounts identity created in the tests, deleted at close. */
  provisioned: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Identity provisions accounts in Keycloak (default: local store, no provisioning). */
  provisioning?: boolean;
}

export async function startEdgeHarness(
  prefix: string,
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<EdgeHarness> {
  if (options.provisioning) await applyServiceAccountRolesFromRealmFile();
  const db: TestDatabase = await createTestDatabase(`edge_${prefix}`);
  const silent = createLogger({ service: 'test', level: 'silent' });
  let identity: IdentityApp | undefined;
  let edge: EdgeApp | undefined;
  const users: string[] = [];
  const provisioned: string[] = [];
  const close = async (): Promise<void> => {
    await edge?.stop(1000);
    await identity?.stop(1000);
    await db.drop();
    for (const id of [...users, ...provisioned]) await deleteUser(id);
  };
  try {
    identity = createIdentityApp(
      loadIdentityConfig({
        DATABASE_URL: db.url,
        GRPC_PORT: '0',
        HTTP_PORT: '0',
        METRICS_PORT: '0',
        LISTEN_HOST: '127.0.0.1',
        KEYCLOAK_ISSUER_URL: await realmUrl(),
        LOG_LEVEL: 'silent',
        // Without provisioning the tests create their Keycloak users directly; identity
        // provisions none. No periodic drift check either way.
        ...(options.provisioning
          ? {
              IDENTITY_PROVIDER: 'keycloak',
              KEYCLOAK_ADMIN_CLIENT_SECRET:
                process.env['POSA_SERVICES_CLIENT_SECRET'] ?? 'dev-only-posa-services-secret',
            }
          : { IDENTITY_PROVIDER: 'local' }),
        RECONCILE_INTERVAL_MS: '0',
      }),
      silent,
    );
    const identityPorts = await identity.start();
    const keycloakUrl = await getKeycloakUrl();
    edge = createApp(
      loadEdgeConfig({
        HTTP_PORT: '0',
        METRICS_PORT: '0',
        LISTEN_HOST: '127.0.0.1',
        IDENTITY_ADDRESS: `127.0.0.1:${identityPorts.grpcPort}`,
        GRPC_DEADLINE_MS: '20000',
        KEYCLOAK_URL: keycloakUrl,
        REDIS_URL: await getRedisUrl(),
        SESSION_SECRET: randomBytes(16).toString('hex'),
        // Own Redis keys per run: rate-limit counters of earlier runs do not count here.
        REDIS_KEY_PREFIX: `posa:edge-test:${randomBytes(4).toString('hex')}:`,
        LOG_LEVEL: 'silent',
        ...env,
      }),
      silent,
    );
    const { httpPort } = await edge.start();
    const run = randomBytes(3).toString('hex');
    return {
      baseUrl: `http://127.0.0.1:${httpPort}`,
      keycloakUrl,
      async createStaff(name, unitCode, roles) {
        const username = `edge-${prefix}-${name}-${run}`.toLowerCase();
        users.push(
          await createUser({
            username,
            password: PASSWORD,
            unitCode,
            roles,
            firstName: 'Lan',
            lastName: 'Nguyễn',
          }),
        );
        return username;
      },
      bearer: (username) => passwordGrant(username, PASSWORD),
      username: (name) => `edge-${prefix}-${name}-${run}`.toLowerCase(),
      identity,
      provisioned,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
