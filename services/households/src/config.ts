/** Environment of the households service, validated once at start. */
import { bool, int, loadConfig, oneOf, port, str, url, type ConfigOf } from '@posa/platform';

export const configSchema = {
  DATABASE_URL: url({
    protocols: ['postgres:', 'postgresql:'],
    secret: true,
    doc: 'PostgreSQL connection string of the households database',
  }),
  DB_POOL_MAX: int({
    min: 1,
    max: 100,
    default: 10,
    doc: 'most PostgreSQL connections held at once',
  }),
  GRPC_PORT: port({ default: 50051, doc: 'gRPC listen port' }),
  HTTP_PORT: port({ default: 8080, doc: '/healthz and /readyz' }),
  METRICS_PORT: port({ default: 9464, doc: '/metrics (Prometheus)' }),
  LISTEN_HOST: str({ default: '0.0.0.0', doc: 'address the gRPC and HTTP servers bind' }),
  SHUTDOWN_TIMEOUT_MS: int({
    min: 1000,
    max: 300_000,
    default: 20_000,
    doc: 'bound of the graceful shutdown',
  }),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, {
    default: 'info',
  }),
  KEYCLOAK_ISSUER_URL: url({
    protocols: ['http:', 'https:'],
    doc: 'realm issuer access tokens are verified against, e.g. https://sso.example/realms/posa',
  }),
  TOKEN_AUDIENCE: str({ default: 'posa-api', doc: 'audience every access token must carry' }),
  EVENTS_TRANSPORT: oneOf(['in-process', 'kafka'] as const, {
    default: 'in-process',
    doc: 'where the outbox relay publishes: Kafka (full stack) or the in-process bus (embedded run)',
  }),
  KAFKA_BROKERS: str({
    required: false,
    doc: 'comma-separated host:port of the Kafka brokers (EVENTS_TRANSPORT=kafka)',
  }),
  RUN_MIGRATIONS: bool({ default: true, doc: 'apply pending migrations at start' }),
};

export type HouseholdsConfig = ConfigOf<typeof configSchema>;

export function loadHouseholdsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): HouseholdsConfig {
  return loadConfig(configSchema, env);
}
