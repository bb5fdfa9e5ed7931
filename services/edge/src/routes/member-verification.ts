/**
 * Verification of a member against the national population database:
 *   GET  /households/:id/members/:memberId/verification   stored outcome, verify button
 *   POST /households/:id/members/:memberId/verify         VerifyMember (CSRF), then back
 * The outcome shown is the one stored on the member by the service (dropped when a checked
 * field changes since); the service decides who may verify (officers of the commune).
 */
import { Router, type Request, type Response } from 'express';
import { householdJson, type HouseholdJson } from '../api/household-json';
import { verificationJson } from '../api/quality-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { idParam } from '../forms/household-params';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { RegistryQualityGateway } from '../gateways/registry-quality-gateway';
import { labelOf, type FormState } from '../views/account-parts';
import { memberVerificationPage } from '../views/member-verification-page';
import { formRefusal } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface MemberVerificationDeps {
  households: HouseholdGateway;
  registryQuality: RegistryQualityGateway;
  csrf: Csrf;
}

export function memberVerificationRoutes(deps: MemberVerificationDeps): Router {
  const router = Router();
  router.use('/households', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const render = async (req: Request, res: Response, status: number, form?: FormState) => {
    const id = idParam(req.params['id'], 'id');
    const memberId = idParam(req.params['memberId'], 'member_id');
    const got = await deps.households.getHousehold(callerOf(req), id);
    if (got.household === undefined) throw new Error('the service answered without the household');
    const household: HouseholdJson = householdJson(got.household);
    const member = household.members.find((m) => m.id === memberId);
    if (member === undefined) throw badRequest('member_id', 'is not a member of this household');
    const stored = member.populationCheck ?? null;
    const canVerify =
      writesHouseholdsOf(principalOfRequest(req)) === household.communeCode &&
      member.citizenId !== null &&
      member.deceasedOn === null &&
      !member.mergedIntoMemberId;
    const flash = status === 200 ? takeFlash(req) : undefined;
    sendPage(
      res,
      status,
      memberVerificationPage(pageContext(req, deps.csrf), {
        household,
        member,
        stored,
        canVerify,
        ...(flash ? { flash } : {}),
        ...(form ? { form } : {}),
      }),
    );
  };

  router.get('/households/:id/members/:memberId/verification', (req, res) => render(req, res, 200));

  router.post(
    '/households/:id/members/:memberId/verify',
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const id = idParam(req.params['id'], 'id');
      const memberId = idParam(req.params['memberId'], 'member_id');
      try {
        const done = verificationJson(
          await deps.registryQuality.verifyMember(callerOf(req), memberId),
        );
        req.session.flash = {
          message: 'rq.flash.verified',
          params: {
            outcome: labelOf(pageContext(req, deps.csrf).t, 'rq.outcome', done.outcome ?? ''),
          },
        };
        res.redirect(303, `/households/${id}/members/${memberId}/verification`);
      } catch (err) {
        const refused = formRefusal(pageContext(req, deps.csrf), err, () => false);
        if (refused === undefined) throw err;
        await render(req, res, refused.status, refused.form);
      }
    },
  );

  return router;
}
