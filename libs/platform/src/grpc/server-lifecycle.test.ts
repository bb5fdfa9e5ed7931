import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { createGrpcClient } from './client';
import { CancelledError, UnavailableError } from './errors';
import { EchoClient, EchoService } from './echo-service.fixture';
import type { EchoResponse } from './echo-service.fixture';
import { createGrpcServer, service } from './server';
import type { GrpcServer } from './server';
import { deferred, memoryLogger, sleep } from './test-support.fixture';
import type { Deferred } from './test-support.fixture';

interface HealthClient extends grpc.Client {
  check(
    req: { service: string },
    cb: (err: grpc.ServiceError | null, res?: { status: string }) => void,
  ): void;
  watch(req: { service: string }): grpc.ClientReadableStream<{ status: string }>;
}

const healthPackage = grpc.loadPackageDefinition(
  protoLoader.loadSync(healthProtoPath, { enums: String }),
) as unknown as {
  grpc: {
    health: {
      v1: { Health: new (address: string, creds: grpc.ChannelCredentials) => HealthClient };
    };
  };
};

function healthClient(port: number): HealthClient {
  return new healthPackage.grpc.health.v1.Health(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
}

function check(client: HealthClient, name: string): Promise<string> {
  return new Promise((resolve, reject) =>
    client.check({ service: name }, (err, res) => (err ? reject(err) : resolve(res!.status))),
  );
}

/** A server whose Slow method waits until the test releases it. */
async function startServer(): Promise<{
  server: GrpcServer;
  port: number;
  started: Deferred<void>;
  release: Deferred<void>;
  log: ReturnType<typeof memoryLogger>;
}> {
  const started = deferred();
  const release = deferred();
  const log = memoryLogger();
  const server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    services: [
      service(EchoService, {
        say: (req) => req,
        fail: () => {
          throw new Error('unused');
        },
        slow: async (req): Promise<EchoResponse> => {
          started.resolve();
          await release.promise;
          return { text: `done ${req.text}` };
        },
        count: function* () {},
      }),
    ],
  });
  const port = await server.start();
  return { server, port, started, release, log };
}

describe('gRPC health and graceful stop', () => {
  it('reports SERVING for the server and each service, NOT_FOUND for unknown services', async () => {
    const { server, port } = await startServer();
    const health = healthClient(port);
    try {
      await expect(check(health, '')).resolves.toBe('SERVING');
      await expect(check(health, 'posa.test.v1.EchoService')).resolves.toBe('SERVING');
      await expect(check(health, 'posa.other.v1.Nope')).rejects.toMatchObject({
        code: grpc.status.NOT_FOUND,
      });
      server.setServing(false);
      await expect(check(health, 'posa.test.v1.EchoService')).resolves.toBe('NOT_SERVING');
    } finally {
      health.close();
      await server.stop(1000);
    }
  });

  it('turns health NOT_SERVING on stop and waits for the in-flight call before closing', async () => {
    const { server, port, started, release } = await startServer();
    const health = healthClient(port);
    const client = createGrpcClient(EchoClient, `127.0.0.1:${port}`);
    const events: string[] = [];
    try {
      const watch = health.watch({ service: 'posa.test.v1.EchoService' });
      const statuses: string[] = [];
      const sawNotServing = new Promise<void>((resolve) =>
        watch.on('data', (m: { status: string }) => {
          statuses.push(m.status);
          if (m.status === 'NOT_SERVING') resolve();
        }),
      );
      watch.on('error', () => undefined);
      const call = client.call('slow', { text: 'x' }).then((r) => {
        events.push('call done');
        return r;
      });
      await started.promise;
      const stopped = server.stop(10_000).then((r) => {
        events.push('stopped');
        return r;
      });
      await sawNotServing;
      expect(statuses).toEqual(['SERVING', 'NOT_SERVING']);
      watch.cancel();
      await sleep(100); // give a stop that does not wait the chance to finish early
      events.push('released');
      release.resolve();
      await expect(call).resolves.toEqual({ text: 'done x' });
      await expect(stopped).resolves.toEqual({ forced: false });
      expect(events).toEqual(['released', 'call done', 'stopped']);
    } finally {
      release.resolve();
      client.close();
      health.close();
    }
  });

  it('cancels calls still running when the grace period ends', async () => {
    const { server, port, started, release } = await startServer();
    const client = createGrpcClient(EchoClient, `127.0.0.1:${port}`);
    try {
      const call = client.call('slow', { text: 'y' }).catch((e: unknown) => e);
      await started.promise;
      await expect(server.stop(100)).resolves.toEqual({ forced: true });
      const err = await call;
      expect(err instanceof CancelledError || err instanceof UnavailableError).toBe(true);
    } finally {
      release.resolve();
      client.close();
    }
  });

  it('by default writes no line for OK calls at level info', async () => {
    const { server, port, log } = await startServer();
    const client = createGrpcClient(EchoClient, `127.0.0.1:${port}`);
    try {
      await client.call('say', { text: 'a' });
      await client.call('fail', { text: 'b' }).catch(() => undefined);
      const calls = log.lines.filter((l) => l.grpc_method !== undefined);
      expect(calls.map((l) => [l.grpc_method, l.grpc_code, l.level])).toEqual([
        ['Fail', 'INTERNAL', 'error'],
      ]);
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('stop is idempotent', async () => {
    const { server } = await startServer();
    const a = server.stop(1000);
    const b = server.stop(1000);
    expect(a).toBe(b);
    await expect(a).resolves.toEqual({ forced: false });
  });
});
