/**
 * The tables of one case: steps with actor and time, decisions (quyết định), periods (giai
 * đoạn hưởng), review flags, the monthly entitlement with its explanation, and the arrears of a
 * variation (truy lĩnh / thu hồi).
 */
import type { CaseJson } from '../api/case-json';
import type { ArrearsJson, EntitlementJson } from '../api/case-money-json';
import { labelOf, vietnamTime } from './account-parts';
import { formatCoefficient, formatVnd } from './case-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

const head = (labels: string[]): SafeHtml =>
  html`<thead>
    <tr>
      ${labels.map((l) => html`<th scope="col">${l}</th>`)}
    </tr>
  </thead>`;

export function stepsTable(ctx: PageContext, c: CaseJson): SafeHtml {
  const { t } = ctx;
  return html`<table class="units" data-testid="case-steps">
    ${head([t('cs.step'), t('cs.at'), t('field.actor'), t('cs.actorUnit'), t('cs.field.note')])}
    <tbody>
      ${c.steps.map(
        (s) =>
          html`<tr>
            <td>${labelOf(t, 'cs.stepName', s.step)}</td>
            <td>${vietnamTime(s.at)}</td>
            <td><code>${s.actorId.slice(0, 8)}</code></td>
            <td>${s.actorUnitCode}</td>
            <td>${s.note}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function decisionsTable(ctx: PageContext, c: CaseJson): SafeHtml {
  const { t } = ctx;
  if (c.decisions.length === 0)
    return html`<p data-testid="no-decisions">${t('cs.noDecisions')}</p>`;
  return html`<table class="units" data-testid="case-decisions">
    ${head([t('cs.field.number'), t('cs.decisionKind'), t('cs.field.signed_on'), t('cs.field.signer'), t('cs.field.effective_month'), t('cs.unit'), t('cs.field.reason')])}
    <tbody>
      ${c.decisions.map(
        (d) =>
          html`<tr>
            <td>${d.number}</td>
            <td>${labelOf(t, 'cs.decision', d.kind)}</td>
            <td>${d.signedOn ?? ''}</td>
            <td>${d.signer}</td>
            <td>${d.effectiveMonth ?? ''}</td>
            <td>${d.unitCode}</td>
            <td>${d.reason}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function periodsTable(ctx: PageContext, c: CaseJson): SafeHtml {
  const { t } = ctx;
  if (c.periods.length === 0) return html``;
  const numbers = new Map(c.decisions.map((d) => [d.decisionId, d.number]));
  return html`<h2>${t('cs.periods')}</h2>
    <table class="units" data-testid="case-periods">
      ${head([t('cs.fromMonth'), t('cs.toMonth'), t('cs.periodState'), t('cs.field.category_codes'), t('cs.field.number')])}
      <tbody>
        ${c.periods.map(
          (p) =>
            html`<tr>
              <td>${p.fromMonth ?? ''}</td>
              <td>${p.toMonth ?? t('cs.open')}</td>
              <td>${p.suspended ? t('cs.status.suspended') : t('cs.status.active')}</td>
              <td>
                ${p.eligibility.categoryCodes.join(', ')}${p.eligibility.careSupportTypeCode ?? ''}
              </td>
              <td>${numbers.get(p.decisionId) ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function flagsTable(ctx: PageContext, c: CaseJson): SafeHtml {
  const { t } = ctx;
  if (c.flags.length === 0) return html``;
  return html`<h2>${t('cs.flags')}</h2>
    <table class="units" data-testid="case-flags">
      ${head([t('cs.flagReason'), t('cs.raisedAt'), t('cs.field.resolution'), t('cs.resolvedAt')])}
      <tbody>
        ${c.flags.map(
          (f) =>
            html`<tr class="${f.resolution === null ? 'open-flag' : ''}">
              <td>${labelOf(t, 'cs.flag', f.reason)}</td>
              <td>${vietnamTime(f.raisedAt)}</td>
              <td>${f.resolution ?? t('cs.flagOpen')}</td>
              <td>${vietnamTime(f.resolvedAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function entitlementTable(ctx: PageContext, months: EntitlementJson[]): SafeHtml {
  const { t, lang } = ctx;
  const total = months.reduce((sum, m) => sum + m.amountVnd, 0);
  return html`<table class="units" data-testid="entitlements">
    ${head([t('cs.month'), t('cs.amount'), t('cs.coefficient'), t('cs.baseLevel'), t('cs.periodState'), t('cs.explanation')])}
    <tbody>
      ${months.map(
        (m) =>
          html`<tr data-testid="entitlement-row">
            <td>${m.month ?? ''}</td>
            <td class="num">${formatVnd(lang, m.amountVnd)}</td>
            <td class="num">
              ${m.coefficientHundredths ? formatCoefficient(lang, m.coefficientHundredths) : ''}
            </td>
            <td class="num">${m.baseLevelVnd ? formatVnd(lang, m.baseLevelVnd) : ''}</td>
            <td>${labelOf(t, 'cs.state', m.state)}</td>
            <td>${m.explanation}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t('cs.total')}</th>
        <td class="num" data-testid="entitlement-total">${formatVnd(lang, total)}</td>
      </tr>
    </tfoot>
  </table>`;
}

/** Arrears (positive: truy lĩnh) or recoveries (negative: thu hồi) of the last variation. */
export function arrearsBox(ctx: PageContext, arrears: ArrearsJson | undefined): SafeHtml | '' {
  if (arrears === undefined) return '';
  const { t, lang } = ctx;
  if (arrears.lines.length === 0)
    return html`<div class="alert" role="status" data-testid="arrears">
      <p>${t('cs.noArrears')}</p>
    </div>`;
  const label = arrears.totalVnd >= 0 ? t('cs.arrearsOwed') : t('cs.arrearsRecovered');
  return html`<div class="alert" role="status" data-testid="arrears">
    <p>
      <strong
        >${label}:
        <span data-testid="arrears-total">${formatVnd(lang, arrears.totalVnd)}</span></strong
      >
    </p>
    <table class="units">
      ${head([t('cs.month'), t('cs.before'), t('cs.after'), t('cs.delta')])}
      <tbody>
        ${arrears.lines.map(
          (l) =>
            html`<tr>
              <td>${l.month ?? ''}</td>
              <td class="num">${formatVnd(lang, l.beforeVnd)}</td>
              <td class="num">${formatVnd(lang, l.afterVnd)}</td>
              <td class="num">${formatVnd(lang, l.deltaVnd)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
