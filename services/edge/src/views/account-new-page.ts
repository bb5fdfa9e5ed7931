/** The create-account form: unit from the caller's subtree, roles the caller may grant. */
import { DOMAIN_NAMES } from '../api/account-json';
import type { AccountDraft } from '../forms/account-input';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import {
  fieldClass,
  fieldError,
  formErrorBox,
  invalidAttrs,
  labelOf,
  roleCheckboxes,
  type FormState,
  type UnitOption,
} from './account-parts';

export interface AccountNewModel {
  draft: AccountDraft;
  form: FormState;
  units: UnitOption[];
  offeredRoles: string[];
  /** National callers: the provinces to narrow the unit list, and the one chosen. */
  provinces?: UnitOption[];
  within?: string;
  /** True when national accounts can be created (a domain is then asked for). */
  national: boolean;
}

function textField(
  ctx: PageContext,
  form: FormState,
  field: string,
  label: string,
  value: string,
  extra: { hint?: string; type?: string; max: number; autocomplete?: string },
): SafeHtml {
  return html`<div class="${fieldClass(form, field)}">
    <label for="${field}">${label}</label>
    <input
      id="${field}"
      name="${field}"
      type="${extra.type ?? 'text'}"
      value="${value}"
      maxlength="${extra.max}"
      autocomplete="${extra.autocomplete ?? 'off'}"
      ${invalidAttrs(form, field)}
    />
    ${extra.hint ? html`<p class="hint">${extra.hint}</p>` : ''} ${fieldError(ctx.t, form, field)}
  </div>`;
}

export function accountNewPage(ctx: PageContext, m: AccountNewModel): string {
  const { t } = ctx;
  const d = m.draft;
  const narrow = m.provinces
    ? html`<form method="get" action="/accounts/new" class="toolbar" data-testid="narrow-form">
        <label
          >${t('accountNew.narrow')}
          <select name="within">
            <option value="">${t('tier.national')}</option>
            ${m.provinces.map((p) => html`<option value="${p.code}" ${p.code === m.within ? html` selected` : ''}>${p.label}</option>`)}
          </select></label
        >
        <button type="submit">${t('accountNew.narrowButton')}</button>
      </form>`
    : '';
  return layout(
    { ...ctx, section: 'accounts' },
    t('accountNew.heading'),
    html`<p><a href="/accounts">${t('account.back')}</a></p>
      <h1>${t('accountNew.heading')}</h1>
      ${narrow}
      <form
        method="post"
        action="/accounts/new"
        class="panel form-wide"
        data-testid="account-form"
        novalidate
      >
        ${formErrorBox(t, m.form)}
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        ${textField(ctx, m.form, 'username', t('field.username'), d.username, {
          hint: t('accountNew.usernameHint'),
          max: 64,
        })}
        ${textField(ctx, m.form, 'display_name', t('field.display_name'), d.displayName, {
          max: 200,
          autocomplete: 'name',
        })}
        <div class="${fieldClass(m.form, 'unit_code')}">
          <label for="unit_code">${t('field.unit_code')}</label>
          <select id="unit_code" name="unit_code" ${invalidAttrs(m.form, 'unit_code')}>
            ${m.units.map((u) => html`<option value="${u.code}" ${u.code === d.unitCode ? html` selected` : ''}>${u.label}</option>`)}
          </select>
          <p class="hint">${t('accountNew.unitHint')}</p>
          ${fieldError(t, m.form, 'unit_code')}
        </div>
        ${roleCheckboxes(t, m.offeredRoles, d.roles, m.form)}
        ${
          m.national
            ? html`<div class="${fieldClass(m.form, 'national_domain')}">
                <label for="national_domain">${t('accountNew.domain')}</label>
                <select
                  id="national_domain"
                  name="national_domain"
                  ${invalidAttrs(m.form, 'national_domain')}
                >
                  <option value="">${t('domain.none')}</option>
                  ${DOMAIN_NAMES.map((n) => html`<option value="${n}" ${n === d.nationalDomain ? html` selected` : ''}>${labelOf(t, 'domain', n)}</option>`)}
                </select>
                ${fieldError(t, m.form, 'national_domain')}
              </div>`
            : ''
        }
        ${textField(ctx, m.form, 'initial_password', t('accountNew.password'), '', {
          hint: t('accountNew.passwordHint'),
          type: 'password',
          max: 128,
          autocomplete: 'new-password',
        })}
        <button type="submit">${t('accountNew.save')}</button>
      </form>`,
  );
}
