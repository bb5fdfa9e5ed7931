/**
 * Preload entry: `node --require @posa/platform/register dist/main.js`.
 * Starts tracing before the service loads anything it instruments; does nothing unless an
 * OTLP endpoint is configured (see telemetry.ts). Flushing spans at exit is the service's
 * job: register `shutdownTelemetry` as its last shutdown step (ShutdownOrder.flushTelemetry).
 */
import { startTelemetry } from './telemetry';

try {
  startTelemetry();
} catch (err) {
  // Tracing must never keep a service from starting.
  console.error(
    JSON.stringify({ level: 'error', msg: 'telemetry failed to start', err: String(err) }),
  );
}
