/**
 * Boots the cases service in process (port 0, fresh database, real Keycloak for tokens) next to
 * a real households service (its own fresh database), both answering population checks from
 * one simulator, and gives tests generated clients and signed-in users. Used by the
 * *.int.test.ts files of this service.
 */
import { randomBytes } from 'node:crypto';
import { createGrpcClient, createLogger, type GrpcClient } from '@posa/platform';
import { PopulationSimulator } from '@posa/population';
import {
  CaseServiceClient,
  CaseVariationServiceClient,
  HouseholdServiceClient,
  PolicyCatalogueServiceClient,
  type CaseServiceService,
  type CaseVariationServiceService,
  type HouseholdServiceService,
  type PolicyCatalogueServiceService,
} from '@posa/proto';
import {
  createTestDatabase,
  createUser,
  deleteUser,
  passwordGrant,
  realmUrl,
  type TestDatabase,
} from '@posa/testing';
import { createApp as createHouseholdsApp, type HouseholdsApp } from '../../households/src/app';
import { loadHouseholdsConfig } from '../../households/src/config';
import { createApp, type AppAddresses, type CasesApp } from '../src/app';
import { loadCasesConfig } from '../src/config';

export interface Harness {
  app: CasesApp;
  db: TestDatabase;
  addresses: AppAddresses;
  policies: GrpcClient<PolicyCatalogueServiceService>;
  cases: GrpcClient<CaseServiceService>;
  variations: GrpcClient<CaseVariationServiceService>;
  /** The households service the cases service reads beneficiaries from. */
  households: GrpcClient<HouseholdServiceService>;
  householdsApp: HouseholdsApp;
  simulator: PopulationSimulator;
  /** Creates a Keycloak user of realm posa and returns call metadata with its access token. */
  signIn(name: string, unitCode: string, roles: string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Today in Vietnam for both services, YYYY-MM-DD. */
  today?: () => string;
  /** Extra environment of the cases service (e.g. EVENTS_TRANSPORT=kafka, KAFKA_BROKERS). */
  env?: Record<string, string>;
  /** Extra environment of the households service (e.g. EVENTS_TRANSPORT=kafka, KAFKA_BROKERS). */
  householdsEnv?: Record<string, string>;
}

const PASSWORD = 'Cases-Test-2026';

export async function startHarness(prefix: string, options: HarnessOptions = {}): Promise<Harness> {
  const issuer = await realmUrl();
  const simulator = new PopulationSimulator();
  await simulator.start();
  const householdsDb = await createTestDatabase(`cases_hh_${prefix}`);
  const db = await createTestDatabase(`cases_${prefix}`);
  const common = {
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    METRICS_PORT: '0',
    LISTEN_HOST: '127.0.0.1',
    KEYCLOAK_ISSUER_URL: issuer,
    LOG_LEVEL: 'silent',
  };
  const householdsApp = createHouseholdsApp(
    loadHouseholdsConfig({ ...common, DATABASE_URL: householdsDb.url, ...options.householdsEnv }),
    createLogger({ service: 'households', level: 'silent' }),
    { today: options.today, populationSimulator: simulator },
  );
  let app: CasesApp | undefined;
  let addresses: AppAddresses;
  let householdsPort: number;
  try {
    householdsPort = (await householdsApp.start()).grpcPort;
    app = createApp(
      loadCasesConfig({
        ...common,
        DATABASE_URL: db.url,
        HOUSEHOLDS_ADDRESS: `127.0.0.1:${householdsPort}`,
        ...options.env,
      }),
      createLogger({ service: 'cases', level: 'silent' }),
      { today: options.today, populationSimulator: simulator },
    );
    addresses = await app.start();
  } catch (err) {
    await app?.stop(0);
    await householdsApp.stop(0);
    await simulator.stop();
    await db.drop();
    await householdsDb.drop();
    throw err;
  }
  const casesApp = app;
  const at = (port: number) => `127.0.0.1:${port}`;
  const clientOptions = { defaultDeadlineMs: 20_000 };
  const policies = createGrpcClient(
    PolicyCatalogueServiceClient,
    at(addresses.grpcPort),
    clientOptions,
  );
  const cases = createGrpcClient(CaseServiceClient, at(addresses.grpcPort), clientOptions);
  const variations = createGrpcClient(
    CaseVariationServiceClient,
    at(addresses.grpcPort),
    clientOptions,
  );
  const households = createGrpcClient(HouseholdServiceClient, at(householdsPort), clientOptions);
  const run = randomBytes(3).toString('hex');
  const users: string[] = [];
  return {
    app: casesApp,
    db,
    addresses,
    policies,
    cases,
    variations,
    households,
    householdsApp,
    simulator,
    async signIn(name, unitCode, roles) {
      const username = `cases-${prefix}-${name}-${run}`.toLowerCase();
      users.push(await createUser({ username, password: PASSWORD, unitCode, roles }));
      return { authorization: `Bearer ${await passwordGrant(username, PASSWORD)}` };
    },
    async close() {
      policies.close();
      cases.close();
      variations.close();
      households.close();
      await casesApp.stop(1000);
      await householdsApp.stop(1000);
      await simulator.stop();
      await db.drop();
      await householdsDb.drop();
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
