/**
 * Hồ sơ trợ giúp xã hội (officer, approver, analyst, auditor; the service checks every call):
 *   GET /cases?unit=&status=&overdue=1&flagged=1&page=   ListCases, keyset paging
 */
import { Router } from 'express';
import { caseSummaryJson } from '../api/case-json';
import { callerOf } from '../http/auth';
import { CASE_PAGE_ROLES } from '../http/case-roles';
import { requireRole } from '../http/page-roles';
import { caseStatusOf } from '../forms/case-input';
import { unitCodeOrDistrict } from '../forms/case-params';
import { caseListPage, type CaseFilter } from '../views/case-list-page';
import type { CaseRouteDeps } from './case-detail';
import { queryText } from './household-support';
import { describeError, pageContext, sendPage } from './page-context';
import { requireSignIn } from './require-sign-in';

export function caseListRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  router.use('/cases', requireSignIn, requireRole(...CASE_PAGE_ROLES));

  router.get('/cases', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const filter: CaseFilter = {
      unit: queryText(req, 'unit', 5),
      status: queryText(req, 'status', 20),
      overdue: queryText(req, 'overdue', 1) === '1',
      flagged: queryText(req, 'flagged', 1) === '1',
      page: queryText(req, 'page', 2000),
    };
    try {
      const found = await deps.cases.listCases(callerOf(req), {
        unitCode: unitCodeOrDistrict(filter.unit),
        status: caseStatusOf(filter.status),
        overdueOnly: filter.overdue,
        flaggedOnly: filter.flagged,
        page: { pageSize: 50, pageToken: filter.page },
      });
      sendPage(
        res,
        200,
        caseListPage(ctx, {
          filter,
          cases: found.cases.map(caseSummaryJson),
          nextPageToken: found.page?.nextPageToken || undefined,
        }),
      );
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      sendPage(res, error.status, caseListPage(ctx, { filter, cases: [], error }));
    }
  });

  return router;
}
