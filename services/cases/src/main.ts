/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import { runService } from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadCasesConfig } from './config';

runService({
  name: 'cases',
  schema: configSchema,
  loadConfig: loadCasesConfig,
  createApp,
});
