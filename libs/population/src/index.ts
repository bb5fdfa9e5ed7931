export {
  HttpPopulationRegistry,
  type HttpPopulationRegistryOptions,
} from './http-population-registry';
export { populationConfigSchema } from './population-config';
export {
  VERIFIED_FIELDS,
  VERIFY_PATH,
  type PopulationRegistry,
  type Sex,
  type VerifiedField,
  type VerifyOutcome,
  type VerifyQuery,
  type VerifyResult,
} from './population-registry';
export { PopulationSimulator } from './population-simulator';
export {
  wirePopulationRegistry,
  type PopulationSettings,
  type PopulationWiring,
} from './population-wiring';
export type { SimulatedPerson } from './simulator-rules';
export {
  BIRTH_PROVINCE_CODES,
  CENTURY_SEX_DIGITS,
  centurySexDigit,
  citizenIdProblem,
} from './citizen-id';
