/** GET /poverty-standards: the poverty standards, read only (every signed-in user). */
import { Router } from 'express';
import { standardJson } from '../api/standard-json';
import { callerOf } from '../http/auth';
import type { HouseholdGateway } from '../gateways/household-gateway';
import { povertyStandardsPage } from '../views/poverty-standards-page';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export function povertyStandardRoutes(deps: { households: HouseholdGateway; csrf: Csrf }): Router {
  const router = Router();
  router.get('/poverty-standards', requireSignIn, async (req, res) => {
    const found = await deps.households.listStandards(callerOf(req));
    sendPage(
      res,
      200,
      povertyStandardsPage(pageContext(req, deps.csrf), found.standards.map(standardJson)),
    );
  });
  return router;
}
