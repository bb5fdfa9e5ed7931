/**
 * What the household detail page shows of moves and identity quality: the household this
 * one was merged into (nhập hộ) or split from (tách hộ), the moves page for officers of the
 * commune, and per member the record it was merged into and the verification page.
 */
import type { HouseholdJson, MemberJson } from '../api/household-json';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

export function householdLinks(ctx: PageContext, h: HouseholdJson, canWrite: boolean): SafeHtml {
  const { t } = ctx;
  return html`<p class="toolbar" data-testid="household-links">
    ${h.mergedIntoHouseholdId ? html`<span data-testid="merged-into">${t('rq.link.mergedInto')}: <a href="/households/${h.mergedIntoHouseholdId}">${h.mergedIntoHouseholdId}</a></span>` : ''}
    ${h.splitFromHouseholdId ? html`<span data-testid="split-from">${t('rq.link.splitFrom')}: <a href="/households/${h.splitFromHouseholdId}">${h.splitFromHouseholdId}</a></span>` : ''}
    ${canWrite && h.status === 'active' ? html`<a href="/households/${h.id}/moves" data-testid="moves-link">${t('rq.link.moves')}</a>` : ''}
  </p>`;
}

export function memberMarks(ctx: PageContext, h: HouseholdJson, m: MemberJson): SafeHtml {
  const { t } = ctx;
  return html`${
      m.mergedIntoMemberId
        ? html`<br /><small
              class="tag"
              data-testid="merged-into-member"
              title="${m.mergedIntoMemberId}"
              >${t('rq.link.mergedIntoMember')}</small
            >`
        : ''
    } <br /><small
      ><a href="/households/${h.id}/members/${m.id}/verification" data-testid="verify-link"
        >${t('rq.link.verify')}</a
      ></small
    >`;
}
