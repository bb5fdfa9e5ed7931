/** The accounts list: filters (unit, role, status), keyset paging, the create button. */
import { ROLES } from '@posa/auth';
import { STATUS_NAMES, type AccountJson } from '../api/account-json';
import type { Flash } from '../http/session';
import { html, type SafeHtml } from './html';
import { layout, errorBox, type PageContext } from './layout';
import {
  flashBox,
  labelOf,
  pager,
  rolesText,
  statusTag,
  type Described,
  type UnitOption,
} from './account-parts';

export interface AccountFilter {
  unit?: string;
  role?: string;
  status?: string;
  page?: string;
}

export interface AccountsModel {
  filter: AccountFilter;
  units: UnitOption[];
  accounts: AccountJson[];
  nextPageToken?: string;
  error?: Described;
  flash?: Flash;
}

function select(
  id: string,
  label: string,
  anyLabel: string,
  options: { value: string; label: string }[],
  chosen: string | undefined,
): SafeHtml {
  return html`<label for="${id}"
    >${label}
    <select id="${id}" name="${id}">
      <option value="">${anyLabel}</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
    </select></label
  >`;
}

export function accountsPage(ctx: PageContext, m: AccountsModel): string {
  const { t } = ctx;
  const f = m.filter;
  const unitNames = new Map(m.units.map((u) => [u.code, u.label]));
  const table =
    m.accounts.length === 0
      ? html`<p>${t('accounts.none')}</p>`
      : html`<table class="units" data-testid="accounts">
          <thead>
            <tr>
              <th scope="col">${t('accounts.username')}</th>
              <th scope="col">${t('accounts.displayName')}</th>
              <th scope="col">${t('account.unit')}</th>
              <th scope="col">${t('accounts.roles')}</th>
              <th scope="col">${t('accounts.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.accounts.map(
              (a) =>
                html`<tr>
                  <td><a href="/accounts/${a.id}">${a.username}</a></td>
                  <td>${a.displayName}</td>
                  <td>${unitNames.get(a.unitCode) ?? a.unitCode}</td>
                  <td>${rolesText(t, a.roles)}</td>
                  <td>${statusTag(t, a)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'accounts' },
    t('accounts.heading'),
    html`<div class="title-row">
        <h1>${t('accounts.heading')}</h1>
        <a class="button" href="/accounts/new" data-testid="create-account"
          >${t('accounts.create')}</a
        >
      </div>
      <p class="muted">${t('accounts.intro')}</p>
      ${flashBox(t, m.flash)} ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/accounts" class="toolbar" data-testid="account-filter">
        ${select(
          'unit',
          t('accounts.unit'),
          t('accounts.any'),
          m.units.map((u) => ({ value: u.code, label: u.label })),
          f.unit,
        )}
        ${select(
          'role',
          t('accounts.role'),
          t('accounts.any'),
          ROLES.map((r) => ({ value: r, label: labelOf(t, 'role', r) })),
          f.role,
        )}
        ${select(
          'status',
          t('accounts.status'),
          t('accounts.any'),
          STATUS_NAMES.map((s) => ({ value: s, label: labelOf(t, 'status', s) })),
          f.status,
        )}
        <button type="submit">${t('accounts.filter')}</button>
      </form>
      ${table}
      ${pager(t, '/accounts', { unit: f.unit, role: f.role, status: f.status }, m.nextPageToken, f.page !== undefined)}`,
  );
}
