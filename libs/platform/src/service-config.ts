/**
 * The environment settings every POSA process shares, so each service's config.ts lists only
 * what is its own: `{ ...grpcServiceConfigSchema('identity'), ...eventsConfigSchema, MINE: ... }`.
 */
import { bool, int, oneOf, port, str, url } from './config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Logging, shutdown bound, bind address and metrics port: every process. */
export const processConfigSchema = {
  LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  SHUTDOWN_TIMEOUT_MS: int({
    min: 1000,
    max: 300_000,
    default: 20_000,
    doc: 'bound of the graceful shutdown',
  }),
  LISTEN_HOST: str({ default: '0.0.0.0', doc: 'address the servers bind' }),
  METRICS_PORT: port({ default: 9464, doc: '/metrics (Prometheus)' }),
};

/** A gRPC service with its own database that verifies Keycloak access tokens. */
export function grpcServiceConfigSchema(service: string) {
  return {
    ...processConfigSchema,
    DATABASE_URL: url({
      protocols: ['postgres:', 'postgresql:'],
      secret: true,
      doc: `PostgreSQL connection string of the ${service} database`,
    }),
    DB_POOL_MAX: int({
      min: 1,
      max: 100,
      default: 10,
      doc: 'most PostgreSQL connections held at once',
    }),
    RUN_MIGRATIONS: bool({ default: true, doc: 'apply pending migrations at start' }),
    GRPC_PORT: port({ default: 50051, doc: 'gRPC listen port' }),
    HTTP_PORT: port({ default: 8080, doc: '/healthz and /readyz' }),
    KEYCLOAK_ISSUER_URL: url({
      protocols: ['http:', 'https:'],
      doc: 'realm issuer access tokens are verified against, e.g. https://sso.example/realms/posa',
    }),
    TOKEN_AUDIENCE: str({ default: 'posa-api', doc: 'audience every access token must carry' }),
  };
}

/** Where a service's outbox relay publishes. */
export const eventsConfigSchema = {
  EVENTS_TRANSPORT: oneOf(['in-process', 'kafka'] as const, {
    default: 'in-process',
    doc: 'where the outbox relay publishes: Kafka (full stack) or the in-process bus (embedded run)',
  }),
  KAFKA_BROKERS: str({
    required: false,
    doc: 'comma-separated host:port of the Kafka brokers (EVENTS_TRANSPORT=kafka)',
  }),
};

/** The broker list of a KAFKA_BROKERS value (empty when unset). */
export function kafkaBrokerList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
}
