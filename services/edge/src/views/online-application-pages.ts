/**
 * Staff pages of the online applications (hồ sơ nộp trực tuyến) of a unit: the inbox and one
 * application with its attachments; the accept and decline forms (online-application-forms.ts)
 * only for officers of the commune while the application waits.
 */
import type { OnlineApplicationJson } from '../api/citizen-json';
import type { Flash } from '../http/session';
import { flashBox, labelOf, pager, vietnamTime } from './account-parts';
import { html, query, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { acceptForms, type AcceptView } from './online-application-forms';

export interface InboxView {
  unit: string;
  status: string;
  page: string;
  applications: OnlineApplicationJson[];
  nextPageToken?: string;
}

const kindText = (ctx: PageContext, kind: string | null): string =>
  kind === null ? '' : labelOf(ctx.t, 'cz.kind', kind);

export function inboxPage(ctx: PageContext, view: InboxView): string {
  const { t } = ctx;
  const statuses = ['', 'received', 'accepted', 'declined'];
  return layout(
    { ...ctx, section: 'onlineApplications' },
    t('oa.heading'),
    html`<h1>${t('oa.heading')}</h1>
      <p class="intro">${t('oa.intro')}</p>
      <form method="get" action="/online-applications" class="filters">
        <label>${t('oa.unit')} <input name="unit" value="${view.unit}" maxlength="5" /></label>
        <label
          >${t('oa.filterStatus')}
          <select name="status">
            ${statuses.map(
              (s) =>
                html`<option value="${s}" ${s === view.status ? html` selected` : ''}>
                  ${s === '' ? t('oa.all') : labelOf(t, 'oa.status', s)}
                </option>`,
            )}
          </select></label
        >
        <button type="submit">${t('cp.filter')}</button>
      </form>
      ${
        view.applications.length === 0
          ? html`<p>${t('oa.none')}</p>`
          : html`<table data-testid="online-applications">
              <thead>
                <tr>
                  <th>${t('oa.trackingCode')}</th>
                  <th>${t('oa.kind')}</th>
                  <th>${t('oa.applicant')}</th>
                  <th>${t('oa.receivedAt')}</th>
                  <th>${t('oa.dueOn')}</th>
                  <th>${t('oa.filterStatus')}</th>
                </tr>
              </thead>
              <tbody>
                ${view.applications.map(
                  (a) =>
                    html`<tr>
                      <td>
                        <a href="/online-applications/${a.applicationId}">${a.trackingCode}</a>
                      </td>
                      <td>${kindText(ctx, a.kind)}</td>
                      <td>${a.applicant.fullName}</td>
                      <td>${vietnamTime(a.receivedAt)}</td>
                      <td>
                        ${a.dueOn ?? ''}
                        ${a.overdue ? html`<span class="tag overdue">${t('oa.overdue')}</span>` : ''}
                      </td>
                      <td>${labelOf(t, 'oa.status', a.status)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${pager(
        t,
        '/online-applications',
        { unit: view.unit, status: view.status },
        view.nextPageToken,
        view.page !== '',
      )}`,
  );
}

export interface ApplicationView {
  application: OnlineApplicationJson;
  /** Present when the user may accept or decline. */
  accept?: AcceptView;
  flash?: Flash;
}

function row(label: string, value: string | null | undefined): SafeHtml | '' {
  return value
    ? html`<dt>${label}</dt>
        <dd>${value}</dd>`
    : '';
}

function attachmentList(ctx: PageContext, a: OnlineApplicationJson): SafeHtml {
  const { t } = ctx;
  return html`<ul data-testid="attachments">
    ${a.attachments.map(
      (f) =>
        html`<li>
          ${f.fileName} (${f.mediaType}, ${Math.ceil(f.sizeBytes / 1024)} KiB,
          ${labelOf(t, 'oa.scan', f.scanStatus)})
          ${
            f.scanStatus === 'clean'
              ? html`<a href="/online-applications/${a.applicationId}/attachments/${f.attachmentId}"
                  >${t('oa.download')}</a
                >`
              : ''
          }
        </li>`,
    )}
  </ul>`;
}

export function applicationPage(ctx: PageContext, view: ApplicationView): string {
  const { t } = ctx;
  const a = view.application;
  const ap = a.applicant;
  return layout(
    { ...ctx, section: 'onlineApplications' },
    `${t('oa.heading')} ${a.trackingCode}`,
    html`<h1>${t('oa.heading')} ${a.trackingCode}</h1>
      ${flashBox(t, view.flash)}
      <dl class="facts" data-testid="application">
        ${row(t('oa.kind'), kindText(ctx, a.kind))}
        ${row(t('oa.filterStatus'), labelOf(t, 'oa.status', a.status))}
        ${row(t('oa.receivedAt'), vietnamTime(a.receivedAt))}
        ${row(t('oa.dueOn'), a.dueOn ? `${a.dueOn}${a.overdue ? ` (${t('oa.overdue')})` : ''}` : '')}
        ${row(t('cz.fullName'), ap.fullName)} ${row(t('cz.dateOfBirth'), ap.dateOfBirth)}
        ${row(t('cz.sex'), ap.sex ? labelOf(t, 'cz.sex', ap.sex) : '')}
        ${row(t('cz.citizenId'), ap.citizenId)} ${row(t('cz.phone'), ap.phone)}
        ${row(t('cz.email'), ap.email)} ${row(t('cz.communeCode'), ap.communeCode)}
        ${row(t('cz.streetAddress'), ap.streetAddress)}
        ${row(t('oa.filedBy'), a.filedByName ? `${a.filedByName} (${a.filedByRelation ?? ''})` : '')}
        ${row(t('oa.circumstances'), a.circumstances)}
        ${row(t('oa.suggested'), a.suggestedCategoryCode)}
        ${row(t('oa.payment'), a.payment.channel ? labelOf(t, 'cz.channel', a.payment.channel) : '')}
        ${row(t('cz.accountNumber'), a.payment.accountNumber ? `${a.payment.bankCode ?? ''} ${a.payment.accountNumber}` : '')}
        ${row(t('oa.declineReason'), a.declineReason)}
      </dl>
      ${a.caseId ? html`<p><a href="/cases/${a.caseId}" data-testid="case-link">${t('oa.case')}</a></p>` : ''}
      <h2>${t('oa.attachments')}</h2>
      ${attachmentList(ctx, a)} ${view.accept ? acceptForms(ctx, a, view.accept) : ''}
      <p><a href="/online-applications${query({})}">${t('oa.heading')}</a></p>`,
  );
}
