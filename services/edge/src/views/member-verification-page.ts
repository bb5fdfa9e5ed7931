/**
 * One member against the national population database (CSDL quốc gia về dân cư): the stored
 * outcome of the latest verification (from the change log) and, for officers of the
 * commune, the button that verifies again and stores the new outcome.
 */
import type { HouseholdJson, MemberJson, PopulationCheckJson } from '../api/household-json';
import type { Flash } from '../http/session';
import { flashBox, formErrorBox, labelOf, vietnamTime, type FormState } from './account-parts';
import { householdTabs } from './household-parts';
import { html } from './html';
import { layout, type PageContext } from './layout';

export interface VerificationModel {
  household: HouseholdJson;
  member: MemberJson;
  stored: PopulationCheckJson | null;
  canVerify: boolean;
  flash?: Flash;
  form?: FormState;
}

export function memberVerificationPage(ctx: PageContext, model: VerificationModel): string {
  const { t } = ctx;
  const { household: h, member: m, stored } = model;
  const fields = (stored?.mismatchedFields ?? []).map((f) => labelOf(t, 'hh.field', f)).join(', ');
  return layout(
    { ...ctx, section: 'households' },
    t('rq.verify.heading'),
    html`<p class="crumbs">
        <a href="/households">${t('hh.heading')}</a> ›
        <a href="/households/${h.id}">${t('hh.one')} ${h.code}</a>
      </p>
      <h1>${t('rq.verify.heading')}</h1>
      ${householdTabs(t, h.id, 'detail')} ${flashBox(t, model.flash)}
      ${model.form ? formErrorBox(t, model.form) : ''}
      <h2>${t('rq.verify.member', { name: m.fullName })}</h2>
      <div data-testid="verification">
        ${
          stored === null
            ? html`<p data-testid="verification-none">${t('rq.verify.none')}</p>`
            : html`<p>
                  ${t('rq.verify.last', { at: vietnamTime(stored.verifiedAt) })}
                  <strong data-testid="verification-outcome"
                    >${labelOf(t, 'rq.outcome', stored.outcome)}</strong
                  >
                </p>
                ${fields ? html`<p data-testid="verification-fields">${t('rq.verify.mismatched', { fields })}</p>` : ''}`
        }
      </div>
      ${m.citizenId === null ? html`<p class="hint">${t('rq.verify.needsId')}</p>` : ''}
      ${
        model.canVerify
          ? html`<form
              method="post"
              action="/households/${h.id}/members/${m.id}/verify"
              data-testid="verify-form"
            >
              <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
              <button type="submit">${t('rq.verify.submit')}</button>
            </form>`
          : ''
      }`,
  );
}
