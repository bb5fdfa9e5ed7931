/**
 * JSON logger (pino) with service fields, ISO time, the active trace and span ids, and
 * redaction of personal data.
 *
 * Redaction: every key in PERSONAL_DATA_KEYS is replaced by "[redacted]" wherever it
 * appears at depth 1 to 3 of a log record (`email`, `x.email`, `x.y.email`), plus the
 * request headers that carry credentials. This is a safety net: code should not put
 * personal data into logs in the first place. Note that `name` is on the list, so log an
 * error's class as `type` (pino's `err` serializer already does), not `name`.
 */
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Keys whose values are personal data or credentials. */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'name',
  'fullName',
  'full_name',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'citizenId',
  'citizen_id',
  'idNumber',
  'id_number',
  'nationalId',
  'national_id',
  'dateOfBirth',
  'date_of_birth',
  'birthDate',
  'birth_date',
  'address',
  'phone',
  'phoneNumber',
  'phone_number',
  'email',
  'password',
  'secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'authorization',
  'cookie',
  'bankAccount',
  'bank_account',
  'accountNumber',
  'account_number',
];

const CENSOR = '[redacted]';

/** pino redact paths: each key at depth 1, 2 and 3, plus `set-cookie` headers. */
export function redactPaths(keys: readonly string[] = PERSONAL_DATA_KEYS): string[] {
  const paths: string[] = [];
  for (const key of keys) paths.push(key, `*.${key}`, `*.*.${key}`);
  paths.push('*.headers["set-cookie"]', '*["set-cookie"]');
  return paths;
}

export interface LoggerOptions {
  /** Service name (the `service` field of every line). */
  service: string;
  /** Service version; defaults to npm_package_version or "0.0.0". */
  version?: string;
  level?: LogLevel;
  /** Where lines go; defaults to stdout. Tests pass a stream. */
  destination?: pino.DestinationStream;
  /** Extra keys to redact (added to PERSONAL_DATA_KEYS). */
  redactKeys?: readonly string[];
}

/** Adds trace_id and span_id of the span active in the current context, if any. */
function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (span === undefined) return {};
  const sc = span.spanContext();
  if (!isSpanContextValid(sc)) return {};
  return { trace_id: sc.traceId, span_id: sc.spanId };
}

export function createLogger(options: LoggerOptions): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: options.service, version: options.version ?? process.env.npm_package_version ?? '0.0.0' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceFields,
    redact: { paths: redactPaths([...PERSONAL_DATA_KEYS, ...(options.redactKeys ?? [])]), censor: CENSOR },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
