import {
  type ContainerEngine,
  startKafkaContainer,
  startKeycloakContainer,
  startPostgresContainer,
  startRedisContainer,
} from './containers';
import { dockerAvailable } from './docker';
import { readInfraEnvFile } from './env-file';
import { infraEnvFile } from './paths';

/** The engines integration tests talk to, and the variable naming each one. */
export const ENGINES = {
  postgres: { variable: 'POSA_TEST_POSTGRES_URL', start: startPostgresContainer },
  kafka: { variable: 'POSA_TEST_KAFKA_BROKERS', start: startKafkaContainer },
  keycloak: { variable: 'POSA_TEST_KEYCLOAK_URL', start: startKeycloakContainer },
  redis: { variable: 'POSA_TEST_REDIS_URL', start: startRedisContainer },
} as const;

export type EngineName = keyof typeof ENGINES;

/** Where an engine's address came from. */
export type EngineSource = 'env' | 'docker' | 'local';

const containers = new Map<EngineName, Promise<ContainerEngine>>();

/**
 * Address of an engine, resolved in this order: the POSA_TEST_* environment variable; a
 * container (testcontainers) when a Docker engine answers; the local processes of
 * scripts/infra/up.sh, read from .posa/infra/env. Throws when none is available.
 */
export async function resolveEngine(
  name: EngineName,
): Promise<{ address: string; source: EngineSource }> {
  const { variable, start } = ENGINES[name];
  const fromEnv = process.env[variable];
  if (fromEnv) return { address: fromEnv, source: 'env' };
  if (await dockerAvailable()) {
    let started = containers.get(name);
    if (started === undefined) {
      started = start();
      containers.set(name, started);
    }
    return { address: (await started).address, source: 'docker' };
  }
  const fromFile = readInfraEnvFile()[variable];
  if (fromFile) return { address: fromFile, source: 'local' };
  throw new Error(
    `${variable} is not set, no Docker engine answers and ${infraEnvFile} does not name it: ` +
      'start the local engines with `npm run infra:up`',
  );
}

/** Admin connection URL of the test PostgreSQL server (database `postgres`). */
export async function getPostgresUrl(): Promise<string> {
  return (await resolveEngine('postgres')).address;
}

/** Kafka bootstrap brokers as host:port strings. */
export async function getKafkaBrokers(): Promise<string[]> {
  const { address } = await resolveEngine('kafka');
  return address
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}

/** Base URL of Keycloak, e.g. http://127.0.0.1:18080 (no trailing slash). */
export async function getKeycloakUrl(): Promise<string> {
  return (await resolveEngine('keycloak')).address.replace(/\/+$/, '');
}

/** Redis URL, e.g. redis://127.0.0.1:16379. */
export async function getRedisUrl(): Promise<string> {
  return (await resolveEngine('redis')).address;
}

/** Stops the containers this process started (none in local or env mode). */
export async function stopContainers(): Promise<void> {
  const started = [...containers.values()];
  containers.clear();
  await Promise.allSettled(started.map(async (engine) => (await engine).container.stop()));
}
