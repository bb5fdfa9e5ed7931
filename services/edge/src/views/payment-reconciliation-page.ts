/**
 * Đối soát of a unit and month: what was planned, paid, unpaid (chuyển kỳ sau), returned and
 * still pending, the unpaid amounts of earlier months carried into this month, the payrolls open
 * and closed, each unit one level below (with a link to its own reconciliation), and the
 * exceptions found.
 */
import type {
  ReconciliationJson,
  UnitReconciliationJson,
} from '../api/payment-reconciliation-json';
import { labelOf, vietnamTime, type Described } from './account-parts';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { money } from './payment-parts';

export interface ReconciliationModel {
  unit: string;
  month: string;
  report?: ReconciliationJson;
  error?: Described;
}

function headings(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<tr>
    <th scope="col">${t('hh.unit')}</th>
    <th scope="col">${t('pay.lines')}</th>
    <th scope="col">${t('pay.planned')}</th>
    <th scope="col">${t('pay.outcome.paid')}</th>
    <th scope="col">${t('pay.outcome.unpaid')}</th>
    <th scope="col">${t('pay.outcome.returned')}</th>
    <th scope="col">${t('pay.outcome.pending')}</th>
    <th scope="col">${t('pay.kind.carried_over')}</th>
    <th scope="col">${t('pay.payrollsClosed')}</th>
    <th scope="col">${t('pay.payrollsOpen')}</th>
    <th scope="col">${t('pay.communesWithout')}</th>
  </tr>`;
}

function row(ctx: PageContext, u: UnitReconciliationJson, month: string, link: boolean) {
  const f = u.figures;
  return html`<tr data-testid="${link ? 'child-row' : 'unit-row'}">
    <th scope="row">
      ${link ? html`<a href="/reconciliation?unit=${u.unitCode}&amp;month=${month}">${u.unitCode}</a>` : u.unitCode}
    </th>
    <td>${String(f.lines)}</td>
    <td data-testid="planned">${money(ctx, f.plannedVnd)}</td>
    <td data-testid="paid">${money(ctx, f.paidVnd)}</td>
    <td data-testid="unpaid">${money(ctx, f.unpaidVnd)}</td>
    <td data-testid="returned">${money(ctx, f.returnedVnd)}</td>
    <td data-testid="pending">${money(ctx, f.pendingVnd)}</td>
    <td data-testid="carried">${money(ctx, f.carriedOverVnd)}</td>
    <td>${String(u.payrollsClosed)}</td>
    <td>${String(u.payrollsOpen)}</td>
    <td>${String(u.communesWithoutPayroll)}</td>
  </tr>`;
}

function report(ctx: PageContext, r: ReconciliationJson, month: string): SafeHtml {
  const { t } = ctx;
  const exceptions =
    r.exceptions.length === 0
      ? html`<p data-testid="no-exceptions">${t('pay.noExceptions')}</p>`
      : html`<table class="units" data-testid="reconciliation-exceptions">
          <thead>
            <tr>
              <th scope="col">${t('hh.unit')}</th>
              <th scope="col">${t('pay.exceptionKind')}</th>
              <th scope="col">${t('pay.amount')}</th>
              <th scope="col">${t('pay.detail')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.exceptions.map(
              (e) =>
                html`<tr data-testid="exception-row">
                  <td>
                    ${e.payrollId ? html`<a href="/payrolls/${e.payrollId}">${e.unitCode}</a>` : e.unitCode}
                  </td>
                  <td>${labelOf(t, 'pay.exception', e.kind)}</td>
                  <td>${money(ctx, e.amountVnd)}</td>
                  <td>${e.detail}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`<table class="units" data-testid="reconciliation">
      <thead>
        ${headings(ctx)}
      </thead>
      <tbody>
        ${row(ctx, r.unit, month, false)} ${r.children.map((c) => row(ctx, c, month, true))}
      </tbody>
    </table>
    <p class="hint">${t('pay.computedAt')}: ${vietnamTime(r.computedAt)}</p>
    <h2>${t('pay.exceptions')}</h2>
    ${exceptions}`;
}

export function reconciliationPage(ctx: PageContext, m: ReconciliationModel): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'reconciliation' },
    t('pay.reconciliation'),
    html`<p class="crumbs"><a href="/payrolls">${t('pay.heading')}</a></p>
      <h1>${t('pay.reconciliation')}</h1>
      <p>${t('pay.reconciliationIntro')}</p>
      <form
        method="get"
        action="/reconciliation"
        class="toolbar"
        data-testid="reconciliation-filter"
      >
        <label
          >${t('hh.unit')}
          <input name="unit" value="${m.unit}" size="6" placeholder="${t('hh.unitHint')}"
        /></label>
        <label
          >${t('pay.field.month')}
          <input name="month" type="month" value="${m.month}" placeholder="YYYY-MM" required
        /></label>
        <button type="submit">${t('units.show')}</button>
      </form>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      ${m.report ? report(ctx, m.report, m.month) : ''}`,
  );
}
