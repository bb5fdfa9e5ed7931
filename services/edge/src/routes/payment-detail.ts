/**
 * One payroll's page and its forms (the payments service decides every call):
 *   GET  /payrolls/:id?channel=&page=          facts, totals by channel, exceptions, files, lines
 *   POST /payrolls/:id/regenerate | approve | close          lập lại, duyệt, khóa sổ (CSRF)
 *   POST /payrolls/:id/lines/:lineId/result                 kết quả chi trả of one line (CSRF)
 * Success posts/redirects/gets with a message; a refusal re-renders the page with the reason
 * on the form that was sent.
 */
import { Router, type Request, type Response } from 'express';
import { answeredPayroll, paymentFileJson, payrollLineJson } from '../api/payment-json';
import { callerOf, principalOfRequest } from '../http/auth';
import { PAYMENT_PAGE_ROLES, payrollActionsFor, type PayrollAction } from '../http/payment-roles';
import { requireRole } from '../http/page-roles';
import { takeFlash } from '../http/session';
import { formSource } from '../forms/case-source';
import { idParam } from '../forms/household-params';
import { channelFilterOf, payrollVersionOf, resultRequestOf } from '../forms/payment-input';
import type { MessageKey } from '../i18n';
import { formValuesOf } from '../views/case-parts';
import { payrollPage, type PayrollPageModel } from '../views/payment-page';
import type { PostedPaymentForm } from '../views/payment-parts';
import { formText, queryText } from './household-support';
import { describeError, pageContext, sendPage } from './page-context';
import {
  paymentFormRefusal,
  payrollIdOf,
  takeImport,
  type PaymentRouteDeps,
} from './payment-support';
import { requireSignIn } from './require-sign-in';

export async function renderPayroll(
  deps: PaymentRouteDeps,
  req: Request,
  res: Response,
  status: number,
  posted?: PostedPaymentForm,
): Promise<void> {
  const ctx = pageContext(req, deps.csrf);
  const caller = callerOf(req);
  const id = payrollIdOf(req);
  const p = answeredPayroll((await deps.payments.getPayroll(caller, id)).payroll);
  const offered = payrollActionsFor(principalOfRequest(req), p);
  const channel = queryText(req, 'channel', 20);
  const page = queryText(req, 'page', 2000);
  const model: PayrollPageModel = {
    p,
    offered,
    lines: { lines: [], channel, page },
    maxUploadBytes: deps.uploadLimits.maxBytes,
    ...(posted ? { posted } : {}),
  };
  try {
    const found = await deps.payments.listPayrollLines(caller, {
      payrollId: id,
      channel: channelFilterOf(channel),
      page: { pageSize: 100, pageToken: page },
    });
    model.lines.lines = found.lines.map(payrollLineJson);
    if (found.page?.nextPageToken) model.lines.nextPageToken = found.page.nextPageToken;
  } catch (err) {
    const error = describeError(ctx, err);
    if (error.status === 401 || error.status >= 500) throw err;
    model.linesError = error;
  }
  if (offered.includes('download_files')) {
    try {
      model.files = (await deps.payments.listPaymentFiles(caller, id)).files.map(paymentFileJson);
    } catch (err) {
      const error = describeError(ctx, err);
      if (error.status === 401) throw err;
      model.filesError = error;
    }
  }
  const imported = takeImport(req, id);
  if (imported) model.imported = imported;
  const flash = takeFlash(req);
  if (flash) model.flash = flash;
  sendPage(res, status, payrollPage(ctx, model));
}

interface TransitionSpec {
  action: Extract<PayrollAction, 'regenerate' | 'approve' | 'close'>;
  run(
    deps: PaymentRouteDeps,
    req: Request,
    id: string,
  ): Promise<{ flash: MessageKey; params?: Record<string, string> }>;
}

const TRANSITIONS: TransitionSpec[] = [
  {
    action: 'regenerate',
    run: async (deps, req, id) => {
      const caller = callerOf(req);
      const p = answeredPayroll((await deps.payments.getPayroll(caller, id)).payroll);
      const [year, month] = (p.month ?? '').split('-').map(Number) as [number, number];
      const res = await deps.payments.generatePayroll(caller, {
        communeCode: p.communeCode,
        month: { year, month },
      });
      return {
        flash: res.regenerated ? 'pay.flash.generated' : 'pay.flash.unchanged',
        params: { commune: p.communeCode, month: p.month ?? '' },
      };
    },
  },
  {
    action: 'approve',
    run: async (deps, req, id) => {
      const version = payrollVersionOf(formText(req, 'expected_version', 12));
      await deps.payments.approvePayroll(callerOf(req), id, version);
      return { flash: 'pay.flash.approved' };
    },
  },
  {
    action: 'close',
    run: async (deps, req, id) => {
      const version = payrollVersionOf(formText(req, 'expected_version', 12));
      await deps.payments.closePayroll(callerOf(req), id, version);
      return { flash: 'pay.flash.closed' };
    },
  },
];

export function paymentDetailRoutes(deps: PaymentRouteDeps): Router {
  const router = Router();
  router.use('/payrolls', requireSignIn, requireRole(...PAYMENT_PAGE_ROLES));

  router.get('/payrolls/:id', async (req, res) => {
    await renderPayroll(deps, req, res, 200);
  });

  for (const spec of TRANSITIONS) {
    router.post(
      `/payrolls/:id/${spec.action}`,
      deps.csrf.csrfSynchronisedProtection,
      async (req, res) => {
        const id = payrollIdOf(req);
        try {
          const done = await spec.run(deps, req, id);
          req.session.flash = {
            message: done.flash,
            ...(done.params ? { params: done.params } : {}),
          };
          res.redirect(303, `/payrolls/${id}`);
        } catch (err) {
          const refused = paymentFormRefusal(pageContext(req, deps.csrf), err, []);
          if (refused === undefined) throw err;
          await renderPayroll(deps, req, res, refused.status, {
            action: spec.action,
            values: {},
            form: refused.form,
          });
        }
      },
    );
  }

  router.post(
    '/payrolls/:id/lines/:lineId/result',
    deps.csrf.csrfSynchronisedProtection,
    async (req, res) => {
      const id = payrollIdOf(req);
      const lineId = idParam(req.params['lineId'], 'line_id');
      try {
        const request = resultRequestOf(formSource(req.body), lineId);
        await deps.payments.recordPaymentResult(callerOf(req), request);
        req.session.flash = {
          message: 'pay.flash.recorded',
          params: { code: formText(req, 'case_code', 40) },
        };
        res.redirect(303, `/payrolls/${id}`);
      } catch (err) {
        const refused = paymentFormRefusal(pageContext(req, deps.csrf), err, [
          'outcome',
          'reason',
          'paid_on',
        ]);
        if (refused === undefined) throw err;
        await renderPayroll(deps, req, res, refused.status, {
          action: 'record_result',
          lineId,
          values: formValuesOf(req.body),
          form: refused.form,
        });
      }
    },
  );

  return router;
}
