/**
 * Prometheus metrics (prom-client): one Registry per process with the default Node.js
 * metrics and the RED metrics of gRPC (server and client) and HTTP.
 *
 * Names follow go-grpc-prometheus so standard dashboards work: grpc_server_started_total,
 * grpc_server_handled_total, grpc_server_handling_seconds, grpc_client_handled_total,
 * grpc_client_handling_seconds; labels grpc_type (unary|server_stream|client_stream), grpc_service,
 * grpc_method and grpc_code (upper-case status name, e.g. NOT_FOUND). The gRPC ones are
 * kept by grpc-metrics.ts (cheap on the call path); the HTTP ones are prom-client's.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { GrpcMetricsFamily } from './grpc-metrics';
import type { GrpcType } from './grpc-metrics';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsOptions {
  /** Register process and Node.js default metrics (default true). */
  defaultMetrics?: boolean;
  /** Added to every series (e.g. `{ service: 'households' }`). */
  defaultLabels?: Record<string, string>;
}

/** What the gRPC helpers record for one method. */
export interface GrpcMethodMetrics {
  /** Count a started call (server side only). */
  started(): void;
  /** Count a finished call with its status code and duration in seconds. */
  handled(code: number, seconds: number): void;
}

/** The process's metrics: a registry and the instruments the platform helpers record. */
export class Metrics {
  readonly registry = new Registry();
  private readonly grpcServer = new GrpcMetricsFamily('grpc_server', LATENCY_BUCKETS);
  private readonly grpcClient = new GrpcMetricsFamily('grpc_client', LATENCY_BUCKETS);
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpSeconds: Histogram<'method' | 'route' | 'status'>;

  constructor(options: MetricsOptions = {}) {
    if (options.defaultLabels) this.registry.setDefaultLabels(options.defaultLabels);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.grpcServer.register(this.registry, true);
    this.grpcClient.register(this.registry, false);
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: 'http_server_requests_total',
      help: 'HTTP requests handled, by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Time to handle an HTTP request',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  /** Instruments for one server method (`service` is the full name, e.g. posa.cases.v1.CaseService). */
  grpcServerMethod(type: GrpcType, service: string, method: string): GrpcMethodMetrics {
    const s = this.grpcServer.method(type, service, method);
    return { started: () => void s.started++, handled: (code, secs) => s.handled(code, secs) };
  }

  /** Instruments for one client method. */
  grpcClientMethod(type: GrpcType, service: string, method: string): GrpcMethodMetrics {
    const s = this.grpcClient.method(type, service, method);
    return { started: () => undefined, handled: (code, secs) => s.handled(code, secs) };
  }

  /** Text exposition of every metric (the body of GET /metrics). */
  expose(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Splits `/pkg.Service/Method` into its service and method names. */
export function splitPath(path: string): { service: string; method: string } {
  const slash = path.lastIndexOf('/');
  return { service: path.slice(1, slash), method: path.slice(slash + 1) };
}

/** The parts of an Express request and response the middleware reads. */
interface HttpReq {
  method?: string;
  baseUrl?: string;
  route?: { path?: unknown };
}
interface HttpRes {
  statusCode: number;
  once(event: 'finish' | 'close', fn: () => void): unknown;
}

/**
 * Express middleware recording http_server_requests_total and
 * http_server_request_duration_seconds. The route label is the matched route template
 * (`/households/:id`), never the raw URL (that could hold personal data and unbounded
 * values); requests that matched no route are labelled `unmatched`.
 */
export function httpMetricsMiddleware(
  metrics: Metrics,
): (req: HttpReq, res: HttpRes, next: () => void) => void {
  return (req, res, next) => {
    const start = performance.now();
    let done = false;
    const record = (): void => {
      if (done) return;
      done = true;
      const routePath = req.route?.path;
      const route =
        typeof routePath === 'string' ? `${req.baseUrl ?? ''}${routePath}` : 'unmatched';
      const labels = { method: req.method ?? 'GET', route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpSeconds.observe(labels, (performance.now() - start) / 1000);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
