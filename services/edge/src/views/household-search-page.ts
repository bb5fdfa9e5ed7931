/**
 * Search (tra cứu): members by a name typed with or without diacritics, by citizen ID, or
 * households by code; unit and status filters; next page. Citizen IDs come masked.
 */
import type { MemberHit } from '@posa/proto';
import { statusName } from '../api/household-json';
import { pager, type Described } from './account-parts';
import { relationText, statusTag } from './household-parts';
import { householdActions } from './households-page';
import { html } from './html';
import { errorBox, layout, type PageContext } from './layout';

export const SEARCH_KINDS = ['name', 'citizen_id', 'household_code'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchForm {
  kind: SearchKind;
  q: string;
  unit: string;
  status: string;
  page: string;
}

export interface SearchModel {
  form: SearchForm;
  /** Undefined before a search. */
  hits?: MemberHit[];
  nextPageToken?: string;
  writesCommune?: string;
  error?: Described;
}

export function householdSearchPage(ctx: PageContext, m: SearchModel): string {
  const { t } = ctx;
  const f = m.form;
  const results =
    m.hits === undefined
      ? ''
      : m.hits.length === 0
        ? html`<p data-testid="no-hits">${t('hh.noHits')}</p>`
        : html`<table class="units" data-testid="hits">
            <thead>
              <tr>
                <th scope="col">${t('hh.field.full_name')}</th>
                <th scope="col">${t('hh.birthYear')}</th>
                <th scope="col">${t('hh.field.citizen_id')}</th>
                <th scope="col">${t('hh.field.relation')}</th>
                <th scope="col">${t('hh.code')}</th>
                <th scope="col">${t('field.status')}</th>
              </tr>
            </thead>
            <tbody>
              ${m.hits.map(
                (hit) =>
                  html`<tr data-testid="hit">
                    <td>
                      <a href="/households/${hit.householdId}">${hit.fullName}</a
                      >${hit.deceased ? html` <span class="tag">${t('hh.deceased')}</span>` : ''}
                    </td>
                    <td>${hit.birthYear === 0 ? '' : String(hit.birthYear)}</td>
                    <td>${hit.maskedCitizenId}</td>
                    <td>${relationText(t, hit.relation)}</td>
                    <td>${hit.householdCode}</td>
                    <td>${statusTag(t, statusName(hit.householdStatus))}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
  return layout(
    { ...ctx, section: 'households' },
    t('hh.search'),
    html`<h1>${t('hh.search')}</h1>
      ${householdActions(ctx, m.writesCommune)}
      <form method="get" action="/households/search" class="toolbar" data-testid="search-form">
        <label for="kind"
          >${t('hh.searchBy')}
          <select id="kind" name="kind">
            ${SEARCH_KINDS.map((k) => html`<option value="${k}" ${k === f.kind ? html` selected` : ''}>${t(`hh.searchBy.${k}`)}</option>`)}
          </select></label
        >
        <label for="q"
          >${t('hh.searchText')}
          <input id="q" name="q" value="${f.q}" placeholder="${t('hh.searchHint')}"
        /></label>
        <label for="unit"
          >${t('hh.unit')}
          <input id="unit" name="unit" value="${f.unit}" size="8" placeholder="${t('hh.unitHint')}"
        /></label>
        <label for="status"
          >${t('field.status')}
          <select id="status" name="status">
            <option value="">${t('accounts.any')}</option>
            ${['active', 'dissolved'].map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${t(s === 'active' ? 'hh.status.active' : 'hh.status.dissolved')}</option>`)}
          </select></label
        >
        <button type="submit">${t('units.searchButton')}</button>
      </form>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''} ${results}
      ${pager(t, '/households/search', { kind: f.kind, q: f.q, unit: f.unit, status: f.status }, m.nextPageToken, f.page !== '')}`,
  );
}
