/**
 * The frame and form pieces of the public citizen pages (dịch vụ công): no staff navigation,
 * the language switch, a form error above the form and next to the field at fault.
 */
import type { Language, MessageKey, Translate } from '../i18n';
import { html, query, type SafeHtml } from './html';
import { errorBox } from './layout';

export const PORTAL = '/dich-vu-cong';

export interface CitizenContext {
  t: Translate;
  lang: Language;
  currentUrl: string;
  /** Signed public CSRF token of the visitor's forms. */
  csrfToken: string;
}

/** A refusal as shown on a public form. */
export interface CitizenFormState {
  values: Record<string, string | undefined>;
  error?: { headline: string; detail?: string };
  /** The form field at fault. */
  field?: string;
}

export const blankForm = (values: Record<string, string | undefined> = {}): CitizenFormState => ({
  values,
});

export function citizenLayout(ctx: CitizenContext, title: string, body: SafeHtml): string {
  const link = (lang: Language, label: string): SafeHtml =>
    lang === ctx.lang
      ? html`<strong aria-current="true" lang="${lang}">${label}</strong>`
      : html`<a href="/lang/${lang}${query({ return: ctx.currentUrl })}" lang="${lang}"
          >${label}</a
        >`;
  return html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>${title} · ${ctx.t('cz.title')}</title>
        <link rel="stylesheet" href="/static/console.css" />
        <link rel="stylesheet" href="/static/citizen.css" />
      </head>
      <body class="citizen">
        <a class="skip" href="#main">${ctx.t('nav.skip')}</a>
        <header class="top">
          <a class="brand" href="${PORTAL}">${ctx.t('cz.title')}</a>
          <nav class="main" aria-label="${ctx.t('cz.home')}">
            <a href="${PORTAL}/tra-cuu">${ctx.t('cz.track')}</a>
            <a href="${PORTAL}/phan-anh">${ctx.t('cz.complain')}</a>
            <a href="${PORTAL}/phan-anh/tra-cuu">${ctx.t('cz.trackComplaint')}</a>
          </nav>
          <nav class="lang" aria-label="${ctx.t('nav.language')}">
            ${link('vi', 'Tiếng Việt')} · ${link('en', 'English')}
          </nav>
        </header>
        <main id="main">${body}</main>
      </body>
    </html>`.value;
}

export function csrfField(ctx: CitizenContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;
}

export function formErrorBox(ctx: CitizenContext, form: CitizenFormState): SafeHtml | '' {
  return form.error ? errorBox(ctx.t, form.error.headline, form.error.detail) : '';
}

function fieldError(form: CitizenFormState, name: string): SafeHtml | '' {
  if (form.field !== name || !form.error) return '';
  return html`<p class="field-error" id="${name}-error" role="alert">${form.error.headline}</p>`;
}

function invalid(form: CitizenFormState, name: string): SafeHtml | '' {
  return form.field === name ? html` aria-invalid="true" aria-describedby="${name}-error"` : '';
}

export interface InputSpec {
  name: string;
  label: MessageKey;
  type?: string;
  required?: boolean;
  max?: number;
  hint?: string;
  autocomplete?: string;
  pattern?: string;
}

export function input(ctx: CitizenContext, form: CitizenFormState, spec: InputSpec): SafeHtml {
  const value = form.values[spec.name] ?? '';
  return html`<div class="field${form.field === spec.name ? ' invalid' : ''}">
    <label for="${spec.name}"
      >${ctx.t(spec.label)}${spec.required ? html` <abbr title="${ctx.t('cz.required')}">*</abbr>` : ''}</label
    >
    <input
      id="${spec.name}"
      name="${spec.name}"
      type="${spec.type ?? 'text'}"
      value="${value}"
      ${spec.max ? html` maxlength="${spec.max}"` : ''}${spec.required ? html` required` : ''}${spec.pattern ? html` pattern="${spec.pattern}"` : ''}${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${invalid(form, spec.name)}
    />
    ${spec.hint ? html`<p class="hint">${spec.hint}</p>` : ''} ${fieldError(form, spec.name)}
  </div>`;
}

export function textarea(
  ctx: CitizenContext,
  form: CitizenFormState,
  name: string,
  label: MessageKey,
  hint?: string,
): SafeHtml {
  return html`<div class="field${form.field === name ? ' invalid' : ''}">
    <label for="${name}">${ctx.t(label)} <abbr title="${ctx.t('cz.required')}">*</abbr></label>
    <textarea id="${name}" name="${name}" rows="5" maxlength="4000" required${invalid(form, name)}>
${form.values[name] ?? ''}</textarea>
    ${hint ? html`<p class="hint">${hint}</p>` : ''} ${fieldError(form, name)}
  </div>`;
}

/** A select of `options` ([value, label]); the first is chosen when the form has none. */
export function select(
  ctx: CitizenContext,
  form: CitizenFormState,
  name: string,
  label: MessageKey,
  options: readonly (readonly [string, string])[],
): SafeHtml {
  const chosen = form.values[name] ?? options[0]?.[0];
  return html`<div class="field${form.field === name ? ' invalid' : ''}">
    <label for="${name}">${ctx.t(label)}</label>
    <select id="${name}" name="${name}" ${invalid(form, name)}>
      ${options.map(
        ([value, text]) =>
          html`<option value="${value}" ${value === chosen ? html` selected` : ''}>
            ${text}
          </option>`,
      )}
    </select>
    ${fieldError(form, name)}
  </div>`;
}

/** A definition list of the rows that have a value. */
export function facts(rows: readonly (readonly [string, string | undefined])[]): SafeHtml {
  return html`<dl class="facts">
    ${rows
      .filter(([, value]) => value !== undefined && value !== '')
      .map(
        ([label, value]) =>
          html`<dt>${label}</dt>
            <dd>${value}</dd>`,
      )}
  </dl>`;
}
