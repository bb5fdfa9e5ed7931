/**
 * The process entry every POSA service shares: load and validate the configuration (a bad
 * variable ends the process with one clear message listing every problem), create the
 * logger and the app, register graceful shutdown, start. A service's `main.ts` is one call:
 *
 *   runService({ name: 'identity', schema: configSchema, loadConfig: loadIdentityConfig, createApp });
 *
 * Preload `@posa/platform/register` (node --require) so telemetry hooks load first.
 */
import { ConfigError, describeConfig, type ConfigOf, type ConfigSchema } from './config';
import { createLogger, type LogLevel, type Logger } from './logger';
import { createShutdown, ShutdownOrder } from './shutdown';
import { shutdownTelemetry } from './telemetry';

/** The two settings every service schema has. */
export interface ServiceBaseConfig {
  LOG_LEVEL: LogLevel;
  SHUTDOWN_TIMEOUT_MS: number;
}

export interface ServiceEntry<S extends ConfigSchema, C extends ConfigOf<S> & ServiceBaseConfig> {
  /** Service name: the logger's `service` field and OTEL_SERVICE_NAME by convention. */
  name: string;
  schema: S;
  loadConfig(): C;
  createApp(
    config: C,
    logger: Logger,
  ): { start(): Promise<unknown>; stop(graceMs?: number): Promise<unknown> };
}

export function runService<S extends ConfigSchema, C extends ConfigOf<S> & ServiceBaseConfig>(
  entry: ServiceEntry<S, C>,
): void {
  void run(entry);
}

async function run<S extends ConfigSchema, C extends ConfigOf<S> & ServiceBaseConfig>(
  entry: ServiceEntry<S, C>,
): Promise<void> {
  let config: C;
  try {
    config = entry.loadConfig();
  } catch (err) {
    // Printed as is: the message names every bad variable and never a secret's value.
    console.error(err instanceof ConfigError ? `${entry.name}: ${err.message}` : err);
    process.exit(1);
  }
  const logger = createLogger({ service: entry.name, level: config.LOG_LEVEL });
  logger.info({ config: describeConfig(entry.schema, config) }, 'starting');
  const app = entry.createApp(config, logger);
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.onShutdown(
    'app',
    () => app.stop(Math.max(1000, config.SHUTDOWN_TIMEOUT_MS - 5000)),
    ShutdownOrder.drainGrpc,
  );
  shutdown.onShutdown('telemetry', shutdownTelemetry, ShutdownOrder.flushTelemetry);
  shutdown.installSignalHandlers();
  try {
    await app.start();
  } catch (err) {
    logger.fatal({ err }, `${entry.name} failed to start`);
    await shutdownTelemetry();
    process.exit(1);
  }
}
