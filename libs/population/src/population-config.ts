/** Environment of a service that talks to the national population database (CSDL quốc gia về dân cư). */
import { int, url } from '@posa/platform';

export const populationConfigSchema = {
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
