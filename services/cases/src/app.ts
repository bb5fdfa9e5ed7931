/**
 * Composition root of the cases service: pool, migrations (which seed the policy catalogue),
 * token verification, the population-database adapter, the households client, the gRPC
 * server, the outbox relay, the consumer of household events, the re-rating worker and the ops
 * server. Tests start
 * it in process on port 0 and stop it; main.ts adds signals and telemetry.
 */
import path from 'node:path';
import type pg from 'pg';
import { authInterceptor, TokenVerifier } from '@posa/auth';
import { closePool, createPool, runMigrations } from '@posa/db';
import { startOutboxPublishing, type InProcessBus, type OutboxPublishing } from '@posa/events';
import {
  createGrpcClient,
  createGrpcServer,
  kafkaBrokerList,
  Metrics,
  Readiness,
  startOpsServer,
  todayInVietnam,
  type GrpcServer,
  type Logger,
  type OpsServer,
} from '@posa/platform';
import {
  wirePopulationRegistry,
  type PopulationSimulator,
  type PopulationWiring,
} from '@posa/population';
import { HouseholdServiceClient } from '@posa/proto';
import { loadPredecessorDistricts, loadUnits } from '@posa/units';
import type { CasesConfig } from './config';
import type { CasesDeps } from './deps';
import {
  startHouseholdEventsConsumer,
  type HouseholdEventsConsumer,
} from './events/household-events-consumer';
import { caseService } from './grpc/case-service';
import { caseVariationService } from './grpc/case-variation-service';
import { entitlementService } from './grpc/entitlement-service';
import { policyCatalogueService } from './grpc/policy-catalogue-service';
import { ReratingWorker } from './rerating/rerating-worker';
import { complaintService } from './complaints/complaint-service';
import { onlineApplicationService } from './online/online-application-service';
import { maxSubmissionBytes, onlineSettingsOf } from './online/online-settings';

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

export interface AppAddresses {
  grpcPort: number;
  healthPort: number;
  metricsPort: number;
}

export interface CasesApp {
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

export function createApp(config: CasesConfig, logger: Logger, options: AppOptions = {}): CasesApp {
  const pool = createPool({
    url: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    applicationName: 'cases',
    logger,
  });
  const metrics = new Metrics();
  const readiness = new Readiness().addCheck('db', () => pool.query('SELECT 1'), {
    timeoutMs: 1000,
  });
  const today = options.today ?? (() => todayInVietnam());
  const households = createGrpcClient(HouseholdServiceClient, config.HOUSEHOLDS_ADDRESS, {
    defaultDeadlineMs: 10_000,
    metrics,
  });
  let server: GrpcServer | undefined;
  let ops: OpsServer | undefined;
  let stopping: Promise<void> | undefined;
  let publishing: OutboxPublishing | undefined;
  let consumer: HouseholdEventsConsumer | undefined;
  const rerating = new ReratingWorker({ pool, logger, today });
  let population: PopulationWiring | undefined;

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (server) await server.stop(graceMs);
      if (consumer) await consumer.stop();
      await rerating.stop();
      if (publishing) await publishing.stop();
      if (population) await population.stop();
      households.close();
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
        // The edge's service account calls the public online-service methods for citizens.
        serviceClients: [config.SERVICE_CLIENT_ID],
      });
      population = await wirePopulationRegistry(config, logger, options.populationSimulator);
      const deps: CasesDeps = {
        pool,
        units: loadUnits(),
        predecessors: loadPredecessorDistricts(),
        registry: population.registry,
        households,
        today,
      };
      server = createGrpcServer({
        services: [
          policyCatalogueService({ pool, today }),
          caseService(deps),
          caseVariationService(deps),
          entitlementService(deps),
          onlineApplicationService(deps, onlineSettingsOf(config)),
          complaintService(deps, onlineSettingsOf(config)),
        ],
        // Online applications carry up to 5 attachments (ONLINE_ATTACHMENT_MAX_BYTES each).
        serverOptions: { 'grpc.max_receive_message_length': maxSubmissionBytes(config) },
        port: config.GRPC_PORT,
        host: config.LISTEN_HOST,
        logger,
        metrics,
        interceptors: [authInterceptor(verifier)],
      });
      const transport = {
        transport: config.EVENTS_TRANSPORT,
        brokers: kafkaBrokerList(config.KAFKA_BROKERS),
        bus: options.bus,
        logger,
        registry: metrics.registry,
      };
      // Household deaths and moves flag the person's active cases for review.
      consumer = await startHouseholdEventsConsumer({ pool, ...transport });
      // Events written to the outbox with each change are published from here.
      publishing = await startOutboxPublishing({ service: 'cases', pool, ...transport });
      // Policy edits queue re-rating jobs; their EntitlementChanged events go out through the outbox.
      rerating.start();
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
        'cases started',
      );
      return { grpcPort, healthPort: ops.healthPort, metricsPort: ops.metricsPort };
    } catch (err) {
      await stop(0);
      throw err;
    }
  };

  return { start, stop, pool };
}
