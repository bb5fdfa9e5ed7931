/** Environment of the identity service, validated once at start. */
import {
  bool,
  eventsConfigSchema,
  grpcServiceConfigSchema,
  int,
  loadConfig,
  oneOf,
  str,
  type ConfigOf,
} from '@posa/platform';

export const configSchema = {
  ...grpcServiceConfigSchema('identity'),
  ...eventsConfigSchema,
  CATALOGUE_DIR: str({
    required: false,
    doc: 'directory of the reference CSV files (default: the shipped data/)',
  }),
  CATALOGUE_RELOAD: bool({
    default: false,
    doc: 'replace the loaded catalogue when its files changed (otherwise a changed file stops the start)',
  }),
  IDENTITY_PROVIDER: oneOf(['keycloak', 'local'] as const, {
    default: 'keycloak',
    doc: "where accounts are provisioned: Keycloak's admin API, or identity's own credential store (embedded run)",
  }),
  KEYCLOAK_ADMIN_CLIENT_ID: str({
    default: 'posa-services',
    doc: 'confidential client whose service account holds manage-users, view-users, query-users',
  }),
  KEYCLOAK_ADMIN_CLIENT_SECRET: str({
    required: false,
    secret: true,
    doc: 'secret of KEYCLOAK_ADMIN_CLIENT_ID (required with IDENTITY_PROVIDER=keycloak)',
  }),
  RECONCILE_INTERVAL_MS: int({
    min: 0,
    max: 86_400_000,
    default: 900_000,
    doc: 'period of the account/identity-provider drift check; 0 turns the periodic run off',
  }),
};

export type IdentityConfig = ConfigOf<typeof configSchema>;

export function loadIdentityConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IdentityConfig {
  return loadConfig(configSchema, env);
}
