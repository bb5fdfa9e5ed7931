/**
 * Pieces of the payment pages (chi trả): amounts with Vietnamese grouping (1.250.000 đ), labels
 * of statuses, channels, item kinds, outcomes and exceptions, the totals table of a payroll by
 * channel, its exceptions, and a refused form as it comes back.
 */
import type { PayrollExceptionJson, PayrollJson, PayrollTotalsJson } from '../api/payment-json';
import type { PayrollAction } from '../http/payment-roles';
import { isMessageKey, type Translate } from '../i18n';
import { emptyForm, labelOf, type FormState } from './account-parts';
import { formatVnd, type FormValues } from './case-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

/** An amount sent as decimal text, shown in the user's language. */
export function money(ctx: PageContext, amount: string): string {
  return formatVnd(ctx.lang, Number(amount));
}

export function payrollStatusTag(t: Translate, status: string | null): SafeHtml {
  const tone = status === 'closed' ? 'active' : status === 'approved' ? 'pending' : 'locked';
  return html`<span class="tag status-${tone}" data-testid="payroll-status"
    >${status === null ? '' : labelOf(t, 'pay.status', status)}</span
  >`;
}

export const channelText = (t: Translate, channel: string | null): string =>
  channel === null ? '' : labelOf(t, 'pay.channel', channel);

/** The label of a field the payments service or the edge named. */
export function paymentFieldLabel(t: Translate, field: string): string {
  const key = `pay.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** A form that came back refused: which one (and which line), what was typed, the refusal. */
export interface PostedPaymentForm {
  action: PayrollAction | 'generate';
  lineId?: string;
  values: FormValues;
  form: FormState;
}

export function paymentFormState(
  posted: PostedPaymentForm | undefined,
  action: PostedPaymentForm['action'],
  lineId?: string,
): { values: FormValues; form: FormState } {
  if (posted && posted.action === action && posted.lineId === lineId)
    return { values: posted.values, form: posted.form };
  return { values: {}, form: emptyForm() };
}

function totalsRow(ctx: PageContext, label: string, t: PayrollTotalsJson, testId: string) {
  return html`<tr data-testid="${testId}">
    <th scope="row">${label}</th>
    <td>${String(t.lines)}</td>
    <td>${money(ctx, t.currentVnd)}</td>
    <td>${money(ctx, t.arrearsVnd)}</td>
    <td>${money(ctx, t.recoveryVnd)}</td>
    <td>${money(ctx, t.carriedOverVnd)}</td>
    <td><strong>${money(ctx, t.totalVnd)}</strong></td>
  </tr>`;
}

/** Tổng hợp theo hình thức chi trả: one row per channel and the payroll's total. */
export function totalsTable(ctx: PageContext, p: PayrollJson): SafeHtml {
  const { t } = ctx;
  return html`<table class="units" data-testid="payroll-totals">
    <thead>
      <tr>
        <th scope="col">${t('pay.channelHeading')}</th>
        <th scope="col">${t('pay.lines')}</th>
        <th scope="col">${t('pay.kind.current')}</th>
        <th scope="col">${t('pay.kind.arrears')}</th>
        <th scope="col">${t('pay.kind.recovery')}</th>
        <th scope="col">${t('pay.kind.carried_over')}</th>
        <th scope="col">${t('pay.total')}</th>
      </tr>
    </thead>
    <tbody>
      ${p.channels.map((c) => totalsRow(ctx, channelText(t, c.channel), c.totals, 'channel-totals'))}
      ${totalsRow(ctx, t('pay.total'), p.totals, 'payroll-total')}
    </tbody>
  </table>`;
}

/** Trường hợp không lập dòng chi: listed with the amount and why, never dropped silently. */
export function exceptionsTable(ctx: PageContext, exceptions: PayrollExceptionJson[]): SafeHtml {
  const { t } = ctx;
  if (exceptions.length === 0)
    return html`<p data-testid="no-exceptions">${t('pay.noExceptions')}</p>`;
  return html`<table class="units" data-testid="payroll-exceptions">
    <thead>
      <tr>
        <th scope="col">${t('cs.code')}</th>
        <th scope="col">${t('pay.exceptionKind')}</th>
        <th scope="col">${t('pay.amount')}</th>
        <th scope="col">${t('pay.detail')}</th>
      </tr>
    </thead>
    <tbody>
      ${exceptions.map(
        (e) =>
          html`<tr data-testid="exception-row">
            <td><a href="/cases/${e.caseId}">${e.caseCode}</a></td>
            <td>${labelOf(t, 'pay.exception', e.kind)}</td>
            <td>${money(ctx, e.amountVnd)}</td>
            <td>${e.detail}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
