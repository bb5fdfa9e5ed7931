/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import { runService } from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadHouseholdsConfig } from './config';

runService({
  name: 'households',
  schema: configSchema,
  loadConfig: loadHouseholdsConfig,
  createApp,
});
