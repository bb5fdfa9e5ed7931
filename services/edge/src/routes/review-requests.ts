/**
 * Households' review requests (đơn đề nghị rà soát; read roles as for households, the
 * service checks every call):
 *   GET  /review-requests                 the requests of the unit (?unit=&year=&status=)
 *   POST /review-requests/:id/refusal     RefuseReviewRequest: the commune chair's written
 *                                         refusal with its reasons (approvers; CSRF)
 * Recording a request (POST /review-requests) is on the rounds page (review-rounds.ts).
 */
import { Router, type Request } from 'express';
import type { Principal } from '@posa/auth';
import { requestJson, requestStatusOf } from '../api/review-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { idParam, unitCodeParam } from '../forms/household-params';
import { formFields, refusalInput, text } from '../forms/review-input';
import {
  reviewRequestsPage,
  type RequestFilter,
  type RequestsModel,
} from '../views/review-requests-page';
import { queryText } from './household-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';
import { stepRefusal, type ReviewPageDeps } from './review-support';

export interface ReviewRequestRouteDeps extends ReviewPageDeps {
  csrf: Csrf;
}

/** An approver bound to a commune signs that commune's refusals. */
function approverCommuneOf(principal: Principal | undefined): string | undefined {
  if (principal === undefined || !principal.roles.has('approver')) return undefined;
  return /^[0-9]{5}$/.test(principal.unitCode) ? principal.unitCode : undefined;
}

function filterOf(req: Request): RequestFilter {
  return {
    unit: queryText(req, 'unit', 5),
    year: queryText(req, 'year', 4),
    status: queryText(req, 'status', 20),
    page: queryText(req, 'page', 2000),
  };
}

export function reviewRequestRoutes(deps: ReviewRequestRouteDeps): Router {
  const router = Router();
  router.use('/review-requests', requireSignIn, requireRole(...HOUSEHOLD_PAGE_ROLES));

  const listPage = async (
    req: Request,
    status: number,
    extra: Partial<RequestsModel>,
  ): Promise<[number, string]> => {
    const ctx = pageContext(req, deps.csrf);
    const filter = filterOf(req);
    const approverCommune = approverCommuneOf(principalOfRequest(req));
    const flash = req.session.flash;
    delete req.session.flash;
    const base = { filter, approverCommune, ...(flash ? { flash } : {}), ...extra };
    try {
      if (filter.year !== '' && !/^\d{4}$/.test(filter.year))
        throw badRequest('year', 'must be a year');
      const found = await deps.reviews.listRequests(callerOf(req), {
        unitCode: unitCodeParam(filter.unit),
        year: filter.year === '' ? 0 : Number(filter.year),
        status: requestStatusOf(filter.status),
        page: { pageSize: 50, pageToken: filter.page },
      });
      const next = found.page?.nextPageToken || undefined;
      return [
        status,
        reviewRequestsPage(ctx, {
          ...base,
          requests: found.requests.map(requestJson),
          ...(next ? { nextPageToken: next } : {}),
        }),
      ];
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      return [error.status, reviewRequestsPage(ctx, { ...base, requests: [], error })];
    }
  };

  router.get('/review-requests', async (req, res) => {
    const [status, page] = await listPage(req, 200, {});
    sendPage(res, status, page);
  });

  router.post(
    '/review-requests/:id/refusal',
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const ctx = pageContext(req, deps.csrf);
      const id = idParam(req.params['id'], 'id');
      const f = formFields(req);
      const values = {
        document_number: text(f, 'document_number', 100),
        refused_on: text(f, 'refused_on', 10),
        reason: text(f, 'reason'),
        signer: text(f, 'signer', 200),
      };
      try {
        await deps.reviews.refuseRequest(callerOf(req), refusalInput(id, f));
        req.session.flash = { message: 'rv.flash.refused' };
        res.redirect(303, '/review-requests?status=refused');
      } catch (err) {
        const refused = stepRefusal(ctx, err);
        if (refused === undefined) throw err;
        const [, page] = await listPage(req, refused.status, {
          refused: { requestId: id, state: refused.form, values },
        });
        sendPage(res, refused.status, page);
      }
    },
  );

  return router;
}
