/**
 * Boots the households service in process (port 0, fresh database, real Keycloak for tokens)
 * and gives tests a generated client and a signed-in user. Used by the *.int.test.ts files.
 */
import { randomBytes } from 'node:crypto';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import {
  HouseholdServiceClient,
  PovertyStandardServiceClient,
  type HouseholdServiceService,
  type PovertyStandardServiceService,
} from '@posa/proto';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { createApp, type AppAddresses, type AppOptions, type HouseholdsApp } from '../src/app';
import { loadHouseholdsConfig } from '../src/config';

export interface Harness {
  app: HouseholdsApp;
  db: TestDatabase;
  addresses: AppAddresses;
  standards: GrpcClient<PovertyStandardServiceService>;
  households: GrpcClient<HouseholdServiceService>;
  /** Creates a Keycloak user of realm posa and returns call metadata with its access token. */
  signIn(name: string, unitCode: string, roles: string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const PASSWORD = 'Households-Test-2026';

export async function startHarness(prefix: string, options: AppOptions = {}): Promise<Harness> {
  const db = await createTestDatabase(`households_${prefix}`);
  const config = loadHouseholdsConfig({
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: await realmUrl(),
    LOG_LEVEL: 'silent',
  });
  const app = createApp(config, createLogger({ service: 'households', level: 'silent' }), options);
  let addresses: AppAddresses;
  try {
    addresses = await app.start();
  } catch (err) {
    await db.drop();
    throw err;
  }
  const standards = createGrpcClient(
    PovertyStandardServiceClient,
    `127.0.0.1:${addresses.grpcPort}`,
    { defaultDeadlineMs: 20_000 },
  );
  const households = createGrpcClient(HouseholdServiceClient, `127.0.0.1:${addresses.grpcPort}`, {
    defaultDeadlineMs: 20_000,
  });
  const run = randomBytes(3).toString('hex');
  const users: string[] = [];
  return {
    app,
    db,
    addresses,
    standards,
    households,
    async signIn(name, unitCode, roles) {
      const username = `households-${prefix}-${name}-${run}`.toLowerCase();
      users.push(await createUser({ username, password: PASSWORD, unitCode, roles }));
      return { authorization: `Bearer ${await passwordGrant(username, PASSWORD)}` };
    },
    async close() {
      standards.close();
      households.close();
      await app.stop(1000);
      await db.drop();
      for (const id of users) await deleteUser(id);
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
