/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import { runService } from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadIdentityConfig } from './config';

runService({ name: 'identity', schema: configSchema, loadConfig: loadIdentityConfig, createApp });
