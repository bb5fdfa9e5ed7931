/**
 * Review-round pages (rà soát; read roles as for households, steps by role, the service
 * checks every call):
 *   GET  /review-rounds          rounds of the unit (?unit=&year=&status=&overdue=1)
 *   POST /review-rounds          OpenRound (commune officers; CSRF), then the round
 *   POST /review-requests        RecordReviewRequest: form 01 / form 04 (commune officers)
 *   GET  /review-rounds/:id      the round, its list and the next steps (?results=1: change list)
 * The step forms post to the routes of review-steps.ts.
 */
import { Router, type Request } from 'express';
import { requestFormOf, roundJson, roundKindOf, roundStatusOf } from '../api/review-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { badRequest } from '../http/errors';
import { HOUSEHOLD_PAGE_ROLES, writesHouseholdsOf } from '../http/household-roles';
import { requireRole } from '../http/page-roles';
import { idParam, unitCodeParam } from '../forms/household-params';
import { day, formFields, text } from '../forms/review-input';
import { reviewRoundPage } from '../views/review-round-page';
import { reviewRoundsPage, type RoundFilter, type RoundsModel } from '../views/review-rounds-page';
import { formText, queryText } from './household-support';
import { describeError, pageContext, sendPage, type Csrf } from './page-context';
import { requireSignIn } from './require-sign-in';
import { householdIdOf, roundModel, stepRefusal, type ReviewPageDeps } from './review-support';

export interface ReviewRoundRouteDeps extends ReviewPageDeps {
  csrf: Csrf;
}

function filterOf(req: Request): RoundFilter {
  return {
    unit: queryText(req, 'unit', 5),
    year: queryText(req, 'year', 4),
    status: queryText(req, 'status', 20),
    overdue: queryText(req, 'overdue', 1) === '1',
    page: queryText(req, 'page', 2000),
  };
}

export function reviewRoundRoutes(deps: ReviewRoundRouteDeps): Router {
  const router = Router();
  router.use(
    ['/review-rounds', '/review-requests'],
    requireSignIn,
    requireRole(...HOUSEHOLD_PAGE_ROLES),
  );

  const listPage = async (
    req: Request,
    status: number,
    extra: Partial<RoundsModel>,
  ): Promise<[number, string]> => {
    const ctx = pageContext(req, deps.csrf);
    const filter = filterOf(req);
    const officerCommune = writesHouseholdsOf(principalOfRequest(req));
    const flash = req.session.flash;
    delete req.session.flash;
    const base = { filter, officerCommune, ...(flash ? { flash } : {}), ...extra };
    try {
      if (filter.year !== '' && !/^\d{4}$/.test(filter.year))
        throw badRequest('year', 'must be a year');
      const found = await deps.reviews.listRounds(callerOf(req), {
        unitCode: unitCodeParam(filter.unit),
        year: filter.year === '' ? 0 : Number(filter.year),
        status: roundStatusOf(filter.status),
        overdueOnly: filter.overdue,
        page: { pageSize: 50, pageToken: filter.page },
      });
      const rounds = found.rounds.map(roundJson);
      const next = found.page?.nextPageToken || undefined;
      return [
        status,
        reviewRoundsPage(ctx, { ...base, rounds, ...(next ? { nextPageToken: next } : {}) }),
      ];
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      return [error.status, reviewRoundsPage(ctx, { ...base, rounds: [], error })];
    }
  };

  router.get('/review-rounds', async (req, res) => {
    const [status, page] = await listPage(req, 200, {});
    sendPage(res, status, page);
  });

  router.post('/review-rounds', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    try {
      const opened = await deps.reviews.openRound(callerOf(req), {
        communeCode: formText(req, 'commune_code', 5),
        kind: roundKindOf(formText(req, 'kind', 20)),
      });
      if (opened.round === undefined) throw new Error('the service answered without the round');
      req.session.flash = {
        message: 'rv.flash.opened',
        params: { year: String(opened.round.year) },
      };
      res.redirect(303, `/review-rounds/${opened.round.id}`);
    } catch (err) {
      const refused = stepRefusal(ctx, err);
      if (refused === undefined) throw err;
      const [, page] = await listPage(req, refused.status, {
        refused: { form: 'open', state: refused.form, values: {} },
      });
      sendPage(res, refused.status, page);
    }
  });

  router.post('/review-requests', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const f = formFields(req);
    const values = {
      household_id: text(f, 'household_id', 40),
      form: text(f, 'form', 10),
      received_on: text(f, 'received_on', 10),
      note: text(f, 'note'),
    };
    try {
      const receivedOn = day(f, 'received_on', false);
      const recorded = await deps.reviews.recordRequest(callerOf(req), {
        householdId: await householdIdOf(deps.households, req, values.household_id),
        form: requestFormOf(values.form),
        ...(receivedOn ? { receivedOn } : {}),
        note: values.note,
      });
      req.session.flash = { message: 'rv.flash.request', params: { year: String(recorded.year) } };
      res.redirect(303, '/review-rounds');
    } catch (err) {
      const refused = stepRefusal(ctx, err);
      if (refused === undefined) throw err;
      const [, page] = await listPage(req, refused.status, {
        refused: { form: 'request', state: refused.form, values },
      });
      sendPage(res, refused.status, page);
    }
  });

  router.get('/review-rounds/:id', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const id = idParam(req.params['id'], 'id');
    const model = await roundModel(deps, req, id, queryText(req, 'results', 1) === '1');
    const flash = req.session.flash;
    delete req.session.flash;
    sendPage(res, 200, reviewRoundPage(ctx, { ...model, ...(flash ? { flash } : {}) }));
  });

  return router;
}
