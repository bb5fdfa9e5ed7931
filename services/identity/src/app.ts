/**
 * Composition root of the identity service: pool, migrations, catalogue load, the 2025
 * unit tree, token verification, the gRPC server and the ops server. Tests start it in
 * process on port 0 and stop it; main.ts adds signals and telemetry.
 */
import path from 'node:path';
import type pg from 'pg';
import { authInterceptor, NATIONAL_UNIT_CODE, TokenVerifier, UnitTree } from '@posa/auth';
import { closePool, createPool, runMigrations } from '@posa/db';
import {
  createGrpcServer,
  kafkaBrokerList,
  Metrics,
  Readiness,
  startOpsServer,
  type GrpcServer,
  type Logger,
  type OpsServer,
  todayInVietnam,
} from '@posa/platform';
import type { InProcessBus } from '@posa/events';
import type { AccountDeps } from './accounts/account-context';
import { reconcileAccounts, type ReconcileResult } from './accounts/reconcile';
import type { IdentityConfig } from './config';
import type { AccessData } from './domain/access-model';
import { startOutboxRelay, type RunningRelay } from './events/event-transport';
import { accountService } from './grpc/account-service';
import { auditService } from './grpc/audit-service';
import { unitService } from './grpc/unit-service';
import type { IdentityProviderAdmin } from './keycloak/identity-provider-admin';
import { KeycloakAdmin } from './keycloak/keycloak-admin';
import { LocalCredentialStore } from './keycloak/local-credential-store';
import { loadAccessData } from './store/access-store';
import { loadCatalogue, type LoadCatalogueResult } from './store/catalogue-loader';
import { DEFAULT_CATALOGUE_DIR } from './store/catalogue-files';
import { listUnitLinks } from './store/unit-store';

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

export interface AppAddresses {
  grpcPort: number;
  healthPort: number;
  metricsPort: number;
}

export interface IdentityApp {
  start(): Promise<AppAddresses>;
  /** Readiness off, gRPC drained (forced after graceMs), servers and pool closed. Idempotent. */
  stop(graceMs?: number): Promise<void>;
  readonly pool: pg.Pool;
  /** Outcome of the catalogue load at start (after start()). */
  readonly catalogue: LoadCatalogueResult | undefined;
  /** Where accounts are provisioned (after start()). */
  readonly idp: IdentityProviderAdmin;
  /** One reconciliation run now (the periodic job and the RPC run the same). */
  reconcile(): Promise<ReconcileResult>;
}

export interface AppOptions {
  /** The shared in-process bus of the embedded run (EVENTS_TRANSPORT=in-process). */
  bus?: InProcessBus;
  /** Another identity provider (tests, the embedded run); default from IDENTITY_PROVIDER. */
  idp?: IdentityProviderAdmin;
  /** Today in Vietnam as YYYY-MM-DD (tests fix the date). */
  today?: () => string;
}

/** Keycloak's base URL and realm from the issuer URL (…/realms/<realm>). */
export function keycloakOfIssuer(issuer: string): { baseUrl: string; realm: string } {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer);
  if (match === null) throw new Error('KEYCLOAK_ISSUER_URL: must end with /realms/<realm>');
  return { baseUrl: match[1]!, realm: match[2]! };
}

function createIdp(config: IdentityConfig, pool: pg.Pool): IdentityProviderAdmin {
  if (config.IDENTITY_PROVIDER === 'local') return new LocalCredentialStore(pool);
  if (config.KEYCLOAK_ADMIN_CLIENT_SECRET === undefined) {
    throw new Error('KEYCLOAK_ADMIN_CLIENT_SECRET: required when IDENTITY_PROVIDER=keycloak');
  }
  return new KeycloakAdmin({
    ...keycloakOfIssuer(config.KEYCLOAK_ISSUER_URL),
    clientId: config.KEYCLOAK_ADMIN_CLIENT_ID,
    clientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET,
  });
}

async function loadSuccessorProvinces(pool: pg.Pool): Promise<Map<string, string>> {
  const { rows } = await pool.query(
    'SELECT old_province_code, new_province_code FROM province_merger',
  );
  return new Map(
    rows.map((r: { old_province_code: string; new_province_code: string }) => [
      r.old_province_code,
      r.new_province_code,
    ]),
  );
}

/** Builds the 2025 tree used for jurisdiction; provinces hang under the national root. */
export async function loadUnitTree2025(pool: pg.Pool): Promise<UnitTree> {
  return loadUnitTree(pool, '2025');
}

/** The tree of one structure; provinces hang under the national root. */
export async function loadUnitTree(pool: pg.Pool, structure: '2024' | '2025'): Promise<UnitTree> {
  const links = await listUnitLinks(pool, structure);
  return new UnitTree(
    links.map((l) => ({ code: l.code, parentCode: l.parentCode ?? NATIONAL_UNIT_CODE })),
  );
}

export function createApp(
  config: IdentityConfig,
  logger: Logger,
  options: AppOptions = {},
): IdentityApp {
  const pool = createPool({
    url: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    applicationName: 'identity',
    logger,
  });
  const metrics = new Metrics();
  const readiness = new Readiness().addCheck('db', () => pool.query('SELECT 1'), {
    timeoutMs: 1000,
  });
  let server: GrpcServer | undefined;
  let ops: OpsServer | undefined;
  let catalogue: LoadCatalogueResult | undefined;
  let stopping: Promise<void> | undefined;
  let relay: RunningRelay | undefined;
  let reconcileTimer: NodeJS.Timeout | undefined;
  let idp: IdentityProviderAdmin | undefined;
  const today = options.today ?? (() => todayInVietnam());
  const reconcile = (): Promise<ReconcileResult> => {
    if (idp === undefined) throw new Error('identity is not started');
    return reconcileAccounts(pool, idp, logger);
  };

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (reconcileTimer) clearInterval(reconcileTimer);
      if (server) await server.stop(graceMs);
      if (relay) await relay.stop();
      if (ops) await ops.close();
      await closePool(pool);
    })();
    return stopping;
  };

  const start = async (): Promise<AppAddresses> => {
    try {
      if (config.RUN_MIGRATIONS) await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
      catalogue = await loadCatalogue(pool, {
        directory: config.CATALOGUE_DIR ?? DEFAULT_CATALOGUE_DIR,
        reload: config.CATALOGUE_RELOAD,
      });
      logger.info(
        {
          status: catalogue.status,
          durationMs: catalogue.durationMs,
          rowCounts: catalogue.rowCounts,
        },
        'unit catalogue ready',
      );
      const tree2025 = await loadUnitTree2025(pool);
      const trees = { '2024': await loadUnitTree(pool, '2024'), '2025': tree2025 };
      const access: AccessData = await loadAccessData(pool);
      const successors = await loadSuccessorProvinces(pool);
      idp = options.idp ?? createIdp(config, pool);
      const accountDeps: AccountDeps = {
        pool,
        idp,
        logger,
        today,
        trees: () => trees,
        access: () => access,
        successorProvince: () => successors,
      };
      const verifier = new TokenVerifier({
        issuer: config.KEYCLOAK_ISSUER_URL,
        audience: config.TOKEN_AUDIENCE,
      });
      server = createGrpcServer({
        services: [
          unitService({ pool, today, tree2025: () => tree2025 }),
          accountService(accountDeps),
          auditService(accountDeps),
        ],
        port: config.GRPC_PORT,
        host: config.LISTEN_HOST,
        logger,
        metrics,
        interceptors: [authInterceptor(verifier)],
      });
      relay = await startOutboxRelay({
        pool,
        transport: config.EVENTS_TRANSPORT,
        brokers: kafkaBrokerList(config.KAFKA_BROKERS),
        bus: options.bus,
        logger,
        registry: metrics.registry,
      });
      const grpcPort = await server.start();
      if (config.RECONCILE_INTERVAL_MS > 0) {
        reconcileTimer = setInterval(() => {
          reconcile().catch((err: unknown) =>
            logger.error({ err }, 'account reconciliation failed'),
          );
        }, config.RECONCILE_INTERVAL_MS);
        reconcileTimer.unref();
      }
      ops = await startOpsServer({
        host: config.LISTEN_HOST,
        healthPort: config.HTTP_PORT,
        metricsPort: config.METRICS_PORT,
        readiness,
        metrics,
        logger,
      });
      logger.info(
        { grpcPort, healthPort: ops.healthPort, metricsPort: ops.metricsPort },
        'identity started',
      );
      return { grpcPort, healthPort: ops.healthPort, metricsPort: ops.metricsPort };
    } catch (err) {
      await stop(0);
      throw err;
    }
  };

  return {
    start,
    stop,
    pool,
    get catalogue() {
      return catalogue;
    },
    get idp() {
      if (idp === undefined) throw new Error('identity is not started');
      return idp;
    },
    reconcile,
  };
}
