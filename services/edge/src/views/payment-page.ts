/**
 * One payroll (danh sách chi trả của một xã, một tháng): status and who approved and closed it,
 * the totals by channel, the exceptions (trường hợp không lập dòng chi), the forms the user is
 * offered, the payment files once approved, and the lines with their items and results.
 */
import type { PayrollJson, PaymentFileJson } from '../api/payment-json';
import type { ResultImportJson } from '../api/payment-reconciliation-json';
import type { PayrollAction } from '../http/payment-roles';
import type { Flash } from '../http/session';
import { flashBox, vietnamTime, type Described } from './account-parts';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { filesSection, importBox, payrollActionForms } from './payment-action-forms';
import { linesSection, type LinesModel } from './payment-line-table';
import {
  exceptionsTable,
  payrollStatusTag,
  totalsTable,
  type PostedPaymentForm,
} from './payment-parts';

export interface PayrollPageModel {
  p: PayrollJson;
  offered: readonly PayrollAction[];
  lines: Omit<LinesModel, 'records' | 'posted'>;
  linesError?: Described;
  files?: PaymentFileJson[];
  filesError?: Described;
  flash?: Flash;
  imported?: ResultImportJson;
  posted?: PostedPaymentForm;
  maxUploadBytes: number;
}

function facts(ctx: PageContext, p: PayrollJson): SafeHtml {
  const { t } = ctx;
  const row = (label: string, value: string | SafeHtml) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return html`<dl class="facts" data-testid="payroll-facts">
    ${row(t('field.commune_code'), p.communeCode)} ${row(t('pay.field.month'), p.month ?? '')}
    ${row(t('field.status'), payrollStatusTag(t, p.status))}
    ${row(t('pay.generation'), `${String(p.generation)} · ${vietnamTime(p.generatedAt)}`)}
    ${p.approvedAt ? row(t('pay.approvedAt'), vietnamTime(p.approvedAt)) : ''}
    ${p.closedAt ? row(t('pay.closedAt'), vietnamTime(p.closedAt)) : ''}
    ${row(t('hh.version'), String(p.version))}
  </dl>`;
}

export function payrollPage(ctx: PageContext, m: PayrollPageModel): string {
  const { t } = ctx;
  const p = m.p;
  const title = t('pay.one', { commune: p.communeCode, month: p.month ?? '' });
  const showsFiles = m.offered.includes('download_files');
  return layout(
    { ...ctx, section: 'payments' },
    title,
    html`<p class="crumbs">
        <a href="/payrolls">${t('pay.heading')}</a> ·
        <a href="/reconciliation?unit=${p.communeCode}&amp;month=${p.month ?? ''}"
          >${t('pay.reconciliation')}</a
        >
      </p>
      <h1 data-testid="payroll-title">${title}</h1>
      ${flashBox(t, m.flash)} ${importBox(ctx, m.imported)}
      ${payrollActionForms(ctx, p, m.offered, m.posted, m.maxUploadBytes)} ${facts(ctx, p)}
      <h2>${t('pay.totals')}</h2>
      ${totalsTable(ctx, p)}
      <h2>${t('pay.exceptions')}</h2>
      ${exceptionsTable(ctx, p.exceptions)}
      ${showsFiles ? filesSection(ctx, p, m.files, m.filesError) : ''}
      ${
        m.linesError
          ? errorBox(t, m.linesError.headline, m.linesError.detail)
          : linesSection(ctx, p, {
              ...m.lines,
              records: m.offered.includes('record_result'),
              ...(m.posted ? { posted: m.posted } : {}),
            })
      }`,
  );
}
