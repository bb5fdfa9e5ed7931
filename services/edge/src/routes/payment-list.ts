/**
 * Danh sách chi trả (officer, approver, analyst, auditor; the payments service checks every call):
 *   GET  /payrolls?unit=&month=&status=&page=   ListPayrolls, keyset paging, the generate form
 *   POST /payrolls                               lập danh sách (CSRF): a commune, then its payroll;
 *                                                a province (its officers), then the province's list
 */
import { Router, type Request, type Response } from 'express';
import { generatePayrolls } from '../api/payment-generation';
import { payrollJson } from '../api/payment-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { PAYMENT_PAGE_ROLES, generatesFor } from '../http/payment-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { parseMonth } from '../forms/case-input';
import { unitCodeParam } from '../forms/household-params';
import { generationTargetOf, monthFilterOf, payrollStatusOf } from '../forms/payment-input';
import { formValuesOf } from '../views/case-parts';
import {
  payrollListPage,
  type PayrollFilter,
  type PayrollListModel,
} from '../views/payment-list-page';
import { formText, queryText } from './household-support';
import { describeError, pageContext, sendPage } from './page-context';
import { paymentFormRefusal, type PaymentRouteDeps } from './payment-support';
import { requireSignIn } from './require-sign-in';

function filterOf(req: Request): PayrollFilter {
  return {
    unit: queryText(req, 'unit', 5),
    month: queryText(req, 'month', 7),
    status: queryText(req, 'status', 20),
    page: queryText(req, 'page', 2000),
  };
}

async function renderList(
  deps: PaymentRouteDeps,
  req: Request,
  res: Response,
  filter: PayrollFilter,
  extra: Pick<PayrollListModel, 'generate'> & { status?: number } = {},
): Promise<void> {
  const ctx = pageContext(req, deps.csrf);
  const generates = generatesFor(principalOfRequest(req));
  const base: PayrollListModel = {
    filter,
    payrolls: [],
    ...(generates ? { generates } : {}),
    ...(extra.generate ? { generate: extra.generate } : {}),
  };
  const flash = takeFlash(req);
  if (flash) base.flash = flash;
  try {
    const month = monthFilterOf(filter.month);
    const found = await deps.payments.listPayrolls(callerOf(req), {
      unitCode: unitCodeParam(filter.unit),
      status: payrollStatusOf(filter.status),
      page: { pageSize: 50, pageToken: filter.page },
      ...(month ? { month } : {}),
    });
    base.payrolls = found.payrolls.map(payrollJson);
    const next = found.page?.nextPageToken;
    if (next) base.nextPageToken = next;
    sendPage(res, extra.status ?? 200, payrollListPage(ctx, base));
  } catch (err) {
    const error = describeError(ctx, err);
    if (error.status === 401 || error.status >= 500) throw err;
    sendPage(res, extra.status ?? error.status, payrollListPage(ctx, { ...base, error }));
  }
}

export function paymentListRoutes(deps: PaymentRouteDeps): Router {
  const router = Router();
  router.use('/payrolls', requireSignIn, requireRole(...PAYMENT_PAGE_ROLES));

  router.get('/payrolls', async (req, res) => {
    await renderList(deps, req, res, filterOf(req));
  });

  router.post('/payrolls', deps.csrf.csrfSynchronisedProtection, async (req, res) => {
    const monthText = formText(req, 'month', 7);
    try {
      const target = generationTargetOf(formText(req, 'commune_code', 5));
      const month = parseMonth(monthText, 'month');
      const done = await generatePayrolls(deps.payments, deps.units, callerOf(req), target, month);
      const first = done.payrolls[0];
      if (target.kind === 'commune' && first !== undefined) {
        req.session.flash = {
          message: first.regenerated ? 'pay.flash.generated' : 'pay.flash.unchanged',
          params: { commune: target.code, month: monthText },
        };
        res.redirect(303, `/payrolls/${first.payroll.id}`);
        return;
      }
      req.session.flash = {
        message: 'pay.flash.province',
        params: {
          count: String(done.payrolls.length),
          refused: String(done.refused.length),
          month: monthText,
        },
      };
      res.redirect(303, `/payrolls?unit=${target.code}&month=${encodeURIComponent(monthText)}`);
    } catch (err) {
      const ctx = pageContext(req, deps.csrf);
      const refused = paymentFormRefusal(ctx, err, ['commune_code', 'month']);
      if (refused === undefined) throw err;
      await renderList(
        deps,
        req,
        res,
        { unit: '', month: '', status: '', page: '' },
        {
          status: refused.status,
          generate: { values: formValuesOf(req.body), form: refused.form },
        },
      );
    }
  });

  return router;
}
