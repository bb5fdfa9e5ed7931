/** One unit: breadcrumbs, facts, units below, merger lineage (2024 units), villages (2025 communes). */
import type { ResolutionJson, UnitJson, VillageJson } from '../api/unit-json';
import type { Translate } from '../i18n';
import { html, query, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import {
  breadcrumbs,
  dateSelector,
  levelLabel,
  structureLabel,
  unitHref,
  unitTable,
} from './unit-parts';

export interface VillageFormState {
  name: string;
  kind: string;
  /** Error shown at the top of the form (refusals). */
  formError?: { headline: string; detail?: string };
  /** Errors next to a field: name or kind. */
  fieldErrors: Partial<Record<'name' | 'kind', { headline: string; detail?: string }>>;
}

export interface UnitModel {
  date?: string;
  unit: UnitJson;
  ancestors: UnitJson[];
  children: UnitJson[];
  nextChildrenPage?: string;
  lineage?: ResolutionJson;
  villages?: VillageJson[];
  villageForm?: VillageFormState;
  createdVillage?: string;
}

export function lineageList(t: Translate, lineage: ResolutionJson): SafeHtml {
  if (lineage.successors.length === 0) return html`<p>${t('units.noSuccessor')}</p>`;
  return html`<ul class="lineage" data-testid="lineage">
    ${lineage.successors.map((s) =>
      s.unit === null
        ? ''
        : html`<li>
            <a href="${unitHref(s.unit.code, '2025-07-01')}">${s.unit.name}</a>
            <span class="code">${s.unit.code}</span>
            <span class="tag">${s.relation ? t(`relation.${s.relation}`) : ''}</span
            >${s.note ? html` <span class="muted">${s.note}</span>` : ''}
          </li>`,
    )}
  </ul>`;
}

function fieldError(
  t: Translate,
  error: { headline: string; detail?: string } | undefined,
  id: string,
): SafeHtml | '' {
  if (!error) return '';
  return html`<p class="field-error" id="${id}" role="alert">
    ${error.headline}${error.detail ? html` <span class="detail">(${t('error.detail')}: ${error.detail})</span>` : ''}
  </p>`;
}

function villagesSection(ctx: PageContext, m: UnitModel): SafeHtml {
  const { t } = ctx;
  const form = m.villageForm ?? { name: '', kind: 'rural', fieldErrors: {} };
  const kindOption = (kind: 'rural' | 'urban'): SafeHtml =>
    html`<option value="${kind}" ${form.kind === kind ? html` selected` : ''}>
      ${t(`villages.kind.${kind}`)}
    </option>`;
  const list =
    (m.villages ?? []).length === 0
      ? html`<p>${t('villages.none')}</p>`
      : html`<table class="units" data-testid="villages">
          <thead>
            <tr>
              <th scope="col">${t('units.code')}</th>
              <th scope="col">${t('units.name')}</th>
              <th scope="col">${t('villages.kind')}</th>
            </tr>
          </thead>
          <tbody>
            ${(m.villages ?? []).map(
              (v) =>
                html`<tr>
                  <td class="code">${v.code}</td>
                  <td>${v.name}</td>
                  <td>${v.kind ? t(`villages.kind.${v.kind}`) : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`<section id="villages" aria-labelledby="villages-h">
    <h2 id="villages-h">${t('villages.heading')}</h2>
    ${m.createdVillage ? html`<div class="alert ok" role="status">${t('villages.created', { code: m.createdVillage })}</div>` : ''}
    ${list}
    <form
      method="post"
      action="/units/${m.unit.code}/villages${query({ date: m.date })}"
      class="panel"
      data-testid="village-form"
      novalidate
    >
      <h3>${t('villages.create')}</h3>
      ${form.formError ? errorBox(t, form.formError.headline, form.formError.detail) : ''}
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <div class="field${form.fieldErrors.name ? ' invalid' : ''}">
        <label for="village-name">${t('villages.name')}</label>
        <input
          id="village-name"
          name="name"
          value="${form.name}"
          maxlength="100"
          required${
            form.fieldErrors.name
              ? html` aria-invalid="true" aria-describedby="village-name-error"`
              : ''
          }
        />
        ${fieldError(t, form.fieldErrors.name, 'village-name-error')}
      </div>
      <div class="field${form.fieldErrors.kind ? ' invalid' : ''}">
        <label for="village-kind">${t('villages.kind')}</label>
        <select id="village-kind" name="kind">
          ${kindOption('rural')}${kindOption('urban')}
        </select>
        ${fieldError(t, form.fieldErrors.kind, 'village-kind-error')}
      </div>
      <button type="submit">${t('villages.save')}</button>
    </form>
  </section>`;
}

export function unitPage(ctx: PageContext, m: UnitModel): string {
  const { t } = ctx;
  const u = m.unit;
  const isCommune2025 = u.structure === '2025' && u.level === 'commune';
  const children =
    u.level === 'commune'
      ? ''
      : html`<section aria-labelledby="children-h">
          <h2 id="children-h">${t('units.children')}</h2>
          ${m.children.length === 0 ? html`<p>${t('units.noChildren')}</p>` : unitTable(t, m.children, m.date, 'children')}
          ${m.nextChildrenPage ? html`<p><a href="${unitHref(u.code, m.date)}${m.date ? '&' : '?'}page=${encodeURIComponent(m.nextChildrenPage)}">${t('units.more')}</a></p>` : ''}
        </section>`;
  return layout(
    { ...ctx, section: 'units' },
    u.name,
    html`${breadcrumbs(t, m.ancestors, u, m.date)}
      <h1 data-testid="unit-heading">${u.name}</h1>
      ${dateSelector(t, `/units/${u.code}`, m.date)}
      <dl class="facts">
        <dt>${t('units.code')}</dt>
        <dd class="code">${u.code}</dd>
        <dt>${t('units.type')}</dt>
        <dd>${u.type}</dd>
        <dt>${t('units.level')}</dt>
        <dd>${levelLabel(t, u)}</dd>
        <dt>${t('units.structure')}</dt>
        <dd>${structureLabel(t, u.structure)}</dd>
        <dt>${t('units.validFrom')}</dt>
        <dd>${u.validFrom ?? ''}</dd>
        ${
          u.validTo
            ? html`<dt>${t('units.validTo')}</dt>
                <dd>${u.validTo}</dd>`
            : ''
        }
      </dl>
      ${
        m.lineage
          ? html`<section aria-labelledby="lineage-h">
              <h2 id="lineage-h">${t('units.lineage')}</h2>
              ${lineageList(t, m.lineage)}
            </section>`
          : ''
      }
      ${children} ${isCommune2025 ? villagesSection(ctx, m) : ''}`,
  );
}

export function lineagePage(ctx: PageContext, lineage: ResolutionJson): string {
  const { t } = ctx;
  const old = lineage.oldUnit;
  return layout(
    { ...ctx, section: 'units' },
    t('units.resolve'),
    html`<h1>${t('units.resolve')}</h1>
      ${old ? html`<p>${t('units.oldUnit')}: <a href="${unitHref(old.code, '2025-06-30')}">${old.name}</a> <span class="code">${old.code}</span></p>` : ''}
      <h2>${t('units.lineage')}</h2>
      ${lineageList(t, lineage)}
      <p><a href="/units">${t('nav.units')}</a></p>`,
  );
}
