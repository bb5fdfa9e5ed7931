/**
 * Boots the payments service in process (port 0, fresh database, real Keycloak for tokens) and
 * gives tests generated clients and signed-in users. Tests that need the cases service feeding
 * the ledger start it too, with Kafka for both (see ledger tests).
 */
import { randomBytes } from 'node:crypto';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import {
  PaymentFileServiceClient,
  PaymentResultServiceClient,
  PayrollServiceClient,
  type PaymentFileServiceService,
  type PaymentResultServiceService,
  type PayrollServiceService,
} from '@posa/proto';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { createApp, type AppAddresses, type AppOptions, type PaymentsApp } from '../src/app';
import { loadPaymentsConfig } from '../src/config';

export interface Harness {
  app: PaymentsApp;
  db: TestDatabase;
  addresses: AppAddresses;
  payrolls: GrpcClient<PayrollServiceService>;
  files: GrpcClient<PaymentFileServiceService>;
  results: GrpcClient<PaymentResultServiceService>;
  /** Creates a Keycloak user of realm posa and returns call metadata with its access token. */
  signIn(name: string, unitCode: string, roles: string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface HarnessOptions extends AppOptions {
  /** Extra environment (e.g. EVENTS_TRANSPORT=kafka, KAFKA_BROKERS). */
  env?: Record<string, string>;
}

const PASSWORD = 'Payments-Test-2026';

export async function startHarness(prefix: string, options: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase(`payments_${prefix}`);
  const config = loadPaymentsConfig({
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: await realmUrl(),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = createApp(config, createLogger({ service: 'payments', level: 'silent' }), options);
  let addresses: AppAddresses;
  try {
    addresses = await app.start();
  } catch (err) {
    await db.drop();
    throw err;
  }
  const address = `127.0.0.1:${addresses.grpcPort}`;
  const clientOptions = { defaultDeadlineMs: 60_000 };
  const payrolls = createGrpcClient(PayrollServiceClient, address, clientOptions);
  const files = createGrpcClient(PaymentFileServiceClient, address, clientOptions);
  const results = createGrpcClient(PaymentResultServiceClient, address, clientOptions);
  const run = randomBytes(3).toString('hex');
  const users: string[] = [];
  return {
    app,
    db,
    addresses,
    payrolls,
    files,
    results,
    async signIn(name, unitCode, roles) {
      const username = `payments-${prefix}-${name}-${run}`.toLowerCase();
      users.push(await createUser({ username, password: PASSWORD, unitCode, roles }));
      return { authorization: `Bearer ${await passwordGrant(username, PASSWORD)}` };
    },
    async close() {
      payrolls.close();
      files.close();
      results.close();
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
