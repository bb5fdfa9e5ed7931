/**
 * Lập hồ sơ (officers of a commune; the service checks the household, the member and the
 * catalogue):
 *   GET  /cases/new?household=&member=   the application form for a living member
 *   POST /cases/new                      SubmitApplication (CSRF); success: the case's page
 * The request id of the form makes a second post of the same form return the case already filed.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { todayInVietnam } from '@posa/platform';
import { householdJson } from '../api/household-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { CASE_PAGE_ROLES, filesCasesOf } from '../http/case-roles';
import { EdgeError } from '../http/errors';
import { requireRole } from '../http/page-roles';
import { idParam } from '../forms/household-params';
import { formSource } from '../forms/case-source';
import { submitRequestOf } from '../forms/case-requests';
import type { CaseGateway } from '../gateways/case-gateway';
import type { HouseholdGateway } from '../gateways/household-gateway';
import { emptyForm, type FormState } from '../views/account-parts';
import { formValuesOf, type FormValues } from '../views/case-parts';
import { caseNewPage } from '../views/case-new-page';
import { caseFormRefusal, catalogueChoices } from './case-support';
import { queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface CaseNewDeps {
  cases: CaseGateway;
  households: HouseholdGateway;
  csrf: Csrf;
}

function requireCommuneOfficer(req: Request): void {
  if (filesCasesOf(principalOfRequest(req)) === undefined)
    throw new EdgeError(
      403,
      'PERMISSION_DENIED',
      'filing applications needs an officer of a commune',
    );
}

export function caseNewRoutes(deps: CaseNewDeps): Router {
  const router = Router();
  router.use('/cases/new', requireSignIn, requireRole(...CASE_PAGE_ROLES));

  const show = async (
    req: Request,
    res: Response,
    status: number,
    ids: { householdId: string; memberId: string },
    values: FormValues,
    form: FormState,
  ): Promise<void> => {
    const caller = callerOf(req);
    const found = await deps.households.getHousehold(caller, ids.householdId);
    if (found.household === undefined)
      throw new Error('the service answered without the household');
    const household = householdJson(found.household);
    if (!household.members.some((m) => m.id === ids.memberId))
      throw new EdgeError(
        400,
        'INVALID_ARGUMENT',
        'is not a member of this household',
        'member_id',
      );
    const choices = await catalogueChoices(deps.cases, caller);
    const page = caseNewPage(pageContext(req, deps.csrf), {
      household,
      memberId: ids.memberId,
      choices,
      values,
      form,
    });
    sendPage(res, status, page);
  };

  router.get('/cases/new', async (req, res) => {
    requireCommuneOfficer(req);
    const ids = {
      householdId: idParam(queryText(req, 'household', 40), 'household_id'),
      memberId: idParam(queryText(req, 'member', 40), 'member_id'),
    };
    const values: FormValues = {
      kind: 'monthly_allowance',
      'payment.channel': 'cash_at_commune',
      application_date: todayInVietnam(),
      request_id: randomUUID(),
    };
    await show(req, res, 200, ids, values, emptyForm());
  });

  router.post('/cases/new', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    requireCommuneOfficer(req);
    const values = formValuesOf(req.body);
    try {
      const filed = await deps.cases.submitApplication(
        callerOf(req),
        submitRequestOf(formSource(req.body)),
      );
      const c = filed.case;
      if (c === undefined) throw new Error('the service answered without the case');
      req.session.flash = { message: 'cs.flash.filed', params: { code: c.caseCode } };
      res.redirect(303, `/cases/${c.caseId}`);
    } catch (err) {
      const refused = caseFormRefusal(pageContext(req, deps.csrf), err, () => true);
      if (refused === undefined) throw err;
      const src = formSource(req.body);
      const ids = {
        householdId: idParam(src.text('household_id'), 'household_id'),
        memberId: idParam(src.text('member_id'), 'member_id'),
      };
      await show(req, res, refused.status, ids, values, refused.form);
    }
  });

  return router;
}
