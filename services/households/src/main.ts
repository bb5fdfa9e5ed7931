/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import {
  createLogger,
  createShutdown,
  describeConfig,
  shutdownTelemetry,
  ShutdownOrder,
} from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadHouseholdsConfig } from './config';

async function main(): Promise<void> {
  const config = loadHouseholdsConfig();
  const logger = createLogger({ service: 'households', level: config.LOG_LEVEL });
  logger.info({ config: describeConfig(configSchema, config) }, 'starting');
  const app = createApp(config, logger);
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
    logger.fatal({ err }, 'households failed to start');
    await shutdownTelemetry();
    process.exit(1);
  }
}

void main();
