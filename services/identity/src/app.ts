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
  Metrics,
  Readiness,
  startOpsServer,
  type GrpcServer,
  type Logger,
  type OpsServer,
} from '@posa/platform';
import type { IdentityConfig } from './config';
import { todayInVietnam } from './domain/calendar';
import { unitService } from './grpc/unit-service';
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
}

/** Builds the 2025 tree used for jurisdiction; provinces hang under the national root. */
export async function loadUnitTree2025(pool: pg.Pool): Promise<UnitTree> {
  const links = await listUnitLinks(pool, '2025');
  return new UnitTree(
    links.map((l) => ({ code: l.code, parentCode: l.parentCode ?? NATIONAL_UNIT_CODE })),
  );
}

export function createApp(config: IdentityConfig, logger: Logger): IdentityApp {
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

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (server) await server.stop(graceMs);
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
      const verifier = new TokenVerifier({
        issuer: config.KEYCLOAK_ISSUER_URL,
        audience: config.TOKEN_AUDIENCE,
      });
      server = createGrpcServer({
        services: [unitService({ pool, today: () => todayInVietnam(), tree2025: () => tree2025 })],
        port: config.GRPC_PORT,
        host: config.LISTEN_HOST,
        logger,
        metrics,
        interceptors: [authInterceptor(verifier)],
      });
      const grpcPort = await server.start();
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
  };
}
