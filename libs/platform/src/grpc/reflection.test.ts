import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { EchoService } from './echo-service.fixture';
import { createGrpcServer, service } from './server';
import { memoryLogger } from './test-support.fixture';

const ECHO_PROTO = `syntax = "proto3";
package posa.test.v1;
message EchoRequest { string text = 1; int32 count = 2; }
message EchoResponse { string text = 1; int32 n = 2; }
service EchoService {
  rpc Say(EchoRequest) returns (EchoResponse);
  rpc Fail(EchoRequest) returns (EchoResponse);
  rpc Slow(EchoRequest) returns (EchoResponse);
  rpc Count(EchoRequest) returns (stream EchoResponse);
}
`;

interface ReflectionClient extends grpc.Client {
  serverReflectionInfo(): grpc.ClientDuplexStream<
    { listServices: string },
    { listServicesResponse?: { service: { name: string }[] } }
  >;
}

function reflectionClient(port: number): ReflectionClient {
  const protoFile =
    require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
  const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(protoFile)) as unknown as {
    grpc: {
      reflection: {
        v1: { ServerReflection: new (a: string, c: grpc.ChannelCredentials) => ReflectionClient };
      };
    };
  };
  return new pkg.grpc.reflection.v1.ServerReflection(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
}

const handlers = {
  say: (r: { text: string }) => r,
  fail: (r: { text: string }) => r,
  slow: (r: { text: string }) => r,
  count: function* () {},
};

describe('server reflection', () => {
  it('lists the served services when enabled', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'posa-reflection-'));
    const protoFile = path.join(dir, 'echo.proto');
    fs.writeFileSync(protoFile, ECHO_PROTO);
    const server = createGrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger: memoryLogger().logger,
      services: [service(EchoService, handlers)],
      reflection: true,
      protoFiles: [protoFile],
    });
    const port = await server.start();
    const client = reflectionClient(port);
    try {
      const names = await new Promise<string[]>((resolve, reject) => {
        const call = client.serverReflectionInfo();
        call.on('data', (m: { listServicesResponse?: { service: { name: string }[] } }) => {
          resolve((m.listServicesResponse?.service ?? []).map((s) => s.name));
          call.end();
        });
        call.on('error', reject);
        call.write({ listServices: '' });
      });
      expect(names).toContain('posa.test.v1.EchoService');
    } finally {
      client.close();
      await server.stop(1000);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused without proto files, and off by default', async () => {
    expect(() =>
      createGrpcServer({
        port: 0,
        logger: memoryLogger().logger,
        services: [service(EchoService, handlers)],
        reflection: true,
      }),
    ).toThrow('reflection needs protoFiles');
    const server = createGrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger: memoryLogger().logger,
      services: [service(EchoService, handlers)],
    });
    const port = await server.start();
    const client = reflectionClient(port);
    try {
      const err = await new Promise<grpc.ServiceError>((resolve) => {
        const call = client.serverReflectionInfo();
        call.on('data', () => undefined);
        call.on('error', resolve);
        call.write({ listServices: '' });
      });
      expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    } finally {
      client.close();
      await server.stop(1000);
    }
  });

  it('refuses bidirectional methods and missing handlers', () => {
    const { count: _count, ...withoutCount } = handlers;
    expect(() =>
      createGrpcServer({
        port: 0,
        logger: memoryLogger().logger,
        services: [service(EchoService, withoutCount as typeof handlers)],
      }),
    ).toThrow('/posa.test.v1.EchoService/Count: no handler given for method "count"');
    const bidirectional = {
      up: {
        ...EchoService.say,
        path: '/posa.test.v1.Up/Up',
        requestStream: true,
        responseStream: true,
      },
    } as const;
    expect(() =>
      createGrpcServer({
        port: 0,
        logger: memoryLogger().logger,
        services: [{ definition: bidirectional, implementation: { up: handlers.say } }],
      }),
    ).toThrow('/posa.test.v1.Up/Up: bidirectional streaming methods are not supported');
  });
});
