/**
 * Boots the identity service in process (port 0, fresh database, real Keycloak for tokens)
 * and gives tests a generated client and signed-in users. Used by the *.int.test.ts files.
 */
import { randomBytes } from 'node:crypto';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import {
  AccountServiceClient,
  AuditServiceClient,
  UnitServiceClient,
  type AccountServiceService,
  type AuditServiceService,
  type UnitServiceService,
} from '@posa/proto';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { createApp, type AppAddresses, type AppOptions, type IdentityApp } from '../src/app';
import { loadIdentityConfig } from '../src/config';
import { applyServiceAccountRolesFromRealmFile } from './realm-sync';

export interface Harness {
  app: IdentityApp;
  db: TestDatabase;
  addresses: AppAddresses;
  client: GrpcClient<UnitServiceService>;
  accounts: GrpcClient<AccountServiceService>;
  audit: GrpcClient<AuditServiceService>;
  /** Creates a Keycloak user of realm posa and returns call metadata with its access token. */
  signIn(name: string, unitCode: string, roles: string[]): Promise<Record<string, string>>;
  /** A username unique to this run. */
  username(name: string): string;
  /** Provider users created through identity by the tests, deleted at close. */
  provisioned: string[];
  close(): Promise<void>;
}

const PASSWORD = 'Identity-Test-2025';

export async function startHarness(
  prefix: string,
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<Harness> {
  await applyServiceAccountRolesFromRealmFile();
  const db = await createTestDatabase(`identity_${prefix}`);
  const config = loadIdentityConfig({
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: await realmUrl(),
    LOG_LEVEL: 'silent',
    KEYCLOAK_ADMIN_CLIENT_SECRET:
      process.env.POSA_SERVICES_CLIENT_SECRET ?? 'dev-only-posa-services-secret',
    RECONCILE_INTERVAL_MS: '0',
    ...env,
  });
  const app = createApp(config, createLogger({ service: 'identity', level: 'silent' }), options);
  let addresses: AppAddresses;
  try {
    addresses = await app.start();
  } catch (err) {
    await db.drop();
    throw err;
  }
  const client = createGrpcClient(UnitServiceClient, `127.0.0.1:${addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  const address = `127.0.0.1:${addresses.grpcPort}`;
  const accounts = createGrpcClient(AccountServiceClient, address, { defaultDeadlineMs: 20_000 });
  const audit = createGrpcClient(AuditServiceClient, address, { defaultDeadlineMs: 20_000 });
  const run = randomBytes(3).toString('hex');
  const users: string[] = [];
  const provisioned: string[] = [];
  return {
    app,
    db,
    addresses,
    client,
    accounts,
    audit,
    provisioned,
    username: (name) => `identity-${prefix}-${name}-${run}`.toLowerCase(),
    async signIn(name, unitCode, roles) {
      const username = `identity-${prefix}-${name}-${run}`.toLowerCase();
      users.push(await createUser({ username, password: PASSWORD, unitCode, roles }));
      return { authorization: `Bearer ${await passwordGrant(username, PASSWORD)}` };
    },
    async close() {
      client.close();
      accounts.close();
      audit.close();
      await app.stop(1000);
      await db.drop();
      for (const id of [...users, ...provisioned]) await deleteUser(id);
    },
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: number; field?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: number; field?: string };
  }
  throw new Error('expected the call to fail');
}
