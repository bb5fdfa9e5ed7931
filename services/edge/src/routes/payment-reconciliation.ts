/**
 * Đối soát (officer, approver, analyst, auditor; the payments service checks the jurisdiction):
 *   GET /reconciliation?unit=&month=   a unit (default the user's) and month (default this month)
 */
import { Router } from 'express';
import { todayInVietnam } from '@posa/platform';
import { reconciliationJson } from '../api/payment-reconciliation-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { PAYMENT_PAGE_ROLES } from '../http/payment-roles';
import { requireRole } from '../http/page-roles';
import { parseMonth } from '../forms/case-input';
import { unitCodeParam } from '../forms/household-params';
import { reconciliationPage, type ReconciliationModel } from '../views/payment-reconciliation-page';
import { queryText } from './household-support';
import { describeError, pageContext, sendPage } from './page-context';
import type { PaymentRouteDeps } from './payment-support';
import { requireSignIn } from './require-sign-in';

export function paymentReconciliationRoutes(deps: PaymentRouteDeps): Router {
  const router = Router();
  router.use('/reconciliation', requireSignIn, requireRole(...PAYMENT_PAGE_ROLES));

  router.get('/reconciliation', async (req, res) => {
    const ctx = pageContext(req, deps.csrf);
    const model: ReconciliationModel = {
      unit: queryText(req, 'unit', 5) || (principalOfRequest(req)?.unitCode ?? ''),
      month: queryText(req, 'month', 7) || todayInVietnam().slice(0, 7),
    };
    try {
      const answer = await deps.payments.getReconciliation(callerOf(req), {
        unitCode: unitCodeParam(model.unit),
        month: parseMonth(model.month, 'month'),
      });
      model.report = reconciliationJson(answer);
      sendPage(res, 200, reconciliationPage(ctx, model));
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401 || error.status >= 500) throw err;
      sendPage(res, error.status, reconciliationPage(ctx, { ...model, error }));
    }
  });

  return router;
}
