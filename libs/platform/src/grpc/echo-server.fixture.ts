/**
 * The echo service with behaviour for the client/server tests: `fail` throws the error
 * named by the request text (or UNAVAILABLE until the Nth call for `unavailable-N`),
 * `slow` waits until the call is cancelled, `count` streams `count` messages.
 */
import { Metrics } from '../metrics';
import { createGrpcClient } from './client';
import type { GrpcClient } from './client';
import type { ServerInterceptor } from './context';
import {
  AlreadyExistsError,
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  UnavailableError,
} from './errors';
import { EchoClient, EchoService } from './echo-service.fixture';
import type { EchoResponse } from './echo-service.fixture';
import { createGrpcServer, service } from './server';
import { deferred, memoryLogger } from './test-support.fixture';
import type { Deferred } from './test-support.fixture';

const FAILURES: Record<string, () => Error> = {
  invalid: () => new InvalidArgumentError('household.size', 'must be at least 1'),
  'invalid-vi': () => new InvalidArgumentError('hoTen', 'không được để trống'),
  notfound: () => new NotFoundError('household not found'),
  exists: () => new AlreadyExistsError('household already registered'),
  denied: () => new PermissionDeniedError('outside your jurisdiction'),
  precondition: () => new FailedPreconditionError('case is closed'),
  unauth: () => new UnauthenticatedError('token expired'),
  bug: () => new Error('db said: connection reset'),
};

/** Rejects calls with metadata x-reject; passes x-unit to the handler as ctx.values.unit. */
const unitInterceptor: ServerInterceptor = ({ metadata, method }) => {
  if (metadata.get('x-reject').length > 0) throw new UnauthenticatedError(`no access to ${method}`);
  const unit = metadata.get('x-unit')[0];
  return typeof unit === 'string' ? { unit } : undefined;
};

export interface EchoHarness {
  address: string;
  client: GrpcClient<typeof EchoService>;
  /** Handler invocations by key (`say`, or the request text of `fail`). */
  invocations: Map<string, number>;
  log: ReturnType<typeof memoryLogger>;
  metrics: Metrics;
  /** Resolved with "aborted" when a Slow handler sees its signal abort; replace per test. */
  slowAborted: { current: Deferred<string> };
  close(): Promise<void>;
}

export async function startEchoHarness(): Promise<EchoHarness> {
  const invocations = new Map<string, number>();
  const log = memoryLogger();
  const metrics = new Metrics({ defaultMetrics: false });
  const slowAborted = { current: deferred<string>() };
  const server = createGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger: log.logger,
    metrics,
    callLogLevel: 'info',
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
        slow: (req, ctx) =>
          new Promise<EchoResponse>((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              slowAborted.current.resolve('aborted');
              resolve({ text: req.text });
            });
          }),
        count: async function* (req) {
          for (let i = 1; i <= (req.count ?? 0); i++) {
            if (req.text === 'break' && i === 3)
              throw new FailedPreconditionError('stream broke at 3');
            yield { text: req.text, n: i };
          }
        },
      }),
    ],
  });
  const port = await server.start();
  const address = `127.0.0.1:${port}`;
  const client = createGrpcClient(EchoClient, address, {
    metrics,
    retry: { initialBackoffMs: 5 },
    idempotentMethods: ['say'],
  });
  return {
    address,
    client,
    invocations,
    log,
    metrics,
    slowAborted,
    close: async () => {
      client.close();
      await server.stop(1000);
    },
  };
}

/** Sum of a metric's series matching the labels (histograms: their _count). */
export async function metricValue(
  metrics: Metrics,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((v) => {
      const metricName = (v as { metricName?: string }).metricName;
      return metricName === undefined || metricName === `${name}_count`;
    })
    .filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))
    .reduce((sum, v) => sum + v.value, 0);
}
