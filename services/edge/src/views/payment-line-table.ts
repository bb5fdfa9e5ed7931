/**
 * The lines of a payroll (dòng chi trả): beneficiary, channel and account, the items that make
 * the line (kỳ này, truy lĩnh, thu hồi, chuyển kỳ trước) with their months, the total, the
 * result (kết quả chi trả), and for the commune's officer on a closed payroll a small form to
 * record one line's outcome.
 */
import type { PayrollJson, PayrollLineJson } from '../api/payment-json';
import { OUTCOMES, PAYMENT_CHANNELS } from '../forms/payment-input';
import { fieldError, formErrorBox, invalidAttrs, labelOf, pager } from './account-parts';
import { valueOf } from './case-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';
import { channelText, money, paymentFormState, type PostedPaymentForm } from './payment-parts';

function items(ctx: PageContext, l: PayrollLineJson): SafeHtml {
  const { t } = ctx;
  return html`<ul class="items" data-testid="line-items">
    ${l.items.map(
      (i) =>
        html`<li data-kind="${i.kind}">
          ${labelOf(t, 'pay.kind', i.kind)} ${i.forMonth ?? ''}: ${money(ctx, i.amountVnd)}
        </li>`,
    )}
  </ul>`;
}

function resultForm(
  ctx: PageContext,
  p: PayrollJson,
  l: PayrollLineJson,
  posted: PostedPaymentForm | undefined,
): SafeHtml {
  const { t } = ctx;
  const { values, form } = paymentFormState(posted, 'record_result', l.id);
  const chosen = valueOf(values, 'outcome');
  const id = `r-${l.id.slice(0, 8)}`;
  return html`<details
    class="step-form"
    data-testid="form-record_result"
    ${posted?.lineId === l.id ? html` open` : ''}
  >
    <summary>${t('pay.action.record_result')}</summary>
    <form method="post" action="/payrolls/${p.id}/lines/${l.id}/result" class="form" novalidate>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="case_code" value="${l.caseCode}" />
      ${formErrorBox(t, form)}
      <label for="${id}-outcome">${t('pay.field.outcome')}</label>
      <select id="${id}-outcome" name="outcome" ${invalidAttrs(form, 'outcome')}>
        ${OUTCOMES.map((o) => html`<option value="${o}" ${o === chosen ? html` selected` : ''}>${labelOf(t, 'pay.outcome', o)}</option>`)}
      </select>
      ${fieldError(t, form, 'outcome')}
      <label for="${id}-reason">${t('pay.field.reason')}</label>
      <input
        id="${id}-reason"
        name="reason"
        value="${valueOf(values, 'reason')}"
        ${invalidAttrs(form, 'reason')}
      />
      ${fieldError(t, form, 'reason')}
      <label for="${id}-paid_on">${t('pay.field.paid_on')}</label>
      <input
        id="${id}-paid_on"
        name="paid_on"
        type="date"
        value="${valueOf(values, 'paid_on')}"
        ${invalidAttrs(form, 'paid_on')}
      />
      ${fieldError(t, form, 'paid_on')}
      <button type="submit">${t('pay.action.record_result')}</button>
    </form>
  </details>`;
}

export interface LinesModel {
  lines: PayrollLineJson[];
  channel: string;
  page: string;
  nextPageToken?: string;
  /** The commune's officer records results on a closed payroll. */
  records: boolean;
  posted?: PostedPaymentForm;
}

export function linesSection(ctx: PageContext, p: PayrollJson, m: LinesModel): SafeHtml {
  const { t } = ctx;
  const table =
    m.lines.length === 0
      ? html`<p data-testid="no-lines">${t('pay.noLines')}</p>`
      : html`<table class="units" data-testid="payroll-lines">
          <thead>
            <tr>
              <th scope="col">${t('cs.code')}</th>
              <th scope="col">${t('cs.beneficiary')}</th>
              <th scope="col">${t('hh.field.citizen_id')}</th>
              <th scope="col">${t('pay.channelHeading')}</th>
              <th scope="col">${t('pay.items')}</th>
              <th scope="col">${t('pay.total')}</th>
              <th scope="col">${t('pay.field.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.lines.map(
              (l) =>
                html`<tr data-testid="line-row" data-line-id="${l.id}">
                  <td><a href="/cases/${l.caseId}">${l.caseCode}</a></td>
                  <td>${l.fullName}</td>
                  <td>${l.citizenId ?? ''}</td>
                  <td>
                    ${channelText(t, l.channel)}
                    ${l.accountNumber ? html`<br />${l.bankCode ?? ''} ${l.accountNumber}` : ''}
                  </td>
                  <td>${items(ctx, l)}</td>
                  <td data-testid="line-total">${money(ctx, l.totalVnd)}</td>
                  <td>
                    <span data-testid="line-outcome">${labelOf(t, 'pay.outcome', l.outcome)}</span>
                    ${l.outcomeReason ? html`<br /><span class="detail">${l.outcomeReason}</span>` : ''}
                    ${m.records ? resultForm(ctx, p, l, m.posted) : ''}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`<section aria-labelledby="lines-h">
    <h2 id="lines-h">${t('pay.lineHeading')}</h2>
    <form method="get" action="/payrolls/${p.id}" class="toolbar" data-testid="line-filter">
      <label
        >${t('pay.channelHeading')}
        <select name="channel">
          <option value="">${t('pay.allChannels')}</option>
          ${PAYMENT_CHANNELS.map((c) => html`<option value="${c}" ${c === m.channel ? html` selected` : ''}>${channelText(t, c)}</option>`)}
        </select></label
      >
      <button type="submit">${t('units.show')}</button>
    </form>
    ${table}
    ${pager(t, `/payrolls/${p.id}`, { channel: m.channel || undefined }, m.nextPageToken, m.page !== '')}
  </section>`;
}
