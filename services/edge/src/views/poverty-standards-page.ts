/**
 * The poverty standards (chuẩn nghèo), read only: the periods each is in force, its income
 * lines per area and its deprivation indicators, each value with its certainty tag
 * (confirmed; secondary or unverified values are marked as not confirmed).
 */
import type { ConfidenceName, StandardJson } from '../api/standard-json';
import { labelOf } from './account-parts';
import { areaText } from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';

function tag(ctx: PageContext, c: ConfidenceName | null): SafeHtml {
  const name = c ?? 'unverified';
  return html`<span
    class="tag ${name === 'confirmed' ? 'status-active' : 'status-locked'}"
    data-testid="confidence-${name}"
    >${labelOf(ctx.t, 'std.confidence', name)}</span
  >`;
}

function vnd(value: string | null): string {
  if (value === null) return '—';
  return `${value.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

function standardSection(ctx: PageContext, s: StandardJson): SafeHtml {
  const { t } = ctx;
  return html`<section class="standard" data-testid="standard-${s.code}">
    <h2>${t('std.one', { code: s.code })}</h2>
    <p>${t('std.legalBasis')}: ${s.legalBasis}</p>
    <h3>${t('std.inForce')}</h3>
    <ul>
      ${s.inForce.map((p) => html`<li>${p.validFrom ?? ''} – ${p.validTo ?? t('std.open')}: ${p.legalBasis}</li>`)}
    </ul>
    <h3>${t('std.lines')}</h3>
    <table class="units">
      <thead>
        <tr>
          <th scope="col">${t('hh.field.area')}</th>
          <th scope="col">${t('std.incomeOnly')}</th>
          <th scope="col">${t('std.povertyLine')}</th>
          <th scope="col">${t('std.averageLine')}</th>
          <th scope="col">${t('std.minDeprivations')}</th>
          <th scope="col">${t('std.structure')}</th>
        </tr>
      </thead>
      <tbody>
        ${s.rules.map(
          (r) =>
            html`<tr>
              <td>${areaText(t, r.area)}</td>
              <td>
                ${vnd(r.incomeOnlyPoorLine)}
                ${r.incomeOnlyPoorLine ? tag(ctx, r.lineConfidence) : ''}
              </td>
              <td>${vnd(r.povertyLine)} ${tag(ctx, r.lineConfidence)}</td>
              <td>
                ${vnd(r.averageLivingLine)}
                ${r.averageLivingLine ? tag(ctx, r.averageLivingConfidence) : ''}
              </td>
              <td>${String(r.minDeprivationsForPoor)}</td>
              <td>${tag(ctx, r.structureConfidence)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${t('std.indicators')}</h3>
    <table class="units">
      <thead>
        <tr>
          <th scope="col">${t('std.dimension')}</th>
          <th scope="col">${t('std.indicator')}</th>
          <th scope="col">${t('std.certainty')}</th>
        </tr>
      </thead>
      <tbody>
        ${s.indicators.map(
          (i) =>
            html`<tr>
              <td>${i.dimensionNameVi}</td>
              <td>${i.nameVi} <code>${i.code}</code></td>
              <td>${tag(ctx, i.confidence)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function povertyStandardsPage(ctx: PageContext, standards: StandardJson[]): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'standards' },
    t('std.heading'),
    html`<h1>${t('std.heading')}</h1>
      <p class="muted">${t('std.intro')}</p>
      ${standards.map((s) => standardSection(ctx, s))}`,
  );
}
