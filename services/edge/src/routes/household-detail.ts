/**
 * One household's pages (the service checks role and jurisdiction on every call):
 *   GET  /households/:id?asOf=YYYY-MM-DD           detail, now or as of the end of that day
 *   GET  /households/:id/history                   change log
 *   POST /households/:id/members                   AddMember (CSRF)
 *   GET  /households/:id/members/:memberId         member change form
 *   POST /households/:id/members/:memberId         UpdateMember (CSRF)
 *   POST /households/:id/members/:memberId/deceased MarkMemberDeceased (CSRF)
 * Writes post/redirect/get with a message; a refusal re-renders the form with the reason.
 */
import { Router, type Request, type Response } from 'express';
import {
  changeJson,
  householdJson,
  memberInputOf,
  parseFullDate,
  type HouseholdJson,
} from '../api/household-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { asOfInstant, idParam } from '../forms/household-params';
import type { HouseholdGateway } from '../gateways/household-gateway';
import { emptyForm } from '../views/account-parts';
import { householdHistoryPage } from '../views/household-history-page';
import { householdPage, type HouseholdModel } from '../views/household-page';
import { memberTextFrom, memberTextOf } from '../views/household-parts';
import { memberEditPage } from '../views/member-edit-page';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface HouseholdDetailDeps {
  households: HouseholdGateway;
  csrf: Csrf;
}

const idOf = (req: Request): string => idParam(req.params['id'], 'id');
const memberIdOf = (req: Request): string => idParam(req.params['memberId'], 'member_id');

function versionOf(req: Request): number {
  const v = Number(formText(req, 'expected_version', 10));
  if (!Number.isInteger(v) || v < 1) throw badRequest('expected_version', 'is missing');
  return v;
}

export function householdDetailRoutes(deps: HouseholdDetailDeps): Router {
  const router = Router();
  router.use('/households', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const load = async (req: Request, asOf?: Date): Promise<HouseholdJson> => {
    const res = await deps.households.getHousehold(callerOf(req), idOf(req), asOf);
    if (res.household === undefined) throw new Error('the service answered without the household');
    return householdJson(res.household);
  };

  /** The commune officer of this household may write (the service decides each write). */
  const canWrite = (req: Request, h: HouseholdJson): boolean =>
    writesHouseholdsOf(principalOfRequest(req)) === h.communeCode;

  const render = async (
    req: Request,
    res: Response,
    status: number,
    extra: Partial<HouseholdModel> = {},
  ): Promise<void> => {
    const household = await load(req);
    const model: HouseholdModel = { household, canWrite: canWrite(req, household), ...extra };
    sendPage(res, status, householdPage(pageContext(req, deps.csrf), model));
  };

  router.get('/households/:id', async (req, res) => {
    const asOfText = queryText(req, 'asOf', 40);
    const asOf = asOfInstant(asOfText, 'as_of');
    const household = await load(req, asOf);
    const flash = takeFlash(req);
    sendPage(
      res,
      200,
      householdPage(pageContext(req, deps.csrf), {
        household,
        canWrite: canWrite(req, household),
        ...(asOf ? { asOf: asOfText } : {}),
        ...(flash ? { flash } : {}),
      }),
    );
  });

  router.get('/households/:id/history', async (req, res) => {
    const household = await load(req);
    const history = await deps.households.getHouseholdHistory(callerOf(req), household.id);
    sendPage(
      res,
      200,
      householdHistoryPage(pageContext(req, deps.csrf), {
        household,
        changes: history.changes.map(changeJson),
      }),
    );
  });

  router.post('/households/:id/members', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const id = idOf(req);
    const draft = memberTextFrom(req.body as Record<string, unknown>, 'member');
    const reason = formText(req, 'reason');
    try {
      await deps.households.addMember(callerOf(req), {
        householdId: id,
        expectedVersion: versionOf(req),
        member: memberInputOf(draft, 'member'),
        reason,
      });
      req.session.flash = { message: 'hh.flash.memberAdded', params: { name: draft.fullName } };
      res.redirect(303, `/households/${id}`);
    } catch (err) {
      const refused = formRefusal(
        pageContext(req, deps.csrf),
        err,
        (f) => f.startsWith('member.') || f === 'reason',
      );
      if (refused === undefined) throw err;
      await render(req, res, refused.status, { addMember: { draft, reason, form: refused.form } });
    }
  });

  router.get('/households/:id/members/:memberId', async (req, res) => {
    const household = await load(req);
    const memberId = memberIdOf(req);
    const member = household.members.find((m) => m.id === memberId);
    if (member === undefined) throw badRequest('member_id', 'is not a member of this household');
    sendPage(
      res,
      200,
      memberEditPage(pageContext(req, deps.csrf), {
        household,
        memberId,
        draft: memberTextOf(member),
        reason: '',
        form: emptyForm(),
      }),
    );
  });

  router.post(
    '/households/:id/members/:memberId',
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const id = idOf(req);
      const memberId = memberIdOf(req);
      const draft = memberTextFrom(req.body as Record<string, unknown>, 'member');
      const reason = formText(req, 'reason');
      try {
        await deps.households.updateMember(callerOf(req), {
          householdId: id,
          memberId,
          expectedVersion: versionOf(req),
          member: memberInputOf(draft, 'member'),
          reason,
        });
        req.session.flash = { message: 'hh.flash.memberUpdated', params: { name: draft.fullName } };
        res.redirect(303, `/households/${id}`);
      } catch (err) {
        const ctx = pageContext(req, deps.csrf);
        const refused = formRefusal(ctx, err, (f) => f.startsWith('member.') || f === 'reason');
        if (refused === undefined) throw err;
        const household = await load(req);
        sendPage(
          res,
          refused.status,
          memberEditPage(ctx, { household, memberId, draft, reason, form: refused.form }),
        );
      }
    },
  );

  router.post(
    '/households/:id/members/:memberId/deceased',
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const id = idOf(req);
      const memberId = memberIdOf(req);
      const date = formText(req, 'deceased_on', 10);
      const reason = formText(req, 'reason');
      try {
        if (date.trim() === '') throw badRequest('deceased_on', 'is required');
        await deps.households.markMemberDeceased(callerOf(req), {
          householdId: id,
          memberId,
          expectedVersion: versionOf(req),
          deceasedOn: parseFullDate(date, 'deceased_on'),
          reason,
        });
        req.session.flash = { message: 'hh.flash.deceased', params: { date } };
        res.redirect(303, `/households/${id}`);
      } catch (err) {
        const ctx = pageContext(req, deps.csrf);
        const refused = formRefusal(ctx, err, (f) => f === 'deceased_on' || f === 'reason');
        if (refused === undefined) throw err;
        await render(req, res, refused.status, {
          death: { memberId, date, reason, form: refused.form },
        });
      }
    },
  );

  return router;
}
