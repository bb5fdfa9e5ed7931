/** GET /healthz (the process runs) and GET /readyz (identity answers gRPC health, Redis answers PING). */
import { Router } from 'express';
import type { Readiness } from '@posa/platform';

export function opsRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await readiness.run();
    res
      .status(report.ok ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({ status: report.ok ? 'ready' : 'not ready', checks: report.checks });
  });
  return router;
}
