/**
 * The operations HTTP endpoints of a service (plain node:http):
 *   GET /healthz  liveness: 200 while the process runs
 *   GET /readyz   readiness: 200 when every check passes, else 503; per-check JSON
 *   GET /metrics  Prometheus text exposition
 * Health and metrics listen on their own ports (the charts use 8080 and 9464). When both
 * ports are equal (0 included) a single server answers all three paths.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readiness } from './health';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export interface OpsServerOptions {
  /** Listen address (default 0.0.0.0; tests use 127.0.0.1). */
  host?: string;
  healthPort: number;
  /** Defaults to healthPort (one server). */
  metricsPort?: number;
  readiness?: Readiness;
  metrics?: Metrics;
  logger?: Logger;
}

export interface OpsServer {
  /** Bound ports (useful when 0 was asked). */
  readonly healthPort: number;
  readonly metricsPort: number;
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

function sendJson(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(text);
}

function healthRoutes(readiness: Readiness | undefined): Record<string, Route> {
  return {
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': async (_req, res) => {
      const report = readiness ? await readiness.run() : { ok: true, checks: {} };
      sendJson(res, report.ok ? 200 : 503, {
        status: report.ok ? 'ready' : 'not ready',
        checks: report.checks,
      });
    },
  };
}

function metricsRoutes(metrics: Metrics | undefined): Record<string, Route> {
  if (!metrics) return {};
  return {
    '/metrics': async (_req, res) => {
      const body = await metrics.expose();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    },
  };
}

function listen(
  routes: Record<string, Route>,
  host: string,
  port: number,
  logger?: Logger,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = req.method === 'GET' || req.method === 'HEAD' ? routes[path] : undefined;
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    route(req, res).catch((err: unknown) => {
      logger?.error({ err, path }, 'ops endpoint failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const host = options.host ?? '0.0.0.0';
  const metricsPort = options.metricsPort ?? options.healthPort;
  const health = healthRoutes(options.readiness);
  const metrics = metricsRoutes(options.metrics);
  if (metricsPort === options.healthPort) {
    const server = await listen(
      { ...health, ...metrics },
      host,
      options.healthPort,
      options.logger,
    );
    const port = (server.address() as AddressInfo).port;
    return { healthPort: port, metricsPort: port, close: () => close(server) };
  }
  const healthServer = await listen(health, host, options.healthPort, options.logger);
  let metricsServer: http.Server;
  try {
    metricsServer = await listen(metrics, host, metricsPort, options.logger);
  } catch (err) {
    await close(healthServer);
    throw err;
  }
  return {
    healthPort: (healthServer.address() as AddressInfo).port,
    metricsPort: (metricsServer.address() as AddressInfo).port,
    close: async () => {
      await Promise.all([close(healthServer), close(metricsServer)]);
    },
  };
}
