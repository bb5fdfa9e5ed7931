/**
 * What the payment pages share: their dependencies, the payroll id of the path, a refusal of the
 * service as form state (the reason above the form, next to the field it names), and the answer
 * of the last result-file import kept in the session until the payroll's page shows it.
 */
import type { Request } from 'express';
import type { ResultImportJson } from '../api/payment-reconciliation-json';
import { toHttpError } from '../http/errors';
import { idParam } from '../forms/household-params';
import type { UploadLimits } from '../gateways/import-gateway';
import type { PaymentGateway } from '../gateways/payment-gateway';
import type { UnitGateway } from '../gateways/unit-gateway';
import type { FormState } from '../views/account-parts';
import type { PageContext } from '../views/layout';
import { paymentFieldLabel } from '../views/payment-parts';
import { describeError, type Csrf } from './page-context';

declare module 'express-session' {
  interface SessionData {
    /** The answer of the last result-file import, shown once on its payroll's page. */
    paymentImport?: { payrollId: string; result: ResultImportJson };
  }
}

export interface PaymentRouteDeps {
  payments: PaymentGateway;
  units: UnitGateway;
  csrf: Csrf;
  /** Size and deadline of a result-file upload (as for household imports). */
  uploadLimits: UploadLimits;
}

export const payrollIdOf = (req: Request): string => idParam(req.params['id'], 'payroll_id');

/**
 * A refusal (400, 403, 404, 409, 413) as a form shows it; undefined for 401 and 5xx, which the
 * page error handler answers.
 */
export function paymentFormRefusal(
  ctx: PageContext,
  err: unknown,
  fields: readonly string[],
): { status: number; form: FormState } | undefined {
  const e = toHttpError(err);
  if (e.status === 401 || e.status >= 500) return undefined;
  const described = describeError(ctx, err);
  const headline =
    e.field === undefined
      ? described.headline
      : ctx.t('error.invalidField', { field: paymentFieldLabel(ctx.t, e.field) });
  const box = { headline, ...(described.detail ? { detail: described.detail } : {}) };
  const form: FormState = { formError: box, fieldErrors: {} };
  if (e.field !== undefined && fields.includes(e.field)) form.fieldErrors[e.field] = box;
  return { status: e.status, form };
}

/** The import answer kept for this payroll, removed from the session as it is shown. */
export function takeImport(req: Request, payrollId: string): ResultImportJson | undefined {
  const kept = req.session?.paymentImport;
  if (kept === undefined || kept.payrollId !== payrollId) return undefined;
  delete req.session.paymentImport;
  return kept.result;
}
