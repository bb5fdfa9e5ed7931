/** The catalogue entry page: provinces at a date, search without diacritics, merger lookup. */
import type { UnitJson } from '../api/unit-json';
import { html, query } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { dateSelector, levelLabel, structureLabel, unitHref, unitTable } from './unit-parts';

export interface UnitsModel {
  date?: string;
  q?: string;
  /** Provinces of the chosen structure (shown when there is no search). */
  provinces: UnitJson[];
  /** Search results (when q is given). */
  results?: UnitJson[];
  nextPageToken?: string;
  error?: { headline: string; detail?: string };
}

export function unitsPage(ctx: PageContext, m: UnitsModel): string {
  const { t } = ctx;
  const structure = (m.results ?? m.provinces)[0]?.structure ?? null;
  const results =
    m.results === undefined
      ? ''
      : html`<section aria-labelledby="results-h">
          <h2 id="results-h">${t('units.searchResults')}</h2>
          ${
            m.results.length === 0
              ? html`<p>${t('units.noResults')}</p>`
              : html`<table class="units" data-testid="search-results">
                  <thead>
                    <tr>
                      <th scope="col">${t('units.code')}</th>
                      <th scope="col">${t('units.name')}</th>
                      <th scope="col">${t('units.level')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${m.results.map(
                      (u) =>
                        html`<tr>
                          <td class="code">${u.code}</td>
                          <td><a href="${unitHref(u.code, m.date)}">${u.name}</a></td>
                          <td>${levelLabel(t, u)}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }
          ${m.nextPageToken ? html`<p><a href="/units${query({ date: m.date, q: m.q, page: m.nextPageToken })}">${t('units.more')}</a></p>` : ''}
        </section>`;
  const provinces =
    m.results !== undefined
      ? ''
      : html`<section aria-labelledby="prov-h">
          <h2 id="prov-h">${t('units.provinces')}</h2>
          ${unitTable(t, m.provinces, m.date, 'provinces')}
        </section>`;
  return layout(
    { ...ctx, section: 'units' },
    t('units.heading'),
    html`<h1>${t('units.heading')}</h1>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      ${dateSelector(t, '/units', m.date, m.q ? { q: m.q } : {})}
      ${structure ? html`<p class="muted">${t('units.structure')}: ${structureLabel(t, structure)}</p>` : ''}
      <div class="columns">
        <form method="get" action="/units" class="panel" role="search" data-testid="search-form">
          <label for="q">${t('units.search')}</label>
          <div class="row">
            <input id="q" name="q" value="${m.q ?? ''}" maxlength="100" aria-describedby="q-hint" />
            ${m.date ? html`<input type="hidden" name="date" value="${m.date}" />` : ''}
            <button type="submit">${t('units.searchButton')}</button>
          </div>
          <p class="hint" id="q-hint">${t('units.searchHint')}</p>
        </form>
        <form method="get" action="/units/lineage" class="panel" data-testid="resolve-form">
          <label for="old">${t('units.resolve')}</label>
          <div class="row">
            <input
              id="old"
              name="code"
              inputmode="numeric"
              maxlength="5"
              pattern="[0-9]{2,5}"
              aria-describedby="old-hint"
            />
            <button type="submit">${t('units.resolveButton')}</button>
          </div>
          <p class="hint" id="old-hint">${t('units.resolveHint')}</p>
        </form>
      </div>
      ${results}${provinces}`,
  );
}
