/** The audit trail: filters, newest entries first, each change as a compact diff. */
import { AUDIT_ACTIONS, type AuditEntryJson } from '../api/account-json';
import { snapshotDiff } from './audit-diff';
import { html, query, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';
import { labelOf, pager, vietnamTime, type Described } from './account-parts';

/** The filter as typed (days YYYY-MM-DD, ids). */
export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  subject?: string;
  /** Subject unit code: the entries of its subtree. */
  unit?: string;
  page?: string;
}

export interface AuditModel {
  query: AuditQuery;
  entries: AuditEntryJson[];
  nextPageToken?: string;
  error?: Described;
}

/** Values of a few well-known keys in the user's language; others as recorded. */
function valueLabel(t: PageContext['t'], key: string, value: string): string {
  if (value === '') return '∅';
  if (key === 'roles')
    return value
      .split(', ')
      .map((r) => labelOf(t, 'role', r))
      .join(', ');
  if (key === 'status' || key === 'tier' || key === 'lockReason' || key === 'nationalDomain')
    return labelOf(t, key === 'nationalDomain' ? 'domain' : key, value);
  if (key === 'passwordResetRequired') return value === 'true' ? t('yes') : t('no');
  return value;
}

function diff(t: PageContext['t'], e: AuditEntryJson): SafeHtml {
  const lines = snapshotDiff(e.before, e.after);
  return html`<ul class="diff">
    ${lines.map(
      (l) =>
        html`<li>
          <span class="key">${labelOf(t, 'diffKey', l.key)}</span>
          ${l.before !== undefined ? html`<del>${valueLabel(t, l.key, l.before)}</del>` : ''}
          ${l.before !== undefined && l.after !== undefined ? html`<span aria-hidden="true">→</span>` : ''}
          ${l.after !== undefined ? html`<ins>${valueLabel(t, l.key, l.after)}</ins>` : ''}
        </li>`,
    )}
  </ul>`;
}

function subject(t: PageContext['t'], e: AuditEntryJson): SafeHtml {
  const id =
    e.subjectType === 'account'
      ? html`<a href="/accounts/${e.subjectId}" class="code">${e.subjectId.slice(0, 8)}</a>`
      : html`<span class="code">${e.subjectId}</span>`;
  return html`${labelOf(t, 'subjectType', e.subjectType)} ${id}<br /><span class="muted"
      >${e.subjectUnitCode}</span
    >`;
}

export function auditPage(ctx: PageContext, m: AuditModel): string {
  const { t } = ctx;
  const q = m.query;
  const input = (name: keyof AuditQuery, label: string, type = 'text'): SafeHtml =>
    html`<label
      >${label}
      <input
        name="${name}"
        type="${type}"
        value="${q[name] ?? ''}"
        ${type === 'text' ? html` maxlength="100" size="14"` : ''}
    /></label>`;
  const table =
    m.entries.length === 0
      ? html`<p>${t('audit.none')}</p>`
      : html`<table class="units audit" data-testid="audit-entries">
          <thead>
            <tr>
              <th scope="col">${t('audit.time')}</th>
              <th scope="col">${t('audit.action')}</th>
              <th scope="col">${t('audit.actorCol')}</th>
              <th scope="col">${t('audit.subjectCol')}</th>
              <th scope="col">${t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.entries.map(
              (e) =>
                html`<tr>
                  <td class="nowrap">${vietnamTime(e.time)}</td>
                  <td>${labelOf(t, 'action', e.action)}</td>
                  <td>
                    <a
                      class="${e.actorUsername ? 'actor' : 'code'}"
                      title="${e.actorId}"
                      href="/audit${query({ actor: e.actorId })}"
                      >${e.actorUsername || e.actorId.slice(0, 8)}</a
                    ><br /><span class="muted"
                      >${e.actorUnitCode}${e.sourceAddress ? html` · ${e.sourceAddress}` : ''}</span
                    >
                  </td>
                  <td>${subject(t, e)}</td>
                  <td>${diff(t, e)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'audit' },
    t('audit.heading'),
    html`<h1>${t('audit.heading')}</h1>
      <p class="muted">${t('audit.intro')}</p>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/audit" class="toolbar" data-testid="audit-filter">
        ${input('from', t('audit.from'), 'date')} ${input('to', t('audit.to'), 'date')}
        <label
          >${t('audit.action')}
          <select name="action">
            <option value="">${t('accounts.any')}</option>
            ${AUDIT_ACTIONS.map((a) => html`<option value="${a}" ${a === q.action ? html` selected` : ''}>${labelOf(t, 'action', a)}</option>`)}
          </select></label
        >
        ${input('actor', t('audit.actor'))} ${input('subject', t('audit.subject'))}
        ${input('unit', t('audit.unit'))}
        <button type="submit">${t('audit.filter')}</button>
      </form>
      ${table}
      ${pager(t, '/audit', { from: q.from, to: q.to, actor: q.actor, action: q.action, subject: q.subject, unit: q.unit }, m.nextPageToken, q.page !== undefined)}`,
  );
}
