/** What the household pages share: refusals of the service as form state, form values. */
import type { Request } from 'express';
import { toHttpError } from '../http/errors';
import type { FormState } from '../views/account-parts';
import { fieldLabel } from '../views/household-parts';
import type { PageContext } from '../views/layout';
import { describeError } from './page-context';

/**
 * A refusal (400, 403, 404, 409) as the form shows it: above the form always, and next to
 * the field the service named when the form has it. Undefined for 401 and 5xx: the page
 * error handler answers those.
 */
export function formRefusal(
  ctx: PageContext,
  err: unknown,
  hasField: (field: string) => boolean,
  /** How the page names a field of the service (households' labels by default). */
  labelOf: (t: PageContext['t'], field: string) => string = fieldLabel,
): { status: number; form: FormState } | undefined {
  const e = toHttpError(err);
  if (e.status === 401 || e.status >= 500) return undefined;
  const described = describeError(ctx, err);
  const headline =
    e.field === undefined
      ? described.headline
      : ctx.t('error.invalidField', { field: labelOf(ctx.t, e.field) });
  const box = { headline, ...(described.detail ? { detail: described.detail } : {}) };
  const form: FormState = { formError: box, fieldErrors: {} };
  if (e.field !== undefined && hasField(e.field)) form.fieldErrors[e.field] = box;
  return { status: e.status, form };
}

/** A text field of a posted form ('' when absent), at most `max` characters. */
export function formText(req: Request, name: string, max = 1000): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A query value ('' when absent), at most `max` characters. */
export function queryText(req: Request, name: string, max = 200): string {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}
