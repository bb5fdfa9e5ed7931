/**
 * Households' review requests of a unit (đơn đề nghị rà soát, form 01/04): year and status
 * filters; for approvers of the commune, a written-refusal form (văn bản từ chối, with the
 * reasons) under each pending request.
 */
import type { RequestJson } from '../api/review-json';
import { REQUEST_STATUSES } from '../api/review-json';
import type { Flash } from '../http/session';
import {
  flashBox,
  formErrorBox,
  labelOf,
  pager,
  type Described,
  type FormState,
} from './account-parts';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { stepInput, unitYearInputs } from './review-parts';

export interface RequestFilter {
  unit: string;
  year: string;
  status: string;
  /** Page token ('' on the first page). */
  page: string;
}

export interface RequestsModel {
  filter: RequestFilter;
  requests: RequestJson[];
  nextPageToken?: string;
  /** The commune whose chair the caller signs for (approver), if any. */
  approverCommune?: string;
  flash?: Flash;
  error?: Described;
  /** The refusal form that was refused, with its values. */
  refused?: { requestId: string; state: FormState; values: Record<string, string> };
}

function statusTag(t: PageContext['t'], r: RequestJson): SafeHtml {
  const s = r.status ?? 'pending';
  const tone = s === 'refused' ? 'locked' : s === 'in_round' ? 'active' : 'pending';
  return html`<span class="tag status-${tone}" data-testid="request-status" data-status="${s}"
    >${labelOf(t, 'rv.requestStatus', s)}</span
  >`;
}

function refusalForm(ctx: PageContext, m: RequestsModel, r: RequestJson): SafeHtml {
  const { t } = ctx;
  const mine = m.refused?.requestId === r.id;
  const form = mine ? m.refused!.state : { fieldErrors: {} };
  const v = mine ? m.refused!.values : {};
  const step = `refuse-${r.id}`;
  return html`<details ${mine ? html`open` : ''}>
    <summary>${t('rv.refuse')}</summary>
    <form
      method="post"
      action="/review-requests/${r.id}/refusal"
      class="stack"
      data-testid="refusal-form"
    >
      ${mine ? formErrorBox(t, form) : ''}
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${stepInput(t, form, step, 'document_number', v['document_number'] ?? '', html`required maxlength="50"`)}
      ${stepInput(t, form, step, 'refused_on', v['refused_on'] ?? '', html`type="date"`)}
      ${stepInput(t, form, step, 'reason', v['reason'] ?? '', html`required maxlength="2000"`)}
      ${stepInput(t, form, step, 'signer', v['signer'] ?? '', html`required maxlength="200"`)}
      <p><button type="submit" data-testid="refusal-submit">${t('rv.refuse')}</button></p>
    </form>
  </details>`;
}

function outcome(ctx: PageContext, m: RequestsModel, r: RequestJson): SafeHtml | string {
  const { t } = ctx;
  if (r.refusal !== null) {
    return html`<p data-testid="refusal">
        ${t('rv.refusal', { number: r.refusal.documentNumber, date: r.refusal.refusedOn ?? '' })}
        (${r.refusal.signer})
      </p>
      <p>${r.refusal.reason}</p>`;
  }
  if (r.roundId !== null) {
    return html`<a href="/review-rounds/${r.roundId}"
      >${t('rv.round', { year: String(r.year) })}</a
    >`;
  }
  return m.approverCommune === r.communeCode ? refusalForm(ctx, m, r) : '';
}

export function reviewRequestsPage(ctx: PageContext, m: RequestsModel): string {
  const { t } = ctx;
  const f = m.filter;
  const table =
    m.requests.length === 0
      ? html`<p data-testid="no-requests">${t('rv.noRequests')}</p>`
      : html`<table class="units" data-testid="requests">
          <thead>
            <tr>
              <th scope="col">${t('hh.field.received_on')}</th>
              <th scope="col">${t('hh.code')}</th>
              <th scope="col">${t('hh.field.form')}</th>
              <th scope="col">${t('rv.year')}</th>
              <th scope="col">${t('hh.field.note')}</th>
              <th scope="col">${t('field.status')}</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            ${m.requests.map(
              (r) =>
                html`<tr data-testid="request" data-id="${r.id}">
                  <td>${r.receivedOn ?? ''}</td>
                  <td><a href="/households/${r.householdId}">${r.householdCode}</a></td>
                  <td>${r.form ? labelOf(t, 'rv.form', r.form) : ''}</td>
                  <td>${r.year}</td>
                  <td>${r.note}</td>
                  <td>${statusTag(t, r)}</td>
                  <td>${outcome(ctx, m, r)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'reviews' },
    t('rv.requests'),
    html`<h1>${t('rv.requests')}</h1>
      <p class="muted">${t('rv.requestsIntro')}</p>
      <p><a href="/review-rounds">${t('rv.heading')}</a></p>
      ${flashBox(t, m.flash)} ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/review-requests" class="toolbar" data-testid="request-filter">
        ${unitYearInputs(t, f)}
        <label for="status"
          >${t('field.status')}
          <select id="status" name="status">
            <option value="">${t('accounts.any')}</option>
            ${REQUEST_STATUSES.map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${labelOf(t, 'rv.requestStatus', s)}</option>`)}
          </select></label
        >
        <button type="submit">${t('accounts.filter')}</button>
      </form>
      ${table}
      ${pager(
        t,
        '/review-requests',
        { unit: f.unit || undefined, year: f.year || undefined, status: f.status || undefined },
        m.nextPageToken,
        f.page !== '',
      )}`,
  );
}
