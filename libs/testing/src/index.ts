export { dockerAvailable } from './docker';
export {
  ENGINES,
  type EngineName,
  type EngineSource,
  getKafkaBrokers,
  getKeycloakUrl,
  getPostgresUrl,
  getRedisUrl,
  resolveEngine,
  stopContainers,
} from './infra';
export { canRestartKafka, restartKafka } from './kafka';
export {
  adminToken,
  CLI_CLIENT,
  createUser,
  decodeTokenPayload,
  deleteUser,
  passwordGrant,
  REALM,
  realmUrl,
  serviceAccountToken,
  SERVICES_CLIENT,
  type TestUser,
} from './keycloak';
export { createTestDatabase, type TestDatabase } from './postgres';
export { infraEnvFile, infraStateDir, repoRoot } from './paths';
export * from './browser';
