/**
 * Composition root of the households service: pool, migrations (which seed the poverty
 * standards), token verification, the gRPC server and the ops server. Tests start it in
 * process on port 0 and stop it; main.ts adds signals and telemetry.
 */
import path from 'node:path';
import type pg from 'pg';
import { authInterceptor, TokenVerifier } from '@posa/auth';
import { closePool, createPool, runMigrations } from '@posa/db';
import { startOutboxPublishing, type InProcessBus, type OutboxPublishing } from '@posa/events';
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
import type { HouseholdsConfig } from './config';
import { householdService } from './grpc/household-service';
import { householdImportService } from './import/import-service';
import { householdSearchService } from './grpc/household-search-service';
import { povertyStandardService } from './grpc/poverty-standard-service';
import { acceptanceSamplingService } from './grpc/sampling-service';
import { reviewRoundService } from './review/grpc/review-round-service';
import { loadPredecessorDistricts, loadUnits } from '@posa/units';
import {
  wirePopulationRegistry,
  type PopulationSimulator,
  type PopulationWiring,
} from '@posa/population';
import { identityQualityService } from './quality/identity-quality-service';

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

export interface AppAddresses {
  grpcPort: number;
  healthPort: number;
  metricsPort: number;
}

export interface HouseholdsApp {
  start(): Promise<AppAddresses>;
  /** Readiness off, gRPC drained (forced after graceMs), servers and pool closed. Idempotent. */
  stop(graceMs?: number): Promise<void>;
  readonly pool: pg.Pool;
}

export interface AppOptions {
  /** Today in Vietnam as YYYY-MM-DD (tests fix the date). */
  today?: () => string;
  /** The shared in-process bus of the embedded run (EVENTS_TRANSPORT=in-process). */
  bus?: InProcessBus;
  /** A population-database simulator the caller runs (tests); used when POPULATION_REGISTRY_URL is unset. */
  populationSimulator?: PopulationSimulator;
}

export function createApp(
  config: HouseholdsConfig,
  logger: Logger,
  options: AppOptions = {},
): HouseholdsApp {
  const pool = createPool({
    url: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    applicationName: 'households',
    logger,
  });
  const metrics = new Metrics();
  const readiness = new Readiness().addCheck('db', () => pool.query('SELECT 1'), {
    timeoutMs: 1000,
  });
  const today = options.today ?? (() => todayInVietnam());
  let server: GrpcServer | undefined;
  let ops: OpsServer | undefined;
  let stopping: Promise<void> | undefined;
  let publishing: OutboxPublishing | undefined;
  let population: PopulationWiring | undefined;

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (server) await server.stop(graceMs);
      if (publishing) await publishing.stop();
      if (population) await population.stop();
      if (ops) await ops.close();
      await closePool(pool);
    })();
    return stopping;
  };

  const start = async (): Promise<AppAddresses> => {
    try {
      if (config.RUN_MIGRATIONS) await runMigrations(pool, { directory: MIGRATIONS_DIR, logger });
      const verifier = new TokenVerifier({
        issuer: config.KEYCLOAK_ISSUER_URL,
        audience: config.TOKEN_AUDIENCE,
      });
      population = await wirePopulationRegistry(config, logger, options.populationSimulator);
      const registry = population.registry;
      // The jurisdiction tree of the 2025 structure, built once from the shipped unit file.
      const units = loadUnits();
      server = createGrpcServer({
        services: [
          povertyStandardService({ pool, today }),
          householdService({ pool, units, today }),
          householdImportService({ pool, units, today, logger }),
          householdSearchService({ pool, units }),
          identityQualityService({ pool, units, registry, today }),
          reviewRoundService({ pool, units, predecessors: loadPredecessorDistricts(), today }),
          acceptanceSamplingService({ pool, units }),
        ],
        port: config.GRPC_PORT,
        host: config.LISTEN_HOST,
        logger,
        metrics,
        interceptors: [authInterceptor(verifier)],
      });
      // Events written to the outbox with each change are published from here.
      publishing = await startOutboxPublishing({
        service: 'households',
        pool,
        transport: config.EVENTS_TRANSPORT,
        brokers: kafkaBrokerList(config.KAFKA_BROKERS),
        bus: options.bus,
        logger,
        registry: metrics.registry,
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
        'households started',
      );
      return { grpcPort, healthPort: ops.healthPort, metricsPort: ops.metricsPort };
    } catch (err) {
      await stop(0);
      throw err;
    }
  };

  return { start, stop, pool };
}
