/** Pieces shared by the unit pages: unit tables, the as-of-date selector, structure labels. */
import type { UnitJson } from '../api/unit-json';
import type { Translate } from '../i18n';
import { html, query, type SafeHtml } from './html';

/** Last day of the structure with districts, used by the "before 1 Jul 2025" shortcut. */
export const LAST_DAY_2024 = '2025-06-30';
export const FIRST_DAY_2025 = '2025-07-01';

export function unitHref(code: string, date: string | undefined): string {
  return `/units/${encodeURIComponent(code)}${query({ date })}`;
}

export function levelLabel(t: Translate, unit: UnitJson): string {
  return unit.level === null ? '' : t(`level.${unit.level}`);
}

export function structureLabel(t: Translate, structure: UnitJson['structure']): string {
  return structure === null ? '' : t(`structure.${structure}`);
}

export function unitTable(
  t: Translate,
  units: readonly UnitJson[],
  date: string | undefined,
  testId: string,
): SafeHtml {
  return html`<table class="units" data-testid="${testId}">
    <thead>
      <tr>
        <th scope="col">${t('units.code')}</th>
        <th scope="col">${t('units.name')}</th>
        <th scope="col">${t('units.level')}</th>
      </tr>
    </thead>
    <tbody>
      ${units.map(
        (u) =>
          html`<tr>
            <td class="code">${u.code}</td>
            <td><a href="${unitHref(u.code, date)}">${u.name}</a></td>
            <td>${levelLabel(t, u)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Today in Vietnam as YYYY-MM-DD (the day the services read when no date is given). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** GET form choosing the date the structure is read at, with shortcuts to both structures. */
export function dateSelector(
  t: Translate,
  action: string,
  date: string | undefined,
  extra: Record<string, string> = {},
): SafeHtml {
  return html`<form method="get" action="${action}" class="toolbar" data-testid="as-of">
    ${Object.entries(extra).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <label
      >${t('units.asOf')}
      <input
        type="date"
        name="date"
        value="${date ?? todayInVietnam()}"
        min="2025-03-01"
        data-autosubmit
    /></label>
    <button type="submit">${t('units.show')}</button>
    <span class="shortcuts">
      <a href="${action}${query({ ...extra, date: LAST_DAY_2024 })}">${t('structure.2024')}</a>
      <a href="${action}${query({ ...extra, date: FIRST_DAY_2025 })}">${t('structure.2025')}</a>
    </span>
  </form>`;
}

export function breadcrumbs(
  t: Translate,
  ancestors: readonly UnitJson[],
  current: UnitJson,
  date: string | undefined,
): SafeHtml {
  return html`<nav class="crumbs" aria-label="${t('units.breadcrumb')}">
    <ol>
      <li><a href="/units${query({ date })}">${t('units.country')}</a></li>
      ${ancestors.map((a) => html`<li><a href="${unitHref(a.code, date)}">${a.name}</a></li>`)}
      <li aria-current="page">${current.name}</li>
    </ol>
  </nav>`;
}
