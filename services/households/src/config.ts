/** Environment of the households service, validated once at start. */
import {
  eventsConfigSchema,
  grpcServiceConfigSchema,
  int,
  loadConfig,
  url,
  type ConfigOf,
} from '@posa/platform';

/** The national population database (CSDL quốc gia về dân cư), see src/population/. */
const populationConfigSchema = {
  POPULATION_REGISTRY_URL: url({
    required: false,
    protocols: ['http:', 'https:'],
    doc: 'base URL of the population database; unset starts the in-process simulator',
  }),
  POPULATION_REGISTRY_TIMEOUT_MS: int({
    min: 100,
    max: 60_000,
    default: 3000,
    doc: 'bound of one verification attempt',
  }),
  POPULATION_REGISTRY_RETRIES: int({
    min: 0,
    max: 5,
    default: 2,
    doc: 'further attempts after a timeout, network error or 5xx answer',
  }),
};

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
