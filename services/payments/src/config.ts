/** Environment of the payments service, validated once at start. */
import {
  eventsConfigSchema,
  grpcServiceConfigSchema,
  loadConfig,
  str,
  type ConfigOf,
} from '@posa/platform';

export const configSchema = {
  ...grpcServiceConfigSchema('payments'),
  ...eventsConfigSchema,
  LEDGER_CONSUMER_GROUP: str({
    default: 'payments',
    doc: 'consumer group reading posa.cases.events.v1 into the ledger (another group rebuilds a ledger from the start of the topic)',
  }),
  PAYMENT_SIGNING_KEY: str({
    required: false,
    secret: true,
    doc: 'Ed25519 private key (PEM, PKCS#8) signing the checksum files of payment files; unset only in the embedded run and tests, where a key is generated per process',
  }),
};

export type PaymentsConfig = ConfigOf<typeof configSchema>;

export function loadPaymentsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): PaymentsConfig {
  return loadConfig(configSchema, env);
}
