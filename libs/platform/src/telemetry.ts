/**
 * OpenTelemetry tracing (NodeSDK) for a service process.
 *
 * Off by default: startTelemetry() starts the SDK only when OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set (and OTEL_SDK_DISABLED is not true), or when
 * the caller passes its own span processors. When it is not started nothing is patched,
 * no spans exist and log lines carry no trace_id/span_id. When started, traces go to the
 * OTLP/HTTP exporter; the resource's service.name comes from OTEL_SERVICE_NAME; http,
 * express, grpc, pg, kafkajs and redis are instrumented (health, readiness and metrics
 * probes are not traced). OpenTelemetry metrics and logs are not set up: metrics are
 * prom-client's, logs are pino's.
 *
 * Instrumentations patch modules as they are required, so this must run before the
 * service loads grpc-js, pg or express: preload it with
 * `node --require @posa/platform/register dist/main.js`.
 *
 * The SDK packages are loaded lazily (they take most of a second to load) so importing
 * @posa/platform stays cheap when tracing is off.
 */
import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';

/* eslint-disable @typescript-eslint/no-require-imports */
type SdkNodeModule = typeof import('@opentelemetry/sdk-node');

export interface TelemetryOptions {
  /** Defaults to OTEL_SERVICE_NAME, then "unknown_service". */
  serviceName?: string;
  /** Replace the OTLP exporter (tests pass a SimpleSpanProcessor over an in-memory exporter). */
  spanProcessors?: NodeSDKConfiguration['spanProcessors'];
  env?: Readonly<Record<string, string | undefined>>;
}

let sdk: NodeSDK | undefined;

/** True when tracing should run with the OTLP exporter for this environment. */
export function telemetryConfigured(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function instrumentations(): NodeSDKConfiguration['instrumentations'] {
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GrpcInstrumentation } =
    require('@opentelemetry/instrumentation-grpc') as typeof import('@opentelemetry/instrumentation-grpc');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { KafkaJsInstrumentation } =
    require('@opentelemetry/instrumentation-kafkajs') as typeof import('@opentelemetry/instrumentation-kafkajs');
  const { RedisInstrumentation } =
    require('@opentelemetry/instrumentation-redis') as typeof import('@opentelemetry/instrumentation-redis');
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => PROBE_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
    }),
    new ExpressInstrumentation(),
    new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch', 'ServerReflectionInfo'] }),
    new PgInstrumentation(),
    new KafkaJsInstrumentation(),
    new RedisInstrumentation(),
  ];
}

/**
 * Starts tracing when configured (see above). Returns whether it started; a second call
 * is a no-op.
 */
export function startTelemetry(options: TelemetryOptions = {}): boolean {
  const env = options.env ?? process.env;
  if (sdk) return true;
  if (!options.spanProcessors && !telemetryConfigured(env)) return false;
  const otel = require('@opentelemetry/sdk-node') as SdkNodeModule;
  let spanProcessors = options.spanProcessors;
  if (!spanProcessors) {
    const { OTLPTraceExporter } =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessors = [new otel.tracing.BatchSpanProcessor(new OTLPTraceExporter())];
  }
  sdk = new otel.NodeSDK({
    serviceName: options.serviceName ?? env.OTEL_SERVICE_NAME ?? 'unknown_service',
    spanProcessors,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: instrumentations(),
  });
  sdk.start();
  return true;
}

/**
 * Flushes and stops tracing (a no-op when it was not started). Never rejects: a collector
 * that cannot be reached is reported on stderr, and shutdown goes on.
 */
export async function shutdownTelemetry(): Promise<void> {
  const current = sdk;
  sdk = undefined;
  if (!current) return;
  try {
    await current.shutdown();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    console.error(
      JSON.stringify({ level: 'warn', msg: 'telemetry flush failed at shutdown', reason }),
    );
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */
