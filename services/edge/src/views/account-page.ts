/** One account: its facts, and the forms to change roles, lock, unlock and reset the password. */
import { DOMAIN_NAMES, type AccountJson } from '../api/account-json';
import type { Flash } from '../http/session';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import {
  emptyForm,
  fieldClass,
  fieldError,
  flashBox,
  formErrorBox,
  invalidAttrs,
  labelOf,
  roleCheckboxes,
  statusTag,
  vietnamTime,
  type FormState,
} from './account-parts';

export type AccountAction = 'roles' | 'lock' | 'unlock' | 'reset';

export interface AccountModel {
  account: AccountJson;
  /** Name of the account's unit when the catalogue has it. */
  unitName?: string;
  offeredRoles: string[];
  flash?: Flash;
  /** The form that was refused, with its errors and the values typed. */
  refused?: { action: AccountAction; form: FormState; roles?: string[]; reason?: string };
}

function actionForm(
  ctx: PageContext,
  m: AccountModel,
  action: AccountAction,
  heading: string,
  body: SafeHtml,
): SafeHtml {
  const form = m.refused?.action === action ? m.refused.form : emptyForm();
  return html`<form
    method="post"
    action="/accounts/${m.account.id}/${action}"
    class="panel"
    data-testid="${action}-form"
    novalidate
  >
    <h2>${heading}</h2>
    ${formErrorBox(ctx.t, form)}
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    ${body}
  </form>`;
}

export function accountPage(ctx: PageContext, m: AccountModel): string {
  const { t } = ctx;
  const a = m.account;
  const formOf = (action: AccountAction): FormState =>
    m.refused?.action === action ? m.refused.form : emptyForm();
  const rolesForm = formOf('roles');
  const roles = m.refused?.action === 'roles' ? (m.refused.roles ?? a.roles) : a.roles;
  const lockForm = formOf('lock');
  const national = a.unitCode === 'VN';
  const facts = html`<dl class="facts" data-testid="account-facts">
    <dt>${t('accounts.displayName')}</dt>
    <dd>${a.displayName}</dd>
    <dt>${t('account.unit')}</dt>
    <dd>
      ${m.unitName ? html`${m.unitName} ` : ''}<span class="code">${a.unitCode}</span>
      ${a.unitStructure ? html`<br /><span class="muted">${labelOf(t, 'structure', a.unitStructure)}</span>` : ''}
    </dd>
    <dt>${t('account.tier')}</dt>
    <dd>${labelOf(t, 'tier', a.tier)}</dd>
    <dt>${t('accounts.roles')}</dt>
    <dd data-testid="account-roles">
      <ul class="tags">
        ${a.roles.map((r) => html`<li>${labelOf(t, 'role', r)}</li>`)}
      </ul>
    </dd>
    ${
      national
        ? html`<dt>${t('account.domain')}</dt>
            <dd>
              ${a.nationalDomain ? labelOf(t, 'domain', a.nationalDomain) : t('domain.none')}
            </dd>`
        : ''
    }
    <dt>${t('account.status')}</dt>
    <dd data-testid="account-status">${statusTag(t, a)}</dd>
    ${
      a.lockReason
        ? html`<dt>${t('account.lockReason')}</dt>
            <dd>${labelOf(t, 'lockReason', a.lockReason)}</dd>`
        : ''
    }
    <dt>${t('account.mustChange')}</dt>
    <dd>${a.passwordResetRequired ? t('yes') : t('no')}</dd>
    <dt>${t('account.created')}</dt>
    <dd>${vietnamTime(a.createTime)}</dd>
    <dt>${t('account.updated')}</dt>
    <dd>${vietnamTime(a.updateTime)}</dd>
  </dl>`;
  const domainSelect = national
    ? html`<div class="${fieldClass(rolesForm, 'national_domain')}">
        <label for="national_domain">${t('accountNew.domain')}</label>
        <select id="national_domain" name="national_domain">
          <option value="">${t('domain.none')}</option>
          ${DOMAIN_NAMES.map((n) => html`<option value="${n}" ${n === a.nationalDomain ? html` selected` : ''}>${labelOf(t, 'domain', n)}</option>`)}
        </select>
        ${fieldError(t, rolesForm, 'national_domain')}
      </div>`
    : '';
  const lockOrUnlock =
    a.status === 'locked'
      ? actionForm(
          ctx,
          m,
          'unlock',
          t('account.unlockForm'),
          html`<p class="hint">${t('account.unlockHint')}</p>
            <button type="submit">${t('account.unlockButton')}</button>`,
        )
      : actionForm(
          ctx,
          m,
          'lock',
          t('account.lockForm'),
          html`<div class="${fieldClass(lockForm, 'reason')}">
              <label for="reason">${t('account.reason')}</label>
              <input
                id="reason"
                name="reason"
                maxlength="500"
                value="${m.refused?.reason ?? ''}"
                ${invalidAttrs(lockForm, 'reason')}
              />
              ${fieldError(t, lockForm, 'reason')}
            </div>
            <button type="submit" class="danger">${t('account.lockButton')}</button>`,
        );
  return layout(
    { ...ctx, section: 'accounts' },
    t('account.heading', { username: a.username }),
    html`<p><a href="/accounts">${t('account.back')}</a></p>
      <h1 data-testid="account-heading">${t('account.heading', { username: a.username })}</h1>
      ${flashBox(t, m.flash)} ${facts}
      <div class="columns">
        ${actionForm(
          ctx,
          m,
          'roles',
          t('account.rolesForm'),
          html`${roleCheckboxes(t, m.offeredRoles, roles, rolesForm)}${domainSelect}
            <button type="submit">${t('account.rolesSave')}</button>`,
        )}
        <div class="stack">
          ${lockOrUnlock}
          ${actionForm(
            ctx,
            m,
            'reset',
            t('account.resetForm'),
            html`<p class="hint">${t('account.resetHint')}</p>
              <button type="submit">${t('account.resetButton')}</button>`,
          )}
        </div>
      </div>`,
  );
}
