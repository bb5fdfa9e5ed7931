/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import { runService } from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadPaymentsConfig } from './config';

runService({
  name: 'payments',
  schema: configSchema,
  loadConfig: loadPaymentsConfig,
  createApp,
});
