/**
 * Run as a child process by telemetry.test.ts (instrumentation patches modules as they
 * are required, which jest's module system does not allow): starts telemetry with an
 * in-memory exporter before grpc-js is loaded, makes one call through the platform's
 * server and client, and prints the finished spans and the log lines as JSON.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { tracing } from '@opentelemetry/sdk-node';
import { shutdownTelemetry, startTelemetry } from './telemetry';

async function main(): Promise<void> {
  const exporter = new tracing.InMemorySpanExporter();
  const processor = new tracing.SimpleSpanProcessor(exporter);
  const started = startTelemetry({
    serviceName: 'traced-fixture',
    spanProcessors: [processor],
    env: {},
  });
  const { createGrpcServer, service } = require('./grpc/server') as typeof import('./grpc/server');
  const { createGrpcClient } = require('./grpc/client') as typeof import('./grpc/client');
  const { EchoClient, EchoService } =
    require('./grpc/echo-service.fixture') as typeof import('./grpc/echo-service.fixture');
  const { memoryLogger } =
    require('./grpc/test-support.fixture') as typeof import('./grpc/test-support.fixture');
  const log = memoryLogger();
  const server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    callLogLevel: 'info',
    services: [
      service(EchoService, {
        say: (req) => {
          log.logger.info('inside handler');
          return req;
        },
        fail: () => ({ text: '' }),
        slow: () => ({ text: '' }),
        count: function* () {},
      }),
    ],
  });
  const port = await server.start();
  const client = createGrpcClient(EchoClient, `127.0.0.1:${port}`);
  await client.call('say', { text: 'traced' });
  client.close();
  await server.stop(1000);
  await processor.forceFlush(); // exports wait for the resource's detected attributes
  const spans = exporter.getFinishedSpans().map((s) => ({
    name: s.name,
    kind: s.kind,
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    service: s.resource.attributes['service.name'],
  }));
  await shutdownTelemetry();
  process.stdout.write(`${JSON.stringify({ started, spans, logs: log.lines })}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
