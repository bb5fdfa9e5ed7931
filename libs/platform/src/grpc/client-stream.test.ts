/**
 * Client-streaming methods through createGrpcServer and createGrpcClient (the households
 * file upload uses one): the handler reads every message, interceptors run first, thrown
 * errors become statuses, metrics count the call as client_stream on both sides, an early
 * answer stops the sending, a failing message source cancels the call.
 */
import * as grpc from '@grpc/grpc-js';
import { Metrics } from '../metrics';
import { InvalidArgumentError, UnauthenticatedError } from './errors';
import { metricValue } from './echo-server.fixture';
import { createGrpcClient, type ClientConstructor, type GrpcClient } from './client';
import { createGrpcServer, service, type GrpcServer } from './server';
import { memoryLogger } from './test-support.fixture';

interface Part {
  n: number;
}
const encode = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const decode = (b: Buffer): Part => JSON.parse(b.toString('utf8')) as Part;

const SumService = {
  sum: {
    path: '/posa.test.v1.SumService/Sum',
    requestStream: true,
    responseStream: false,
    requestSerialize: encode,
    requestDeserialize: decode,
    responseSerialize: encode,
    responseDeserialize: decode,
    originalName: 'Sum',
  },
} as const;

type RawSumClient = grpc.Client & {
  sum(
    metadata: grpc.Metadata,
    callback: (err: grpc.ServiceError | null, res?: Part) => void,
  ): grpc.ClientWritableStream<Part>;
};
const SumClient = grpc.makeGenericClientConstructor(SumService, 'posa.test.v1.SumService');

let server: GrpcServer;
let client: RawSumClient;
let sums: GrpcClient<typeof SumService>;
const metrics = new Metrics();
const clientMetrics = new Metrics();

beforeAll(async () => {
  server = createGrpcServer({
    port: 0,
    host: '127.0.0.1',
    logger: memoryLogger().logger,
    metrics,
    interceptors: [
      ({ metadata }) => {
        if (metadata.get('x-reject').length > 0) throw new UnauthenticatedError('no access');
        return { unit: String(metadata.get('x-unit')[0] ?? '') };
      },
    ],
    services: [
      service(SumService, {
        async sum(messages, ctx) {
          let n = 0;
          for await (const part of messages) {
            if (part.n < 0) throw new InvalidArgumentError('n', 'must not be negative');
            n += part.n;
          }
          return { n: ctx.values['unit'] === '01' ? n * 100 : n };
        },
      }),
    ],
  });
  const port = await server.start();
  client = new SumClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  ) as unknown as RawSumClient;
  sums = createGrpcClient(
    SumClient as unknown as ClientConstructor<typeof SumService>,
    `127.0.0.1:${port}`,
    { metrics: clientMetrics },
  );
});

afterAll(async () => {
  client.close();
  sums.close();
  await server.stop(1000);
});

function send(parts: number[], headers: Record<string, string> = {}): Promise<Part> {
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(headers)) metadata.set(k, v);
  return new Promise((resolve, reject) => {
    const call = client.sum(metadata, (err, res) => (err ? reject(err) : resolve(res!)));
    for (const n of parts) call.write({ n });
    call.end();
  });
}

describe('client-streaming calls', () => {
  it('gives the handler every message and the interceptor values', async () => {
    await expect(send([1, 2, 3, 4])).resolves.toEqual({ n: 10 });
    await expect(send([1, 2], { 'x-unit': '01' })).resolves.toEqual({ n: 300 });
    await expect(send([])).resolves.toEqual({ n: 0 });
  });

  it('ends with the status of an interceptor or of the handler, naming the field', async () => {
    await expect(send([1], { 'x-reject': '1' })).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
    const err = (await send([1, -1, 2]).catch((e: unknown) => e)) as grpc.ServiceError;
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toContain('must not be negative');
    expect(err.metadata.get('posa-field')).toEqual(['n']);
  });

  it('is counted as a client_stream call', async () => {
    const labels = { grpc_type: 'client_stream', grpc_method: 'Sum', grpc_code: 'OK' };
    const before = await metricValue(metrics, 'grpc_server_handled_total', labels);
    await send([5]);
    expect(await metricValue(metrics, 'grpc_server_handled_total', labels)).toBe(before + 1);
  });
});

describe('createGrpcClient.clientStream', () => {
  it('sends every message of an async source and resolves with the answer', async () => {
    async function* parts() {
      for (let n = 1; n <= 100; n++) yield { n };
    }
    await expect(sums.clientStream('sum', parts())).resolves.toEqual({ n: 5050 });
    await expect(
      sums.clientStream('sum', [{ n: 2 }], { metadata: { 'x-unit': '01' } }),
    ).resolves.toEqual({ n: 200 });
    const labels = { grpc_type: 'client_stream', grpc_method: 'Sum', grpc_code: 'OK' };
    expect(await metricValue(clientMetrics, 'grpc_client_handled_total', labels)).toBe(2);
  });

  it('stops reading the source once the server has answered with a refusal', async () => {
    let read = 0;
    async function* parts() {
      for (let n = 0; n < 10_000; n++) {
        read++;
        yield { n: n === 0 ? -1 : n };
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const err = await sums.clientStream('sum', parts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).field).toBe('n');
    expect(read).toBeLessThan(10_000);
  });

  it('cancels the call and throws the error of a failing source', async () => {
    async function* parts() {
      yield { n: 1 };
      throw new Error('the file is too large');
    }
    await expect(sums.clientStream('sum', parts())).rejects.toThrow('the file is too large');
  });
});
