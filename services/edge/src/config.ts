/** Environment of the edge, validated once at start. */
import {
  bool,
  ConfigError,
  int,
  loadConfig,
  oneOf,
  port,
  processConfigSchema,
  str,
  url,
  type ConfigOf,
} from '@posa/platform';

export const configSchema = {
  HTTP_PORT: port({ default: 8080, doc: 'web console, /api/v1, /healthz and /readyz' }),
  ...processConfigSchema,
  PUBLIC_URL: url({
    protocols: ['http:', 'https:'],
    required: false,
    doc: 'external base URL, e.g. https://posa.example (default: taken from each request)',
  }),
  TRUST_PROXY: int({
    min: 0,
    max: 10,
    default: 0,
    doc: 'reverse proxies in front of the edge (X-Forwarded-*)',
  }),
  COOKIE_SECURE: bool({ default: false, doc: 'send cookies over HTTPS only (set behind TLS)' }),
  IDENTITY_ADDRESS: str({
    default: '127.0.0.1:50051',
    doc: 'host:port of the identity gRPC server',
  }),
  HOUSEHOLDS_ADDRESS: str({
    default: '127.0.0.1:50052',
    doc: 'host:port of the households gRPC server',
  }),
  CASES_ADDRESS: str({
    default: '127.0.0.1:50053',
    doc: 'host:port of the cases gRPC server (cases, variations, policy catalogue)',
  }),
  PAYMENTS_ADDRESS: str({
    default: '127.0.0.1:50054',
    doc: 'host:port of the payments gRPC server (payrolls, payment files, results, reconciliation)',
  }),
  IMPORT_MAX_BYTES: int({
    min: 1024,
    max: 2 * 1024 ** 3,
    default: 50 * 1024 ** 2,
    doc: 'largest form C/C1 file accepted for import (bytes)',
  }),
  REQUEST_TIMEOUT_MS: int({
    min: 10_000,
    max: 3_600_000,
    default: 300_000,
    doc:
      'time to receive a whole request (headers have 20 s): a village file on a slow rural ' +
      'link needs minutes, and bodies are bounded by size limits and rate limits',
  }),
  IMPORT_DEADLINE_MS: int({
    min: 1000,
    max: 3_600_000,
    default: 900_000,
    doc: 'deadline of an import upload (the service answers when the import has finished)',
  }),
  GRPC_DEADLINE_MS: int({
    min: 100,
    max: 60_000,
    default: 5000,
    doc: 'deadline of each gRPC call',
  }),
  KEYCLOAK_URL: url({
    protocols: ['http:', 'https:'],
    doc: 'Keycloak base URL, e.g. https://sso.example',
  }),
  KEYCLOAK_REALM: str({ default: 'posa', doc: 'realm of POSA' }),
  KEYCLOAK_CLIENT_ID: str({ default: 'posa-edge', doc: 'confidential client of the edge' }),
  KEYCLOAK_CLIENT_SECRET: str({
    default: 'dev-only-posa-edge-secret',
    secret: true,
    doc: 'client secret (the default is the development realm value)',
  }),
  SESSION_STORE: oneOf(['redis', 'memory'] as const, {
    required: false,
    doc: 'where sessions live (default: redis when REDIS_URL is set, else memory)',
  }),
  REDIS_URL: url({
    protocols: ['redis:', 'rediss:'],
    required: false,
    secret: true,
    doc: 'sessions and rate limits',
  }),
  REDIS_KEY_PREFIX: str({
    default: 'posa:edge:',
    doc: 'prefix of every Redis key (sessions, rate limits)',
  }),
  SESSION_SECRET: str({
    required: false,
    secret: true,
    doc: 'signs the session cookie; random per process when unset (sessions then end at restart)',
  }),
  SESSION_MAX_AGE_MS: int({
    min: 60_000,
    max: 86_400_000,
    default: 36_000_000,
    doc: 'session cookie lifetime',
  }),
  RATE_LIMIT_PER_MINUTE: int({
    min: 1,
    max: 100_000,
    default: 600,
    doc: 'requests per client address',
  }),
  SIGNIN_RATE_LIMIT_PER_MINUTE: int({
    min: 1,
    max: 10_000,
    default: 20,
    doc: 'sign-in requests per address',
  }),
  SERVICE_CLIENT_ID: str({
    default: 'posa-services',
    doc: 'service-account client the edge uses for citizens (online applications, complaints)',
  }),
  SERVICE_CLIENT_SECRET: str({
    default: 'dev-only-posa-services-secret',
    secret: true,
    doc: 'secret of SERVICE_CLIENT_ID (the default is the development realm value)',
  }),
  CITIZEN_RATE_LIMIT_PER_MINUTE: int({
    min: 1,
    max: 100_000,
    default: 60,
    doc: 'requests per address to the public citizen pages and /api/v1/public',
  }),
  CITIZEN_POST_RATE_LIMIT_PER_MINUTE: int({
    min: 1,
    max: 10_000,
    default: 10,
    doc: 'submissions (POST) per address to the public citizen pages and /api/v1/public',
  }),
};

export type EdgeConfig = ConfigOf<typeof configSchema>;

export function loadEdgeConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): EdgeConfig {
  const config = loadConfig(configSchema, env);
  if (config.SESSION_STORE === 'redis' && config.REDIS_URL === undefined) {
    throw new ConfigError([{ variable: 'SESSION_STORE', reason: 'redis needs REDIS_URL' }]);
  }
  return config;
}

/** The session store in effect: explicit, else Redis when a URL is given. */
export function sessionStoreKind(config: EdgeConfig): 'redis' | 'memory' {
  return config.SESSION_STORE ?? (config.REDIS_URL === undefined ? 'memory' : 'redis');
}
