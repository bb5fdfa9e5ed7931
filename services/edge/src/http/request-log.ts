/**
 * One JSON log line per request: method, route template, status, duration. Never the URL
 * (queries may hold names), addresses, cookies or tokens. Probes and static files are skipped.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@posa/platform';

const QUIET = /^\/(healthz|readyz|static\/)/;

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (QUIET.test(req.path)) return next();
    const start = performance.now();
    res.once('finish', () => {
      const routePath: unknown = req.route?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : 'unmatched';
      const line = {
        method: req.method,
        route,
        status: res.statusCode,
        duration_ms: Math.round(performance.now() - start),
      };
      if (res.statusCode >= 500) logger.warn(line, 'http request');
      else logger.info(line, 'http request');
    });
    next();
  };
}
