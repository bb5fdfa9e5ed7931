/** Process entry: configuration, logger, the app, signals. Preload @posa/platform/register. */
import { runService } from '@posa/platform';
import { createApp } from './app';
import { configSchema, loadEdgeConfig } from './config';

runService({ name: 'edge', schema: configSchema, loadConfig: loadEdgeConfig, createApp });
