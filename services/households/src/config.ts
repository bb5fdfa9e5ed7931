/** Environment of the households service, validated once at start. */
import {
  eventsConfigSchema,
  grpcServiceConfigSchema,
  loadConfig,
  type ConfigOf,
} from '@posa/platform';
import { populationConfigSchema } from '@posa/population';

export const configSchema = {
  ...grpcServiceConfigSchema('households'),
  ...eventsConfigSchema,
  ...populationConfigSchema,
};

export type HouseholdsConfig = ConfigOf<typeof configSchema>;

export function loadHouseholdsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): HouseholdsConfig {
  return loadConfig(configSchema, env);
}
