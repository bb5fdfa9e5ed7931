import * as net from 'node:net';
import * as path from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { repoRoot } from './paths';

/** An engine running in a container started by this process. */
export interface ContainerEngine {
  /** Connection string: URL, or host:port for Kafka. */
  readonly address: string;
  readonly container: StartedTestContainer;
}

const KEYCLOAK_IMAGE = 'quay.io/keycloak/keycloak:26.4.7';

// Loaded on first use: the package takes about 0.4 s to load and most runs never need it.
function testcontainers(): typeof import('testcontainers') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('testcontainers') as typeof import('testcontainers');
}

export async function startPostgresContainer(): Promise<ContainerEngine> {
  const { GenericContainer, Wait } = testcontainers();
  const container = await new GenericContainer('postgres:18')
    .withEnvironment({ POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const address = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { address, container };
}

export async function startRedisContainer(): Promise<ContainerEngine> {
  const { GenericContainer, Wait } = testcontainers();
  const container = await new GenericContainer('redis:7')
    .withCommand(['redis-server', '--save', '', '--appendonly', 'no'])
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .start();
  return { address: `redis://${container.getHost()}:${container.getMappedPort(6379)}`, container };
}

/**
 * Kafka advertises the address clients must use, so the host port is chosen before the
 * container starts and bound to the same number inside it.
 */
export async function startKafkaContainer(): Promise<ContainerEngine> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = testcontainers();
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const port = await freePort();
  const container = await new GenericContainer('apache/kafka:3.9.1')
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_MIN_INSYNC_REPLICAS: '1',
      KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return { address: `${host}:${port}`, container };
}

/** Keycloak with the product realm imported, in development mode (admin/admin). */
export async function startKeycloakContainer(): Promise<ContainerEngine> {
  const { GenericContainer, Wait } = testcontainers();
  const container = await new GenericContainer(KEYCLOAK_IMAGE)
    .withEnvironment({ KC_BOOTSTRAP_ADMIN_USERNAME: 'admin', KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin' })
    .withCopyFilesToContainer([
      {
        source: path.join(repoRoot, 'deploy', 'keycloak', 'posa-realm.json'),
        target: '/opt/keycloak/data/import/posa-realm.json',
      },
    ])
    .withCommand(['start-dev', '--import-realm', '--http-port=8080'])
    .withExposedPorts(8080)
    .withWaitStrategy(Wait.forHttp('/realms/posa/.well-known/openid-configuration', 8080))
    .withStartupTimeout(180_000)
    .start();
  return { address: `http://${container.getHost()}:${container.getMappedPort(8080)}`, container };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
