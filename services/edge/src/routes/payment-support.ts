/**
 * What the payment pages share: their dependencies, the payroll id of the path, a refusal of the
 * service as form state (the reason above the form, next to the field it names), and the answer
 * of the last result-file import kept in the session until the payroll's page shows it.
 */
import type { Request } from 'express';
import type { ResultImportJson } from '../api/payment-reconciliation-json';
import { idParam } from '../forms/household-params';
import type { UploadLimits } from '../gateways/import-gateway';
import type { PaymentGateway } from '../gateways/payment-gateway';
import type { UnitGateway } from '../gateways/unit-gateway';
import type { FormState } from '../views/account-parts';
import type { PageContext } from '../views/layout';
import { paymentFieldLabel } from '../views/payment-parts';
import { formRefusal } from './household-support';
import type { Csrf } from './page-context';

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

/** A refusal as a payment form shows it, with the payment pages' field labels (see formRefusal). */
export function paymentFormRefusal(
  ctx: PageContext,
  err: unknown,
  fields: readonly string[],
): { status: number; form: FormState } | undefined {
  return formRefusal(ctx, err, (field) => fields.includes(field), paymentFieldLabel);
}

/** The import answer kept for this payroll, removed from the session as it is shown. */
export function takeImport(req: Request, payrollId: string): ResultImportJson | undefined {
  const kept = req.session?.paymentImport;
  if (kept === undefined || kept.payrollId !== payrollId) return undefined;
  delete req.session.paymentImport;
  return kept.result;
}
