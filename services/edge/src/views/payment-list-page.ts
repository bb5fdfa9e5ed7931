/**
 * Danh sách chi trả: the payrolls of a unit (commune, province, VN) by month and status, keyset
 * paging, and the lập danh sách form for the officers who generate (their commune, or for a
 * province officer any commune of the province or the whole province at once).
 */
import type { PayrollJson } from '../api/payment-json';
import { PAYROLL_STATUSES, type GenerationTarget } from '../forms/payment-input';
import type { Flash } from '../http/session';
import {
  fieldClass,
  fieldError,
  flashBox,
  formErrorBox,
  invalidAttrs,
  labelOf,
  pager,
  type Described,
  type FormState,
} from './account-parts';
import { valueOf, type FormValues } from './case-parts';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { money, payrollStatusTag } from './payment-parts';

export interface PayrollFilter {
  unit: string;
  month: string;
  status: string;
  page: string;
}

export interface PayrollListModel {
  filter: PayrollFilter;
  payrolls: PayrollJson[];
  nextPageToken?: string;
  error?: Described;
  flash?: Flash;
  /** The unit the user generates for; the form is shown only then. */
  generates?: GenerationTarget;
  generate?: { values: FormValues; form: FormState };
}

function generateForm(ctx: PageContext, m: PayrollListModel, target: GenerationTarget): SafeHtml {
  const { t } = ctx;
  const values = m.generate?.values ?? { commune_code: target.code, month: m.filter.month };
  const form = m.generate?.form ?? { fieldErrors: {} };
  const field = (name: string, label: string, hint: string, pattern: string) =>
    html`<div class="${fieldClass(form, name)}">
      <label for="generate-${name}">${label}</label>
      <input
        id="generate-${name}"
        name="${name}"
        value="${valueOf(values, name)}"
        pattern="${pattern}"
        required
        ${invalidAttrs(form, name)}
      />
      <p class="hint">${hint}</p>
      ${fieldError(t, form, name)}
    </div>`;
  return html`<section aria-labelledby="generate-h" data-testid="generate-form">
    <h2 id="generate-h">${t('pay.generate')}</h2>
    <form method="post" action="/payrolls" class="form" novalidate>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${formErrorBox(t, form)}
      ${field(
        'commune_code',
        t('pay.field.commune_code'),
        target.kind === 'province' ? t('pay.generateProvinceHint') : t('pay.generateHint'),
        '[0-9]{2}|[0-9]{5}',
      )}
      ${field('month', t('pay.field.month'), 'YYYY-MM', '[0-9]{4}-[0-9]{2}')}
      <button type="submit">${t('pay.generate')}</button>
    </form>
  </section>`;
}

function table(ctx: PageContext, payrolls: PayrollJson[]): SafeHtml {
  const { t } = ctx;
  if (payrolls.length === 0) return html`<p data-testid="no-payrolls">${t('pay.none')}</p>`;
  return html`<table class="units" data-testid="payrolls">
    <thead>
      <tr>
        <th scope="col">${t('field.commune_code')}</th>
        <th scope="col">${t('pay.field.month')}</th>
        <th scope="col">${t('field.status')}</th>
        <th scope="col">${t('pay.lines')}</th>
        <th scope="col">${t('pay.total')}</th>
        <th scope="col">${t('pay.exceptions')}</th>
      </tr>
    </thead>
    <tbody>
      ${payrolls.map(
        (p) =>
          html`<tr data-testid="payroll-row">
            <td><a href="/payrolls/${p.id}">${p.communeCode}</a></td>
            <td>${p.month ?? ''}</td>
            <td>${payrollStatusTag(t, p.status)}</td>
            <td>${String(p.totals.lines)}</td>
            <td>${money(ctx, p.totals.totalVnd)}</td>
            <td>${String(p.exceptions.length)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function payrollListPage(ctx: PageContext, m: PayrollListModel): string {
  const { t } = ctx;
  const f = m.filter;
  const params = {
    unit: f.unit || undefined,
    month: f.month || undefined,
    status: f.status || undefined,
  };
  return layout(
    { ...ctx, section: 'payments' },
    t('pay.heading'),
    html`<h1>${t('pay.heading')}</h1>
      <p>${t('pay.intro')}</p>
      ${flashBox(t, m.flash)}
      <p class="toolbar">
        <a href="/reconciliation?month=${f.month}" data-testid="to-reconciliation"
          >${t('pay.reconciliation')}</a
        >
        <a href="/payment-signing-key">${t('pay.publicKey')}</a>
      </p>
      ${m.generates ? generateForm(ctx, m, m.generates) : ''}
      <form method="get" action="/payrolls" class="toolbar" data-testid="payroll-filter">
        <label
          >${t('hh.unit')}
          <input name="unit" value="${f.unit}" size="6" placeholder="${t('hh.unitHint')}"
        /></label>
        <label
          >${t('pay.field.month')}
          <input name="month" type="month" value="${f.month}" placeholder="YYYY-MM"
        /></label>
        <label
          >${t('field.status')}
          <select name="status">
            <option value="">${t('cs.allStatuses')}</option>
            ${PAYROLL_STATUSES.map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${labelOf(t, 'pay.status', s)}</option>`)}
          </select></label
        >
        <button type="submit">${t('units.show')}</button>
      </form>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : table(ctx, m.payrolls)}
      ${pager(t, '/payrolls', params, m.nextPageToken, f.page !== '')}`,
  );
}
