/**
 * POST /units/:code/villages (CSRF): creates a village through UnitService.CreateVillage.
 * Success redirects to the commune's page (post/redirect/get); a refusal re-renders the
 * page with the reason next to the field (INVALID_ARGUMENT) or above the form, in the
 * user's language, with the HTTP status of the refusal.
 */
import { Router } from 'express';
import { KIND_OF_NAME, type VillageKindName } from '../api/unit-json';
import { callerOf } from '../http/auth';
import { query } from '../views/html';
import { unitPage, type VillageFormState } from '../views/unit-page';
import type { UnitGateway } from '../gateways/unit-gateway';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';
import { loadUnitModel } from './units';

function bodyText(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

export function villageRoutes(deps: { units: UnitGateway; csrf: Csrf }): Router {
  const router = Router();
  router.post(
    '/units/:code/villages',
    requireSignIn,
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const code = String(req.params.code);
      const date =
        typeof req.query['date'] === 'string' && req.query['date'] !== ''
          ? req.query['date']
          : undefined;
      const name = bodyText(req.body, 'name').slice(0, 200);
      const kind = bodyText(req.body, 'kind');
      const caller = callerOf(req);
      try {
        const created = await deps.units.createVillage(caller, {
          communeCode: code,
          name,
          kind: kind in KIND_OF_NAME ? KIND_OF_NAME[kind as VillageKindName] : 0,
        });
        res.redirect(
          303,
          `/units/${encodeURIComponent(code)}${query({ date, created: created.village?.code })}#villages`,
        );
      } catch (err) {
        const ctx = pageContext(req, deps.csrf);
        const e = describeError(ctx, err);
        if (e.code === 'UNAUTHENTICATED' || e.code === 'INTERNAL' || e.code === 'UNAVAILABLE')
          throw err;
        const form: VillageFormState = { name, kind, fieldErrors: {} };
        if (e.field === 'name' || e.field === 'kind') form.fieldErrors[e.field] = e;
        else form.formError = e;
        const model = await loadUnitModel(deps.units, caller, code, date);
        sendPage(res, e.status, unitPage(ctx, { ...model, villageForm: form }));
      }
    },
  );
  return router;
}
