/**
 * The review rounds of a unit (rà soát): year, status, overdue filters; for commune
 * officers, the forms to open a round and to record a household's form 01/04 request.
 */
import type { RoundJson } from '../api/review-json';
import { ROUND_KINDS, ROUND_STATUSES } from '../api/review-json';
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
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { roundTag, stepInput, unitYearInputs } from './review-parts';

export interface RoundFilter {
  unit: string;
  year: string;
  status: string;
  overdue: boolean;
  /** Page token ('' on the first page). */
  page: string;
}

export interface RoundsModel {
  filter: RoundFilter;
  rounds: RoundJson[];
  nextPageToken?: string;
  /** The commune whose rounds the caller runs (officer), if any. */
  officerCommune?: string;
  flash?: Flash;
  error?: Described;
  /** Which form a refusal belongs to, and its values. */
  refused?: { form: 'open' | 'request'; state: FormState; values: Record<string, string> };
}

function openForm(ctx: PageContext, m: RoundsModel): SafeHtml {
  const { t } = ctx;
  const form = m.refused?.form === 'open' ? m.refused.state : { fieldErrors: {} };
  return html`<form method="post" action="/review-rounds" class="stack" data-testid="open-round">
    <h2>${t('rv.open')}</h2>
    ${m.refused?.form === 'open' ? formErrorBox(t, form) : ''}
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    <input type="hidden" name="commune_code" value="${m.officerCommune ?? ''}" />
    <fieldset class="${fieldClass(form, 'kind')}">
      <legend>${t('hh.field.kind')}</legend>
      ${ROUND_KINDS.map((k) => html`<label class="check"><input type="radio" name="kind" value="${k}" ${k === 'periodic' ? html` checked` : ''} ${invalidAttrs(form, 'kind')} /> ${labelOf(t, 'rv.kind', k)}</label>`)}
      ${fieldError(t, form, 'kind')}
    </fieldset>
    <p><button type="submit" data-testid="open-round-submit">${t('rv.open')}</button></p>
  </form>`;
}

function requestForm(ctx: PageContext, m: RoundsModel): SafeHtml {
  const { t } = ctx;
  const form = m.refused?.form === 'request' ? m.refused.state : { fieldErrors: {} };
  const v = m.refused?.form === 'request' ? m.refused.values : {};
  return html`<form
    method="post"
    action="/review-requests"
    class="stack"
    data-testid="request-form"
  >
    <h2>${t('rv.request')}</h2>
    ${m.refused?.form === 'request' ? formErrorBox(t, form) : ''}
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    ${stepInput(t, form, 'request', 'household_id', v['household_id'] ?? '', html`required`, t('rv.householdHint'))}
    <div class="${fieldClass(form, 'form')}">
      <label for="request.form">${t('hh.field.form')}</label>
      <select id="request.form" name="form" ${invalidAttrs(form, 'form')}>
        ${['form_01', 'form_04'].map((f) => html`<option value="${f}" ${f === v['form'] ? html` selected` : ''}>${labelOf(t, 'rv.form', f)}</option>`)}
      </select>
      ${fieldError(t, form, 'form')}
    </div>
    ${stepInput(t, form, 'request', 'received_on', v['received_on'] ?? '', html`type="date"`)}
    ${stepInput(t, form, 'request', 'note', v['note'] ?? '', html`maxlength="1000"`)}
    <p><button type="submit" data-testid="request-submit">${t('rv.save')}</button></p>
  </form>`;
}

export function reviewRoundsPage(ctx: PageContext, m: RoundsModel): string {
  const { t } = ctx;
  const f = m.filter;
  const table =
    m.rounds.length === 0
      ? html`<p data-testid="no-rounds">${t('rv.none')}</p>`
      : html`<table class="units" data-testid="rounds">
          <thead>
            <tr>
              <th scope="col">${t('rv.year')}</th>
              <th scope="col">${t('hh.field.commune_code')}</th>
              <th scope="col">${t('rv.kind')}</th>
              <th scope="col">${t('field.status')}</th>
              <th scope="col">${t('rv.assessed')}</th>
              <th scope="col">${t('rv.startedOn')}</th>
              <th scope="col">${t('rv.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.rounds.map(
              (r) =>
                html`<tr>
                  <td>
                    <a href="/review-rounds/${r.id}" data-testid="round-link"
                      >${t('rv.round', { year: String(r.year) })}</a
                    >
                  </td>
                  <td>${r.communeCode}</td>
                  <td>${labelOf(t, 'rv.kind', r.kind ?? 'periodic')}</td>
                  <td>${roundTag(t, r)}</td>
                  <td>${r.assessedCount} / ${r.householdCount}</td>
                  <td>${r.startedOn ?? ''}</td>
                  <td>${r.deadline ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'reviews' },
    t('rv.heading'),
    html`<h1>${t('rv.heading')}</h1>
      <p class="muted">${t('rv.intro')}</p>
      <p>
        <a
          href="/review-requests${f.unit ? `?unit=${encodeURIComponent(f.unit)}` : ''}"
          data-testid="requests-link"
          >${t('rv.requests')}</a
        >
      </p>
      ${flashBox(t, m.flash)} ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/review-rounds" class="toolbar" data-testid="round-filter">
        ${unitYearInputs(t, f)}
        <label for="status"
          >${t('field.status')}
          <select id="status" name="status">
            <option value="">${t('accounts.any')}</option>
            ${ROUND_STATUSES.map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${labelOf(t, 'rv.status', s)}</option>`)}
          </select></label
        >
        <label class="check"
          ><input type="checkbox" name="overdue" value="1" ${f.overdue ? html` checked` : ''} />
          ${t('rv.overdueOnly')}</label
        >
        <button type="submit">${t('accounts.filter')}</button>
      </form>
      ${table}
      ${pager(
        t,
        '/review-rounds',
        {
          unit: f.unit || undefined,
          year: f.year || undefined,
          status: f.status || undefined,
          overdue: f.overdue ? '1' : undefined,
        },
        m.nextPageToken,
        f.page !== '',
      )}
      ${m.officerCommune ? html`<div class="columns">${openForm(ctx, m)} ${requestForm(ctx, m)}</div>` : ''}`,
  );
}
