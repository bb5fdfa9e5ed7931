/**
 * Staff pages of complaints (phản ánh, kiến nghị): the list with the overdue flag and one
 * complaint with the next steps its status allows (answer while open, close once answered,
 * reroute until closed) for officers and approvers.
 */
import type { ComplaintJson } from '../api/citizen-json';
import type { Flash } from '../http/session';
import type { MessageKey } from '../i18n';
import {
  flashBox,
  formErrorBox,
  labelOf,
  pager,
  vietnamTime,
  type FormState,
} from './account-parts';
import { html, type SafeHtml } from './html';
import { textField } from './complaint-new-page';
import { layout, type PageContext } from './layout';

export interface ComplaintListView {
  unit: string;
  status: string;
  overdueOnly: boolean;
  page: string;
  complaints: ComplaintJson[];
  nextPageToken?: string;
  mayFile: boolean;
}

export function complaintListPage(ctx: PageContext, view: ComplaintListView): string {
  const { t } = ctx;
  const statuses = ['', 'open', 'answered', 'closed'];
  return layout(
    { ...ctx, section: 'complaints' },
    t('cp.heading'),
    html`<h1>${t('cp.heading')}</h1>
      <p class="intro">${t('cp.intro')}</p>
      ${view.mayFile ? html`<p><a class="button" href="/complaints/new">${t('cp.new')}</a></p>` : ''}
      <form method="get" action="/complaints" class="filters">
        <label>${t('oa.unit')} <input name="unit" value="${view.unit}" maxlength="5" /></label>
        <label
          >${t('oa.filterStatus')}
          <select name="status">
            ${statuses.map(
              (s) =>
                html`<option value="${s}" ${s === view.status ? html` selected` : ''}>
                  ${s === '' ? t('oa.all') : labelOf(t, 'cp.status', s)}
                </option>`,
            )}
          </select></label
        >
        <label
          ><input
            type="checkbox"
            name="overdue"
            value="1"
            ${view.overdueOnly ? html` checked` : ''}
          />
          ${t('cp.overdueOnly')}</label
        >
        <button type="submit">${t('cp.filter')}</button>
      </form>
      ${
        view.complaints.length === 0
          ? html`<p>${t('cp.none')}</p>`
          : html`<table data-testid="complaints">
              <thead>
                <tr>
                  <th>${t('oa.trackingCode')}</th>
                  <th>${t('cz.subjectKind')}</th>
                  <th>${t('cp.complainant')}</th>
                  <th>${t('oa.receivedAt')}</th>
                  <th>${t('oa.dueOn')}</th>
                  <th>${t('oa.filterStatus')}</th>
                </tr>
              </thead>
              <tbody>
                ${view.complaints.map(
                  (c) =>
                    html`<tr>
                      <td><a href="/complaints/${c.complaintId}">${c.trackingCode}</a></td>
                      <td>${labelOf(t, 'cz.subject', c.subjectKind)}</td>
                      <td>${c.complainantName}</td>
                      <td>${vietnamTime(c.receivedAt)}</td>
                      <td>
                        ${c.dueOn ?? ''}
                        ${c.overdue ? html`<span class="tag overdue" data-testid="overdue">${t('oa.overdue')}</span>` : ''}
                      </td>
                      <td>${labelOf(t, 'cp.status', c.status)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${pager(
        t,
        '/complaints',
        { unit: view.unit, status: view.status, overdue: view.overdueOnly ? '1' : undefined },
        view.nextPageToken,
        view.page !== '',
      )}`,
  );
}

export interface ComplaintView {
  complaint: ComplaintJson;
  mayHandle: boolean;
  form: FormState;
  values: Record<string, string>;
  flash?: Flash;
}

function row(label: string, value: string | null | undefined): SafeHtml | '' {
  return value
    ? html`<dt>${label}</dt>
        <dd>${value}</dd>`
    : '';
}

function stepForm(
  ctx: PageContext,
  c: ComplaintJson,
  path: string,
  heading: MessageKey,
  fields: SafeHtml,
): SafeHtml {
  return html`<section class="panel">
    <h2>${ctx.t(heading)}</h2>
    <form method="post" action="/complaints/${c.complaintId}/${path}" data-testid="${path}-form">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="expected_version" value="${c.version}" />
      ${fields}
      <button type="submit">${ctx.t(heading)}</button>
    </form>
  </section>`;
}

export function complaintPage(ctx: PageContext, view: ComplaintView): string {
  const { t } = ctx;
  const c = view.complaint;
  const { form, values } = view;
  return layout(
    { ...ctx, section: 'complaints' },
    `${t('cp.heading')} ${c.trackingCode}`,
    html`<h1>${t('cp.heading')} ${c.trackingCode}</h1>
      ${flashBox(t, view.flash)} ${formErrorBox(t, form)}
      <dl class="facts" data-testid="complaint">
        ${row(t('oa.filterStatus'), labelOf(t, 'cp.status', c.status))}
        ${row(t('cp.source'), labelOf(t, 'cp.source', c.source))}
        ${row(t('cz.subjectKind'), labelOf(t, 'cz.subject', c.subjectKind))}
        ${row(t('cp.subjectId'), c.subjectId)} ${row(t('cp.managingUnit'), c.managingUnitCode)}
        ${row(t('cp.complainant'), c.complainantName)}
        ${row(t('cz.citizenId'), c.complainantCitizenId)} ${row(t('cz.phone'), c.complainantPhone)}
        ${row(t('oa.receivedAt'), vietnamTime(c.receivedAt))}
        ${row(t('oa.dueOn'), c.dueOn ? `${c.dueOn}${c.overdue ? ` (${t('oa.overdue')})` : ''}` : '')}
        ${row(t('cp.content'), c.content)} ${row(t('cp.answer'), c.answer)}
        ${row(t('cz.answeredAt'), c.answeredAt ? vietnamTime(c.answeredAt) : '')}
      </dl>
      ${
        view.mayHandle && c.status === 'open'
          ? stepForm(
              ctx,
              c,
              'answer',
              'cp.answer',
              textField(ctx, form, values, 'answer', 'cp.answer', 4000, true),
            )
          : ''
      }
      ${
        view.mayHandle && c.status === 'answered'
          ? stepForm(
              ctx,
              c,
              'close',
              'cp.close',
              textField(ctx, form, values, 'note', 'cp.note', 1000, true),
            )
          : ''
      }
      ${
        view.mayHandle && c.status !== 'closed'
          ? stepForm(
              ctx,
              c,
              'reroute',
              'cp.reroute',
              html`${textField(ctx, form, values, 'managing_unit_code', 'cp.rerouteUnit', 5)}
              ${textField(ctx, form, values, 'reason', 'cp.reason', 1000, true)}`,
            )
          : ''
      }
      <p><a href="/complaints">${t('cp.heading')}</a></p>`,
  );
}
