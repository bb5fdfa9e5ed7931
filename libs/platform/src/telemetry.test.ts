import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTelemetry, shutdownTelemetry, telemetryConfigured } from './telemetry';

describe('telemetryConfigured', () => {
  it('is off unless an OTLP endpoint is set, and OTEL_SDK_DISABLED wins', () => {
    expect(telemetryConfigured({})).toBe(false);
    expect(telemetryConfigured({ OTEL_SERVICE_NAME: 'cases' })).toBe(false);
    expect(telemetryConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(
      true,
    );
    expect(
      telemetryConfigured({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces',
      }),
    ).toBe(true);
    expect(
      telemetryConfigured({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_SDK_DISABLED: 'true',
      }),
    ).toBe(false);
  });

  it('does not start the SDK when nothing is configured', async () => {
    expect(startTelemetry({ env: {} })).toBe(false);
    await expect(shutdownTelemetry()).resolves.toBeUndefined();
  });
});

interface FixtureOutput {
  started: boolean;
  spans: { name: string; kind: number; traceId: string; spanId: string; service: string }[];
  logs: Record<string, unknown>[];
}

/**
 * Instrumentation hooks `require`, which jest replaces with its own module system, so
 * this runs a real traced call in a child Node process and checks what it reports.
 */
describe('tracing a gRPC call made through the platform helpers', () => {
  it('produces linked client and server spans and puts the server span ids in the logs', async () => {
    const fixture = path.join(__dirname, 'telemetry-traced-call.fixture.ts');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--require', require.resolve('tsx/cjs'), fixture],
        { env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as FixtureOutput;
    expect(result.started).toBe(true);
    const server = result.spans.find((s) => s.kind === 1); // SpanKind.SERVER
    const client = result.spans.find((s) => s.kind === 2); // SpanKind.CLIENT
    expect(server).toMatchObject({
      name: 'grpc.posa.test.v1.EchoService/Say',
      service: 'traced-fixture',
    });
    expect(client?.traceId).toBe(server?.traceId);
    const callLine = result.logs.find((l) => l.msg === 'grpc call');
    const handlerLine = result.logs.find((l) => l.msg === 'inside handler');
    for (const line of [callLine, handlerLine]) {
      expect(line).toMatchObject({ trace_id: server?.traceId, span_id: server?.spanId });
    }
  }, 60_000);
});
