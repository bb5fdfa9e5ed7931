/**
 * Staff pages of the online applications (hồ sơ nộp trực tuyến; read roles as for cases,
 * accept and decline for officers of the commune; the cases service checks every call):
 *   GET  /online-applications?unit=&status=&page=        the unit's inbox
 *   GET  /online-applications/:id?kind=&q=               one application; for an officer while it
 *                                                         waits, the registry search (by citizen ID
 *                                                         or name) and the accept / decline forms
 *   GET  /online-applications/:id/attachments/:fileId    an attachment (only once scanned clean)
 *   POST /online-applications/:id/accept                 AcceptOnlineApplication (CSRF)
 *   POST /online-applications/:id/decline                DeclineOnlineApplication (CSRF)
 */
import { Router, type Request, type Response } from 'express';
import { HouseholdStatus, type MemberHit } from '@posa/proto';
import { onlineApplicationJson, type OnlineApplicationJson } from '../api/citizen-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest, EdgeError } from '../http/errors';
import { acceptsApplicationsOf, CITIZEN_SERVICE_PAGE_ROLES } from '../http/citizen-service-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { idParam, unitCodeParam } from '../forms/household-params';
import { eligibilityOf } from '../forms/case-input';
import type { HouseholdGateway } from '../gateways/household-gateway';
import type { OnlineApplicationGateway } from '../gateways/online-application-gateway';
import { emptyForm, type FormState } from '../views/account-parts';
import type { AcceptView } from '../views/online-application-forms';
import { applicationPage, inboxPage } from '../views/online-application-pages';
import { formRefusal, formText, queryText } from './household-support';
import { pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';

export interface OnlineApplicationRouteDeps {
  applications: OnlineApplicationGateway;
  households: HouseholdGateway;
  csrf: Csrf;
}

const BASE = '/online-applications';
const appId = (req: Request): string => idParam(req.params['id'], 'application_id');

/** The chosen member as "householdId/memberId". */
export function memberChoice(value: string): { householdId: string; memberId: string } {
  const [householdId, memberId] = value.split('/');
  return {
    householdId: idParam(householdId, 'household_id'),
    memberId: idParam(memberId, 'member_id'),
  };
}

export function onlineApplicationRoutes(deps: OnlineApplicationRouteDeps): Router {
  const router = Router();
  router.use(BASE, requireSignIn, requireRole(...CITIZEN_SERVICE_PAGE_ROLES));

  /** Living members matching the search, within the caller's jurisdiction. */
  async function matches(
    req: Request,
    kind: 'name' | 'citizen_id',
    q: string,
  ): Promise<MemberHit[]> {
    if (q === '') return [];
    const found = await deps.households.searchMembers(callerOf(req), {
      query: {
        name: kind === 'name' ? q : '',
        citizenId: kind === 'citizen_id' ? q.replace(/\s+/g, '') : '',
        householdCode: '',
        householdCodePrefix: '',
      },
      filter: {
        unitCode: '',
        status: HouseholdStatus.HOUSEHOLD_STATUS_ACTIVE,
        classificationYear: 0,
        classifications: [],
        includeDeceased: false,
      },
      page: { pageSize: 20, pageToken: '' },
    });
    return found.members;
  }

  async function showApplication(
    req: Request,
    status: number,
    application: OnlineApplicationJson,
    form: FormState,
    values: Record<string, string>,
  ): Promise<string> {
    const ctx = pageContext(req, deps.csrf);
    const waiting = application.status === 'received';
    const commune = acceptsApplicationsOf(principalOfRequest(req));
    let accept: AcceptView | undefined;
    if (waiting && commune !== undefined) {
      const searchKind = queryText(req, 'kind', 20) === 'name' ? 'name' : 'citizen_id';
      const q = queryText(req, 'q', 200) || application.applicant.citizenId;
      accept = { searchKind, q, matches: await matches(req, searchKind, q), form, values };
    }
    const flash = status === 200 ? takeFlash(req) : undefined;
    return applicationPage(ctx, {
      application,
      ...(accept ? { accept } : {}),
      ...(flash ? { flash } : {}),
    });
  }

  router.get(BASE, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const unit = queryText(req, 'unit', 5);
    const status = queryText(req, 'status', 20);
    const page = queryText(req, 'page', 2000);
    if (!['', 'received', 'accepted', 'declined'].includes(status))
      throw badRequest('status', 'must be received, accepted or declined');
    const found = await deps.applications.list(callerOf(req), {
      unitCode: unitCodeParam(unit),
      status,
      page: { pageSize: 50, pageToken: page },
    });
    sendPage(
      res,
      200,
      inboxPage(ctx, {
        unit,
        status,
        page,
        applications: found.applications.map(onlineApplicationJson),
        ...(found.page?.nextPageToken ? { nextPageToken: found.page.nextPageToken } : {}),
      }),
    );
  });

  router.get(`${BASE}/:id`, async (req, res) => {
    const found = await deps.applications.get(callerOf(req), appId(req));
    if (found.application === undefined)
      throw new EdgeError(404, 'NOT_FOUND', 'no such application');
    const application = onlineApplicationJson(found.application);
    sendPage(res, 200, await showApplication(req, 200, application, emptyForm(), {}));
  });

  router.get(`${BASE}/:id/attachments/:fileId`, async (req, res) => {
    const fileId = idParam(req.params['fileId'], 'attachment_id');
    const found = await deps.applications.attachment(callerOf(req), appId(req), fileId);
    const meta = found.attachment;
    if (meta === undefined) throw new EdgeError(404, 'NOT_FOUND', 'no such attachment');
    res
      .status(200)
      .type(meta.mediaType)
      .set('cache-control', 'no-store')
      .set('x-content-type-options', 'nosniff')
      .attachment(meta.fileName)
      .send(found.content);
  });

  const act = async (
    req: Request,
    res: Response,
    run: () => Promise<{ message: string; params?: Record<string, string> }>,
  ): Promise<void> => {
    const id = appId(req);
    try {
      req.session.flash = await run();
      res.redirect(303, `${BASE}/${id}`);
    } catch (err) {
      const ctx = pageContext(req, deps.csrf);
      const refusal = formRefusal(ctx, err, () => false);
      if (refusal === undefined) throw err;
      const found = await deps.applications.get(callerOf(req), id);
      if (found.application === undefined) throw err;
      const values = Object.fromEntries(
        ['category_codes', 'disability_level', 'care_support_type_code', 'reason'].map((n) => [
          n,
          formText(req, n, 1000),
        ]),
      );
      const page = await showApplication(
        req,
        refusal.status,
        onlineApplicationJson(found.application),
        refusal.form,
        values,
      );
      sendPage(res, refusal.status, page);
    }
  };

  router.post(`${BASE}/:id/accept`, deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    await act(req, res, async () => {
      const { householdId, memberId } = memberChoice(formText(req, 'member', 100));
      const disability = formText(req, 'disability_level', 40);
      const answer = await deps.applications.accept(callerOf(req), {
        applicationId: appId(req),
        householdId,
        memberId,
        eligibility: eligibilityOf({
          categoryCodes: formText(req, 'category_codes', 400).split(','),
          disabilityLevel: disability === 'none' ? '' : disability,
          careSupportTypeCode: formText(req, 'care_support_type_code', 40),
        }),
      });
      return { message: 'oa.accepted', params: { code: answer.case?.caseCode ?? '' } };
    });
  });

  router.post(`${BASE}/:id/decline`, deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    await act(req, res, async () => {
      const reason = formText(req, 'reason', 1000).trim();
      if (reason === '') throw badRequest('reason', 'is required');
      await deps.applications.decline(callerOf(req), appId(req), reason);
      return { message: 'oa.declined' };
    });
  });

  return router;
}
