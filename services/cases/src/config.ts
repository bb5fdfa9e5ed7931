/** Environment of the cases service, validated once at start. */
import {
  eventsConfigSchema,
  grpcServiceConfigSchema,
  int,
  loadConfig,
  str,
  type ConfigOf,
} from '@posa/platform';
import { populationConfigSchema } from '@posa/population';

export const configSchema = {
  ...grpcServiceConfigSchema('cases'),
  ...eventsConfigSchema,
  ...populationConfigSchema,
  SERVICE_CLIENT_ID: str({
    default: 'posa-services',
    doc: 'Keycloak client whose service-account tokens act for the whole system (the edge for citizens)',
  }),
  HOUSEHOLDS_ADDRESS: str({
    default: '127.0.0.1:50052',
    doc: 'host:port of the households gRPC server (the beneficiary is read from the registry)',
  }),
  ONLINE_ATTACHMENT_MAX_BYTES: int({
    default: 5 * 1024 * 1024,
    min: 1,
    max: 50 * 1024 * 1024,
    doc: 'Largest attachment of an online application, bytes (the gRPC message limit follows)',
  }),
  ONLINE_MAX_PER_CITIZEN_PER_DAY: int({
    default: 3,
    min: 1,
    doc: 'Online applications (and citizen complaints) accepted per citizen ID in 24 hours',
  }),
  ONLINE_MAX_PER_SOURCE_PER_HOUR: int({
    default: 20,
    min: 1,
    doc: 'Online applications (and citizen complaints) accepted per source address in an hour',
  }),
  CLAMD_ADDRESS: str({
    required: false,
    doc: 'host:port of a clamd daemon scanning attachments (INSTREAM); unset: the built-in EICAR-only check',
  }),
  CLAMD_TIMEOUT_MS: int({ default: 30_000, min: 100, doc: 'Bound of one clamd scan, ms' }),
};

export type CasesConfig = ConfigOf<typeof configSchema>;

export function loadCasesConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CasesConfig {
  return loadConfig(configSchema, env);
}
