import * as grpc from '@grpc/grpc-js';
import { Metrics } from '../metrics';
import { createGrpcClient } from './client';
import type { GrpcClient } from './client';
import type { ServerInterceptor } from './context';
import {
  AlreadyExistsError,
  DeadlineExceededError,
  FailedPreconditionError,
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  UnavailableError,
} from './errors';
import { EchoClient, EchoService } from './echo-service.fixture';
import type { EchoResponse } from './echo-service.fixture';
import { createGrpcServer, service } from './server';
import type { GrpcServer } from './server';
import { deferred, memoryLogger } from './test-support.fixture';

const FAILURES: Record<string, () => Error> = {
  invalid: () => new InvalidArgumentError('household.size', 'must be at least 1'),
  notfound: () => new NotFoundError('household not found'),
  exists: () => new AlreadyExistsError('household already registered'),
  denied: () => new PermissionDeniedError('outside your jurisdiction'),
  precondition: () => new FailedPreconditionError('case is closed'),
  unauth: () => new UnauthenticatedError('token expired'),
  bug: () => new Error('db said: connection reset'),
};

const invocations = new Map<string, number>();
const log = memoryLogger();
const metrics = new Metrics({ defaultMetrics: false });
const slowStarted = { current: deferred() };
const slowAborted = { current: deferred<string>() };

const unitInterceptor: ServerInterceptor = ({ metadata, method }) => {
  if (metadata.get('x-reject').length > 0) throw new UnauthenticatedError(`no access to ${method}`);
  const unit = metadata.get('x-unit')[0];
  return typeof unit === 'string' ? { unit } : undefined;
};

let server: GrpcServer;
let client: GrpcClient<typeof EchoService>;
let address: string;

beforeAll(async () => {
  server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    metrics,
    interceptors: [unitInterceptor],
    services: [
      service(EchoService, {
        say: (req, ctx) => {
          invocations.set('say', (invocations.get('say') ?? 0) + 1);
          const unit = ctx.values.unit;
          return { text: typeof unit === 'string' ? `${req.text}@${unit}` : req.text };
        },
        fail: async (req) => {
          const n = (invocations.get(req.text) ?? 0) + 1;
          invocations.set(req.text, n);
          const m = /^unavailable-(\d+)$/.exec(req.text);
          if (m) {
            if (n < Number(m[1])) throw new UnavailableError('warming up');
            return { text: 'ok', n };
          }
          const make = FAILURES[req.text];
          throw make ? make() : new Error(`unknown failure ${req.text}`);
        },
        slow: (req, ctx) => {
          slowStarted.current.resolve();
          return new Promise<EchoResponse>((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              slowAborted.current.resolve('aborted');
              resolve({ text: req.text });
            });
          });
        },
        count: async function* (req) {
          for (let i = 1; i <= (req.count ?? 0); i++) {
            if (req.text === 'break' && i === 3) throw new FailedPreconditionError('stream broke at 3');
            yield { text: req.text, n: i };
          }
        },
      }),
    ],
  });
  const port = await server.start();
  address = `127.0.0.1:${port}`;
  client = createGrpcClient(EchoClient, address, { metrics, retry: { initialBackoffMs: 5 }, idempotentMethods: ['say'] });
});

afterAll(async () => {
  client.close();
  await server.stop(1000);
});

/** Sum of a metric's series matching the labels (histograms: their _count). */
async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((v) => (v as { metricName?: string }).metricName === undefined || (v as { metricName?: string }).metricName === `${name}_count`)
    .filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))
    .reduce((sum, v) => sum + v.value, 0);
}

const SAY = { grpc_service: 'posa.test.v1.EchoService', grpc_method: 'Say' };

describe('unary calls through createGrpcServer and createGrpcClient', () => {
  it('returns the response and passes interceptor values to the handler', async () => {
    await expect(client.call('say', { text: 'hi' }, { metadata: { 'x-unit': '01' } })).resolves.toEqual({ text: 'hi@01' });
    await expect(client.call('say', { text: 'plain' })).resolves.toEqual({ text: 'plain' });
  });

  it('rejects the call with the status an interceptor throws, without running the handler', async () => {
    const before = invocations.get('say') ?? 0;
    const err = await client.call('say', { text: 'x' }, { metadata: { 'x-reject': '1' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect((err as Error).message).toBe('no access to Say');
    expect(invocations.get('say') ?? 0).toBe(before);
  });

  it.each([
    ['invalid', InvalidArgumentError, grpc.status.INVALID_ARGUMENT, 'household.size: must be at least 1'],
    ['notfound', NotFoundError, grpc.status.NOT_FOUND, 'household not found'],
    ['exists', AlreadyExistsError, grpc.status.ALREADY_EXISTS, 'household already registered'],
    ['denied', PermissionDeniedError, grpc.status.PERMISSION_DENIED, 'outside your jurisdiction'],
    ['precondition', FailedPreconditionError, grpc.status.FAILED_PRECONDITION, 'case is closed'],
    ['unauth', UnauthenticatedError, grpc.status.UNAUTHENTICATED, 'token expired'],
  ])('maps %s to its status and back to the same error class', async (kind, ErrorClass, code, message) => {
    const err = await client.call('fail', { text: kind }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErrorClass);
    expect((err as InvalidArgumentError).code).toBe(code);
    expect((err as Error).message).toBe(message);
    if (err instanceof InvalidArgumentError) {
      expect(err.field).toBe('household.size');
      expect(err.reason).toBe('must be at least 1');
    }
  });

  it('sends INVALID_ARGUMENT with the field in trailers to a plain grpc-js client', async () => {
    const raw = new EchoClient(address, grpc.credentials.createInsecure());
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      raw.makeUnaryRequest(EchoService.fail.path, EchoService.fail.requestSerialize, EchoService.fail.responseDeserialize, { text: 'invalid' }, (e) => resolve(e!));
    });
    raw.close();
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toBe('household.size: must be at least 1');
    expect(err.metadata.get('posa-field')).toEqual(['household.size']);
  });

  it('hides unexpected errors behind INTERNAL and logs them with their stack', async () => {
    const err = await client.call('fail', { text: 'bug' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalError);
    expect((err as InternalError).code).toBe(grpc.status.INTERNAL);
    expect((err as Error).message).toBe('internal error');
    expect(JSON.stringify(err)).not.toContain('connection reset');
    const line = log.lines.find((l) => l.msg === 'grpc call failed' && l.grpc_method === 'Fail');
    expect(line).toMatchObject({ level: 'error', grpc_code: 'INTERNAL' });
    expect(String((line?.err as { stack?: string }).stack)).toContain('db said');
  });

  it('fails with DeadlineExceededError when the deadline passes, and aborts the handler signal', async () => {
    slowAborted.current = deferred<string>();
    const err = await client.call('slow', { text: 'wait' }, { deadlineMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    await expect(slowAborted.current.promise).resolves.toBe('aborted');
  });
});

describe('retries', () => {
  it('retries UNAVAILABLE for a call marked idempotent until it succeeds', async () => {
    await expect(client.call('fail', { text: 'unavailable-3' }, { idempotent: true })).resolves.toEqual({ text: 'ok', n: 3 });
    expect(invocations.get('unavailable-3')).toBe(3);
  });

  it('does not retry a call that is not idempotent', async () => {
    await expect(client.call('fail', { text: 'unavailable-2' })).rejects.toBeInstanceOf(UnavailableError);
    expect(invocations.get('unavailable-2')).toBe(1);
  });

  it('gives up after maxAttempts', async () => {
    await expect(client.call('fail', { text: 'unavailable-9' }, { idempotent: true })).rejects.toBeInstanceOf(UnavailableError);
    expect(invocations.get('unavailable-9')).toBe(3);
  });

  it('retries methods listed as idempotent, but never errors other than UNAVAILABLE/DEADLINE_EXCEEDED', async () => {
    await expect(client.call('fail', { text: 'notfound' }, { idempotent: true })).rejects.toBeInstanceOf(NotFoundError);
    const before = invocations.get('notfound') ?? 0;
    await expect(client.call('fail', { text: 'notfound' }, { idempotent: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(invocations.get('notfound')).toBe(before + 1);
  });
});

describe('server streaming', () => {
  it('streams every message the handler yields', async () => {
    const got: EchoResponse[] = [];
    for await (const m of client.stream('count', { text: 'c', count: 4 })) got.push(m);
    expect(got.map((m) => m.n)).toEqual([1, 2, 3, 4]);
  });

  it('ends the stream with the mapped status when the handler throws', async () => {
    const got: number[] = [];
    const err = await (async () => {
      for await (const m of client.stream('count', { text: 'break', count: 5 })) got.push(m.n ?? 0);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FailedPreconditionError);
    expect(got).toEqual([1, 2]);
  });
});

describe('metrics and logs', () => {
  it('counts started and handled calls on both sides', async () => {
    const started = await metricValue('grpc_server_started_total', SAY);
    const okServer = await metricValue('grpc_server_handled_total', { ...SAY, grpc_code: 'OK' });
    const okClient = await metricValue('grpc_client_handled_total', { ...SAY, grpc_code: 'OK' });
    const timed = await metricValue('grpc_server_handling_seconds', SAY);
    for (let i = 0; i < 3; i++) await client.call('say', { text: 'm' });
    expect(await metricValue('grpc_server_started_total', SAY)).toBe(started + 3);
    expect(await metricValue('grpc_server_handled_total', { ...SAY, grpc_code: 'OK' })).toBe(okServer + 3);
    expect(await metricValue('grpc_client_handled_total', { ...SAY, grpc_code: 'OK' })).toBe(okClient + 3);
    expect(await metricValue('grpc_server_handling_seconds', SAY)).toBe(timed + 3);
    const failed = { grpc_service: 'posa.test.v1.EchoService', grpc_method: 'Fail', grpc_code: 'NOT_FOUND' };
    const nf = await metricValue('grpc_server_handled_total', failed);
    await client.call('fail', { text: 'notfound' }).catch(() => undefined);
    expect(await metricValue('grpc_server_handled_total', failed)).toBe(nf + 1);
  });

  it('logs method, status and duration of each call but never payloads', async () => {
    await client.call('say', { text: 'Tran Thi B 0912345678' });
    const line = log.lines.filter((l) => l.grpc_method === 'Say').pop();
    expect(line).toMatchObject({ msg: 'grpc call', grpc_service: 'posa.test.v1.EchoService', grpc_code: 'OK', service: 'test' });
    expect(typeof line?.duration_ms).toBe('number');
    expect(log.text()).not.toContain('Tran Thi B');
  });
});
