/**
 * The change log of a household (lịch sử biến động), oldest first: when, who (actor id and
 * unit), what kind, about which member, the reason, and the fields that changed.
 */
import type { ChangeJson, HouseholdJson } from '../api/household-json';
import { labelOf, vietnamTime } from './account-parts';
import { householdTabs } from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';

export interface HistoryModel {
  household: HouseholdJson;
  changes: ChangeJson[];
}

const SKIP = new Set([
  'id',
  'version',
  'householdId',
  'household_id',
  'nameSearch',
  'name_search',
  'createdAt',
  'updatedAt',
  'headMemberId',
]);

/** A recorded value as text; a calendar date as YYYY, YYYY-MM or YYYY-MM-DD. */
function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'object') return String(v);
  const d = v as { year?: unknown; month?: unknown; day?: unknown };
  if (typeof d.year === 'number') {
    const two = (n: unknown): string =>
      typeof n === 'number' && n > 0 ? `-${String(n).padStart(2, '0')}` : '';
    const month = two(d.month);
    return `${d.year}${month}${month === '' ? '' : two(d.day)}`;
  }
  return JSON.stringify(v);
}

/** The fields whose value differs between before and after (all of after for a creation). */
export function changedFields(before: unknown, after: unknown): [string, string, string][] {
  const b = (typeof before === 'object' && before !== null ? before : {}) as Record<
    string,
    unknown
  >;
  const a = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIP.has(k));
  return keys
    .filter((k) => show(b[k]) !== show(a[k]))
    .map((k): [string, string, string] => [k, show(b[k]), show(a[k])]);
}

function diff(change: ChangeJson): SafeHtml {
  const rows = changedFields(change.before, change.after);
  if (rows.length === 0) return html``;
  return html`<ul class="diff">
    ${rows.map(([k, from, to]) => html`<li><code>${k}</code>: ${from === '' ? '' : html`<del>${from}</del> → `}<ins>${to}</ins></li>`)}
  </ul>`;
}

export function householdHistoryPage(ctx: PageContext, m: HistoryModel): string {
  const { t } = ctx;
  const h = m.household;
  const dayOf = (iso: string | null): string => vietnamTime(iso).slice(0, 10);
  return layout(
    { ...ctx, section: 'households' },
    `${t('hh.history')} ${h.code}`,
    html`<p class="crumbs">
        <a href="/households">${t('hh.heading')}</a> › <a href="/households/${h.id}">${h.code}</a>
      </p>
      <h1>${t('hh.history')} ${h.code}</h1>
      ${householdTabs(t, h.id, 'history')}
      <table class="units" data-testid="history">
        <thead>
          <tr>
            <th scope="col">${t('hh.when')}</th>
            <th scope="col">${t('hh.who')}</th>
            <th scope="col">${t('hh.kind')}</th>
            <th scope="col">${t('field.reason')}</th>
            <th scope="col">${t('hh.changes')}</th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          ${m.changes.map(
            (c) =>
              html`<tr data-testid="change-row">
                <td>${vietnamTime(c.at)}</td>
                <td>
                  <code title="${c.actorId}">${c.actorId.slice(0, 8)}</code> (${c.actorUnitCode})
                </td>
                <td>${labelOf(t, 'hh.kind', c.kind)}</td>
                <td>${c.reason}</td>
                <td>${diff(c)}</td>
                <td><a href="/households/${h.id}?asOf=${dayOf(c.at)}">${t('hh.viewAsOf')}</a></td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
