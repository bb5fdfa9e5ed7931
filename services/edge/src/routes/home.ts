/** GET / : the signed-in user's unit (name from UnitService.GetUnit), tier and roles. */
import { Router } from 'express';
import { NATIONAL_UNIT_CODE } from '@posa/auth';
import { InvalidArgumentError, NotFoundError } from '@posa/platform';
import { AdministrativeStructure } from '@posa/proto';
import { unitJson, type LevelName } from '../api/unit-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { unauthenticated } from '../http/errors';
import type { UnitGateway } from '../gateways/unit-gateway';
import { homePage, type Tier } from '../views/home-page';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

/** The tier of an account from its unit: the nation, else the unit's level. */
export function tierOf(unitCode: string, level: LevelName | null | undefined): Tier {
  if (unitCode === NATIONAL_UNIT_CODE) return 'national';
  return level ?? 'unknown';
}

export function homeRoutes(deps: { units: UnitGateway; csrf: Csrf }): Router {
  const router = Router();
  router.get('/', requireSignIn, async (req, res) => {
    const principal = principalOfRequest(req);
    if (principal === undefined) throw unauthenticated('the account is not bound to a unit');
    let unit = null;
    if (principal.unitCode !== NATIONAL_UNIT_CODE) {
      // 3-digit codes are districts, which exist only in the structure before 1 Jul 2025.
      const structure =
        principal.unitCode.length === 3
          ? AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2024
          : AdministrativeStructure.ADMINISTRATIVE_STRUCTURE_2025;
      try {
        unit = unitJson(
          (await deps.units.getUnit(callerOf(req), { code: principal.unitCode, structure })).unit,
        );
      } catch (err) {
        // A unit code the catalogue does not know is shown as such, not as a failure.
        if (!(err instanceof NotFoundError || err instanceof InvalidArgumentError)) throw err;
      }
    }
    const ctx = pageContext(req, deps.csrf);
    sendPage(
      res,
      200,
      homePage(
        { ...ctx, section: 'home' },
        {
          unitCode: principal.unitCode,
          unit,
          tier: tierOf(principal.unitCode, unit?.level),
          roles: [...principal.roles].sort(),
        },
      ),
    );
  });
  return router;
}
