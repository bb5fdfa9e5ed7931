export type { DbLogger } from './logger';
export { createPool, closePool, POOL_DEFAULTS, type PoolOptions } from './pool';
export {
  withTransaction,
  DEFAULT_TRANSACTION_RETRIES,
  type IsolationLevel,
  type TransactionOptions,
} from './transaction';
export {
  runMigrations,
  readMigrationDirectory,
  PLATFORM_MIGRATIONS_DIR,
  PLATFORM_MIGRATIONS_TABLE,
  SERVICE_MIGRATIONS_TABLE,
  MIGRATION_LOCK_KEY,
  type RunMigrationsOptions,
  type AppliedMigrationResult,
  type MigrationScope,
} from './migrations';
export {
  MigrationError,
  checksumOf,
  orderMigrations,
  planMigrations,
  parseMigrationFileName,
  type MigrationFile,
  type MigrationSource,
  type AppliedMigration,
} from './migration-files';
export {
  appendToOutbox,
  validateOutboxEvents,
  OutboxValidationError,
  MAX_OUTBOX_BATCH,
  type OutboxEvent,
  type OutboxRow,
} from './outbox';
export { serverSettingsFor } from './server-settings';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresHandle,
} from './embedded-postgres';
export {
  PG_CODES,
  isPgError,
  pgErrorCode,
  isRetryableTransactionError,
  mapPgError,
  DbConstraintError,
  UniqueViolation,
  ForeignKeyViolation,
  CheckViolation,
  NotNullViolation,
  SerializationFailure,
  type PgErrorLike,
} from './errors';
