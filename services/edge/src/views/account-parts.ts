/** Pieces shared by the account and audit pages: labels, messages, field errors, paging. */
import type { AccountJson } from '../api/account-json';
import type { Flash } from '../http/session';
import { isMessageKey, type Translate } from '../i18n';
import { html, query, type SafeHtml } from './html';
import { errorBox } from './layout';

/** A refusal as shown: headline in the user's language, the service's reason as detail. */
export interface Described {
  headline: string;
  detail?: string;
}

export interface FormState {
  formError?: Described;
  fieldErrors: Record<string, Described>;
}

export const emptyForm = (): FormState => ({ fieldErrors: {} });

export interface UnitOption {
  code: string;
  label: string;
}

/** The text of `prefix.value`, else the value itself (a code the dictionaries lack). */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export function rolesText(t: Translate, roles: readonly string[]): string {
  return roles.map((r) => labelOf(t, 'role', r)).join(', ');
}

export function statusTag(t: Translate, a: AccountJson): SafeHtml {
  const status = a.status ?? 'pending';
  return html`<span class="tag status-${status}">${labelOf(t, 'status', status)}</span>`;
}

export function formErrorBox(t: Translate, form: FormState): SafeHtml | '' {
  return form.formError ? errorBox(t, form.formError.headline, form.formError.detail) : '';
}

export function fieldError(t: Translate, form: FormState, field: string): SafeHtml | '' {
  const error = form.fieldErrors[field];
  if (!error) return '';
  return html`<p class="field-error" id="${field}-error" role="alert">
    ${error.headline}${error.detail ? html` <span class="detail">(${t('error.detail')}: ${error.detail})</span>` : ''}
  </p>`;
}

/** Attributes of an input whose field has an error. */
export function invalidAttrs(form: FormState, field: string): SafeHtml | '' {
  return form.fieldErrors[field]
    ? html` aria-invalid="true" aria-describedby="${field}-error"`
    : '';
}

export function fieldClass(form: FormState, field: string): string {
  return form.fieldErrors[field] ? 'field invalid' : 'field';
}

/** The message after a redirect, and a temporary password once. */
export function flashBox(t: Translate, flash: Flash | undefined): SafeHtml | '' {
  if (flash === undefined) return '';
  const text = isMessageKey(flash.message) ? t(flash.message, flash.params) : flash.message;
  return html`<div class="alert ok" role="status" data-testid="flash">
    <p><strong>${text}</strong></p>
    ${
      flash.temporaryPassword
        ? html`<p>
              ${t('tempPassword.heading')}:
              <code class="secret" data-testid="temporary-password"
                >${flash.temporaryPassword}</code
              >
            </p>
            <p class="detail">${t('tempPassword.once')}</p>`
        : ''
    }
  </div>`;
}

/** Role checkboxes: the offered roles, plus any the account already holds. */
export function roleCheckboxes(
  t: Translate,
  offered: readonly string[],
  checked: readonly string[],
  form: FormState,
): SafeHtml {
  const all = [...offered, ...checked.filter((r) => !offered.includes(r))];
  return html`<fieldset class="${fieldClass(form, 'roles')}" data-testid="roles-field">
    <legend>${t('field.roles')}</legend>
    ${all.map(
      (r) =>
        html`<label class="check"
          ><input
            type="checkbox"
            name="roles"
            value="${r}"
            ${checked.includes(r) ? html` checked` : ''}
            ${offered.includes(r) ? '' : html` disabled`}
          />
          ${labelOf(t, 'role', r)}</label
        >`,
    )}
    <p class="hint">${t('accountNew.rolesHint')}</p>
    ${fieldError(t, form, 'roles')}
  </fieldset>`;
}

/** "Next page" and "first page" links of a keyset-paged list. */
export function pager(
  t: Translate,
  path: string,
  params: Record<string, string | undefined>,
  nextPageToken: string | undefined,
  onLaterPage: boolean,
): SafeHtml {
  return html`<nav class="pager" aria-label="${t('accounts.next')}">
    ${onLaterPage ? html`<a href="${path}${query({ ...params, page: undefined })}">${t('accounts.first')}</a>` : ''}
    ${nextPageToken ? html`<a href="${path}${query({ ...params, page: nextPageToken })}" data-testid="next-page">${t('accounts.next')}</a>` : ''}
  </nav>`;
}

/** Day and time in Vietnam, e.g. 2025-08-01 14:05. */
export function vietnamTime(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(Date.parse(iso) + 7 * 3600 * 1000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
