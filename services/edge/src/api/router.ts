/** Mounts the route table on an Express router: JSON in and out, errors as `{ error: {...} }`. */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '@posa/platform';
import type { createCsrf } from '../http/csrf';
import { errorBody, toHttpError } from '../http/errors';
import { FileAnswer } from './file-answer';
import { buildOpenApi } from './openapi';
import { apiRoutes, type ApiDeps } from './route-table';

export interface ApiRouterDeps {
  units: ApiDeps['units'];
  accounts: ApiDeps['accounts'];
  households: ApiDeps['households'];
  imports: ApiDeps['imports'];
  importLimits: ApiDeps['importLimits'];
  reviews: ApiDeps['reviews'];
  registryQuality: ApiDeps['registryQuality'];
  cases: ApiDeps['cases'];
  onlineApplications: ApiDeps['onlineApplications'];
  complaints: ApiDeps['complaints'];
  payments: ApiDeps['payments'];
  csrf: ReturnType<typeof createCsrf>;
  logger: Logger;
}

export function apiRouter(deps: ApiRouterDeps): Router {
  const router = Router();
  const document = buildOpenApi();
  const apiDeps: ApiDeps = {
    units: deps.units,
    accounts: deps.accounts,
    households: deps.households,
    imports: deps.imports,
    importLimits: deps.importLimits,
    reviews: deps.reviews,
    registryQuality: deps.registryQuality,
    cases: deps.cases,
    onlineApplications: deps.onlineApplications,
    complaints: deps.complaints,
    payments: deps.payments,
    openApi: () => document,
  };
  router.use(express.json({ limit: '16kb' }));
  router.use((_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  for (const route of apiRoutes) {
    const handle = async (req: Request, res: Response): Promise<void> => {
      const body = await route.handler(req, apiDeps);
      if (body instanceof FileAnswer) return body.send(res, route.success.status);
      res.status(route.success.status).json(body);
    };
    if (route.method === 'get') router.get(route.path, handle);
    // Public routes act for no signed-in user (no ambient credential to protect): no CSRF.
    else if (!route.authenticated) router.post(route.path, handle);
    else router.post(route.path, deps.csrf.csrfSynchronisedProtection, handle);
  }
  router.use((_req: Request, res: Response) => {
    res
      .status(404)
      .json(errorBody({ status: 404, code: 'NOT_FOUND', message: 'no such API route' }));
  });
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const error = toHttpError(err);
    const parseFailure = (err as { type?: unknown }).type === 'entity.parse.failed';
    const mapped = parseFailure
      ? { status: 400, code: 'INVALID_ARGUMENT', field: 'body', message: 'body is not valid JSON' }
      : error;
    if (mapped.status >= 500) deps.logger.error({ err, code: mapped.code }, 'api request failed');
    res.status(mapped.status).json(errorBody(mapped));
  });
  return router;
}
