/** Environment of the identity service, validated once at start. */
import { bool, int, loadConfig, oneOf, port, str, url, type ConfigOf } from '@posa/platform';

export const configSchema = {
  DATABASE_URL: url({
    protocols: ['postgres:', 'postgresql:'],
    secret: true,
    doc: 'PostgreSQL connection string of the identity database',
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
  RUN_MIGRATIONS: bool({ default: true, doc: 'apply pending migrations at start' }),
  CATALOGUE_DIR: str({
    required: false,
    doc: 'directory of the reference CSV files (default: the shipped data/)',
  }),
  CATALOGUE_RELOAD: bool({
    default: false,
    doc: 'replace the loaded catalogue when its files changed (otherwise a changed file stops the start)',
  }),
  EVENTS_TRANSPORT: oneOf(['in-process', 'kafka'] as const, {
    default: 'in-process',
    doc: 'where the outbox relay publishes: Kafka (full stack) or the in-process bus (embedded run)',
  }),
  KAFKA_BROKERS: str({
    required: false,
    doc: 'comma-separated host:port of the Kafka brokers (EVENTS_TRANSPORT=kafka)',
  }),
  IDENTITY_PROVIDER: oneOf(['keycloak', 'local'] as const, {
    default: 'keycloak',
    doc: "where accounts are provisioned: Keycloak's admin API, or identity's own credential store (embedded run)",
  }),
  KEYCLOAK_ADMIN_CLIENT_ID: str({
    default: 'posa-services',
    doc: 'confidential client whose service account holds manage-users, view-users, query-users',
  }),
  KEYCLOAK_ADMIN_CLIENT_SECRET: str({
    required: false,
    secret: true,
    doc: 'secret of KEYCLOAK_ADMIN_CLIENT_ID (required with IDENTITY_PROVIDER=keycloak)',
  }),
  RECONCILE_INTERVAL_MS: int({
    min: 0,
    max: 86_400_000,
    default: 900_000,
    doc: 'period of the account/identity-provider drift check; 0 turns the periodic run off',
  }),
};

export type IdentityConfig = ConfigOf<typeof configSchema>;

export function loadIdentityConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IdentityConfig {
  return loadConfig(configSchema, env);
}
