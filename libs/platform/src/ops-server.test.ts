import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readiness } from './health';
import { Metrics, httpMetricsMiddleware } from './metrics';
import { startOpsServer } from './ops-server';
import type { OpsServer } from './ops-server';

async function get(
  port: number,
  path: string,
): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.text(),
  };
}

describe('ops server: /healthz, /readyz, /metrics over real HTTP', () => {
  let dbUp = true;
  let ops: OpsServer;

  afterEach(async () => {
    await ops.close();
  });

  it('serves everything on one port when both ports are equal', async () => {
    const ready = new Readiness().addCheck('db', async () =>
      dbUp ? 'ok' : Promise.reject(new Error('connection refused')),
    );
    const metrics = new Metrics({ defaultMetrics: true });
    ops = await startOpsServer({
      host: '127.0.0.1',
      healthPort: 0,
      metricsPort: 0,
      readiness: ready,
      metrics,
    });
    expect(ops.metricsPort).toBe(ops.healthPort);
    const live = await get(ops.healthPort, '/healthz');
    expect(live).toMatchObject({ status: 200, body: '{"status":"ok"}' });

    dbUp = true;
    const ok = await get(ops.healthPort, '/readyz');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ status: 'ready', checks: { db: { ok: true } } });

    dbUp = false;
    const down = await get(ops.healthPort, '/readyz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({
      status: 'not ready',
      checks: { db: { ok: false, error: 'connection refused' } },
    });

    const m = await get(ops.healthPort, '/metrics');
    expect(m.status).toBe(200);
    expect(m.type).toContain('text/plain');
    expect(m.body).toContain('process_cpu_user_seconds_total');
    expect(m.body).toContain('# TYPE grpc_server_handled_total counter');
    expect((await get(ops.healthPort, '/nope')).status).toBe(404);
  });

  it('serves health and metrics on separate ports', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    ops = await startOpsServer({
      host: '127.0.0.1',
      healthPort: 0,
      metricsPort: await freePort(),
      metrics,
    });
    expect(ops.metricsPort).not.toBe(ops.healthPort);
    expect((await get(ops.healthPort, '/healthz')).status).toBe(200);
    expect((await get(ops.healthPort, '/metrics')).status).toBe(404);
    expect((await get(ops.metricsPort, '/metrics')).status).toBe(200);
    expect((await get(ops.metricsPort, '/healthz')).status).toBe(404);
  });

  it('fails a check that exceeds its timeout, and fails readiness once shutting down', async () => {
    const r = new Readiness().addCheck('hangs', () => new Promise(() => undefined), {
      timeoutMs: 20,
    });
    ops = await startOpsServer({ host: '127.0.0.1', healthPort: 0, readiness: r });
    const res = await get(ops.healthPort, '/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).checks.hangs).toMatchObject({
      ok: false,
      error: 'timed out after 20 ms',
    });

    const s = new Readiness();
    expect((await s.run()).ok).toBe(true);
    s.markShuttingDown();
    expect(await s.run()).toEqual({
      ok: false,
      checks: { shutdown: { ok: false, ms: 0, error: 'shutting down' } },
    });
    expect(() => s.addCheck('a', async () => 1).addCheck('a', async () => 2)).toThrow(
      'readiness check "a" already registered',
    );
  });
});

/** A port that was free a moment ago (so the two servers get different ports). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('httpMetricsMiddleware', () => {
  it('counts requests by method, route template and status', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const middleware = httpMetricsMiddleware(metrics);
    const server = http.createServer((req, res) => {
      const r = req as http.IncomingMessage & { route?: { path: string }; baseUrl?: string };
      middleware(r, res, () => {
        if (req.url?.startsWith('/households/')) {
          r.baseUrl = '/api';
          r.route = { path: '/households/:id' };
          res.statusCode = 200;
        } else res.statusCode = 404;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      await fetch(`http://127.0.0.1:${port}/households/HH-1`);
      await fetch(`http://127.0.0.1:${port}/households/HH-2`);
      await fetch(`http://127.0.0.1:${port}/unknown/thing`);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const text = await metrics.expose();
    expect(text).toContain(
      'http_server_requests_total{method="GET",route="/api/households/:id",status="200"} 2',
    );
    expect(text).toContain(
      'http_server_requests_total{method="GET",route="unmatched",status="404"} 1',
    );
    expect(text).toContain(
      'http_server_request_duration_seconds_count{method="GET",route="/api/households/:id",status="200"} 2',
    );
    expect(text).not.toContain('HH-1');
  });
});
