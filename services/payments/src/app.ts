/**
 * Composition root of the payments service: pool, migrations, token verification, the signing
 * key, the gRPC server, the consumer that keeps the entitlement ledger from the cases events,
 * the outbox relay and the ops server. Tests start it in process on port 0 and stop it; main.ts
 * adds signals and telemetry.
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
  todayInVietnam,
  type GrpcServer,
  type Logger,
  type OpsServer,
} from '@posa/platform';
import { loadUnits } from '@posa/units';
import type { PaymentsConfig } from './config';
import type { PaymentsDeps } from './deps';
import { paymentFileService } from './grpc/payment-file-service';
import { paymentResultService } from './grpc/payment-result-service';
import { payrollService } from './grpc/payroll-service';
import { startLedgerConsumer, type LedgerConsumer } from './ledger/ledger-consumer';
import { loadSigningKey } from './signing-key';

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

export interface AppAddresses {
  grpcPort: number;
  healthPort: number;
  metricsPort: number;
}

export interface PaymentsApp {
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
}

export function createApp(
  config: PaymentsConfig,
  logger: Logger,
  options: AppOptions = {},
): PaymentsApp {
  const pool = createPool({
    url: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    applicationName: 'payments',
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
  let consumer: LedgerConsumer | undefined;

  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      if (server) await server.stop(graceMs);
      if (consumer) await consumer.stop();
      if (publishing) await publishing.stop();
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
      const deps: PaymentsDeps = {
        pool,
        units: loadUnits(),
        signingKey: loadSigningKey(config.PAYMENT_SIGNING_KEY, logger),
        today,
      };
      server = createGrpcServer({
        services: [payrollService(deps), paymentFileService(deps), paymentResultService(deps)],
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
      // The entitlement ledger follows posa.cases.events.v1 (and only that topic).
      consumer = await startLedgerConsumer({
        pool,
        group: config.LEDGER_CONSUMER_GROUP,
        ...transport,
      });
      publishing = await startOutboxPublishing({ service: 'payments', pool, ...transport });
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
        'payments started',
      );
      return { grpcPort, healthPort: ops.healthPort, metricsPort: ops.metricsPort };
    } catch (err) {
      await stop(0);
      throw err;
    }
  };

  return { start, stop, pool };
}
