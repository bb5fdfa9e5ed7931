/** The households list (danh sách hộ): unit, village and status filters, keyset paging. */
import type { HouseholdJson } from '../api/household-json';
import { pager, type Described } from './account-parts';
import { areaText, statusTag } from './household-parts';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';

export interface HouseholdFilter {
  unit: string;
  village: string;
  status: string;
  page: string;
}

export interface HouseholdsModel {
  filter: HouseholdFilter;
  households: HouseholdJson[];
  nextPageToken?: string;
  /** The commune whose households the caller may create, if any. */
  writesCommune?: string;
  error?: Described;
}

/** Links shared by the household pages: list, search, create. */
export function householdActions(ctx: PageContext, writesCommune?: string): SafeHtml {
  const { t } = ctx;
  return html`<p class="toolbar">
    <a href="/households">${t('hh.list')}</a>
    <a href="/households/search" data-testid="search-households">${t('hh.search')}</a>
    ${writesCommune ? html`<a class="button" href="/households/new" data-testid="create-household">${t('hh.create')}</a>` : ''}
  </p>`;
}

export function householdsPage(ctx: PageContext, m: HouseholdsModel): string {
  const { t } = ctx;
  const f = m.filter;
  const table =
    m.households.length === 0
      ? html`<p data-testid="no-households">${t('hh.none')}</p>`
      : html`<table class="units" data-testid="households">
          <thead>
            <tr>
              <th scope="col">${t('hh.code')}</th>
              <th scope="col">${t('hh.field.commune_code')}</th>
              <th scope="col">${t('hh.field.village_code')}</th>
              <th scope="col">${t('hh.field.street_address')}</th>
              <th scope="col">${t('hh.field.area')}</th>
              <th scope="col">${t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.households.map(
              (h) =>
                html`<tr>
                  <td><a href="/households/${h.id}">${h.code}</a></td>
                  <td>${h.communeCode}</td>
                  <td>${h.villageCode ?? ''}</td>
                  <td>${h.streetAddress}</td>
                  <td>${areaText(t, h.area)}</td>
                  <td>${statusTag(t, h.status)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'households' },
    t('hh.heading'),
    html`<h1>${t('hh.heading')}</h1>
      <p class="muted">${t('hh.intro')}</p>
      ${householdActions(ctx, m.writesCommune)}
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/households" class="toolbar" data-testid="household-filter">
        <label for="unit"
          >${t('hh.unit')}
          <input id="unit" name="unit" value="${f.unit}" placeholder="${t('hh.unitHint')}" size="8"
        /></label>
        <label for="village"
          >${t('hh.field.village_code')}
          <input id="village" name="village" value="${f.village}" size="10"
        /></label>
        <label for="status"
          >${t('field.status')}
          <select id="status" name="status">
            <option value="">${t('accounts.any')}</option>
            ${['active', 'dissolved'].map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${t(s === 'active' ? 'hh.status.active' : 'hh.status.dissolved')}</option>`)}
          </select></label
        >
        <button type="submit">${t('accounts.filter')}</button>
      </form>
      ${table}
      ${pager(t, '/households', { unit: f.unit, village: f.village, status: f.status }, m.nextPageToken, f.page !== '')}`,
  );
}
