/**
 * What the public citizen pages share: their page context (language, signed CSRF token),
 * refusals shown on the form (headline, the service's reason, the field at fault), and the
 * limits of the attachments. Nothing here logs: the forms carry personal data.
 */
import express, { type Request, type Response } from 'express';
import { toHttpError } from '../http/errors';
import { parseCookies } from '../http/cookies';
import type { PublicCsrf } from '../http/public-csrf';
import { languageFromCookies, translator, type MessageKey } from '../i18n';
import { formFieldOf } from '../forms/citizen-input';
import type { CitizenUploadLimits } from '../forms/citizen-upload';
import type { CitizenContext, CitizenFormState } from '../views/citizen-parts';
import { errorHeadline } from '../views/error-page';

/** 1 to 5 attachments of at most 5 MiB each (thành phần hồ sơ kèm theo). */
export const ATTACHMENT_LIMITS: CitizenUploadLimits = {
  maxFiles: 5,
  maxFileBytes: 5 * 1024 * 1024,
};

/** Form bodies of the public text forms (complaint, tracking). */
export const publicFormBody = express.urlencoded({
  extended: false,
  limit: '32kb',
  parameterLimit: 20,
});

export function citizenContext(req: Request, res: Response, csrf: PublicCsrf): CitizenContext {
  const lang = languageFromCookies(parseCookies(req.headers.cookie));
  return {
    t: translator(lang),
    lang,
    currentUrl: req.originalUrl,
    csrfToken: csrf.issue(req, res),
  };
}

/** Labels of the form fields (for "field: not valid"). */
const FIELD_LABELS: Record<string, MessageKey> = {
  kind: 'cz.procedures',
  full_name: 'cz.fullName',
  date_of_birth: 'cz.dateOfBirth',
  sex: 'cz.sex',
  citizen_id: 'cz.citizenId',
  phone: 'cz.phone',
  email: 'cz.email',
  commune_code: 'cz.communeCode',
  street_address: 'cz.streetAddress',
  filed_by: 'cz.filedBy',
  filed_by_name: 'cz.filedByName',
  filed_by_relation: 'cz.filedByRelation',
  circumstances: 'cz.circumstances',
  suggested_category_code: 'cz.suggested',
  payment_channel: 'cz.payment',
  bank_code: 'cz.bankCode',
  account_number: 'cz.accountNumber',
  attachments: 'cz.attachments',
  tracking_code: 'cz.trackingCode',
  subject_kind: 'cz.subjectKind',
  managing_unit_code: 'cz.managingUnit',
  complainant_name: 'cz.complainantName',
  complainant_citizen_id: 'cz.citizenId',
  complainant_phone: 'cz.phone',
  content: 'cz.content',
};

/** A failure as the form shows it, with the HTTP status to answer. */
export function citizenRefusal(
  ctx: CitizenContext,
  err: unknown,
  values: Record<string, string | undefined>,
): { status: number; form: CitizenFormState } {
  const e = toHttpError(err);
  const field = formFieldOf(e.field);
  const label = field === undefined ? undefined : FIELD_LABELS[field];
  const headline =
    label !== undefined
      ? ctx.t('cz.field.error', { field: ctx.t(label) })
      : e.code === 'NOT_FOUND'
        ? ctx.t('cz.notFound')
        : errorHeadline(ctx, e);
  const detail = e.status >= 500 ? undefined : e.message;
  // The form gets a fresh CSRF token, not the posted one.
  const { _csrf: _token, ...kept } = values;
  return {
    status: e.status,
    form: {
      values: kept,
      error: { headline, ...(detail ? { detail } : {}) },
      ...(label !== undefined && field !== undefined ? { field } : {}),
    },
  };
}

/** The posted text fields of a urlencoded form. */
export function postedFields(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** A tracking code from the query ('' when absent or malformed). */
export function trackingCodeParam(req: Request): string {
  const value = req.query['ma'];
  return typeof value === 'string' && /^[A-Za-z0-9-]{4,40}$/.test(value) ? value : '';
}
