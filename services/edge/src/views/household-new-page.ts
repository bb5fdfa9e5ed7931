/** The create-household form (khai báo hộ mới): address, area, members, reason. */
import type { MemberText } from '../api/household-json';
import {
  fieldClass,
  fieldError,
  formErrorBox,
  invalidAttrs,
  type FormState,
} from './account-parts';
import { areaText, memberFields, reasonField, relationText } from './household-parts';
import { html } from './html';
import { layout, type PageContext } from './layout';

export interface HouseholdDraft {
  communeCode: string;
  villageCode: string;
  streetAddress: string;
  area: string;
  members: MemberText[];
  reason: string;
}

export function householdNewPage(ctx: PageContext, draft: HouseholdDraft, form: FormState): string {
  const { t } = ctx;
  const text = (name: string, label: string, value: string, hint?: string) =>
    html`<div class="${fieldClass(form, name)}">
      <label for="${name}">${label}</label>
      <input id="${name}" name="${name}" value="${value}" ${invalidAttrs(form, name)} />
      ${hint ? html`<p class="hint">${hint}</p>` : ''} ${fieldError(t, form, name)}
    </div>`;
  return layout(
    { ...ctx, section: 'households' },
    t('hh.create'),
    html`<h1>${t('hh.create')}</h1>
      <p class="muted">${t('hh.createIntro', { head: relationText(t, 'head') })}</p>
      ${formErrorBox(t, form)}
      <form
        method="post"
        action="/households/new"
        class="form"
        data-testid="household-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <input type="hidden" name="rows" value="${String(draft.members.length)}" />
        <fieldset>
          <legend>${t('hh.address')}</legend>
          <div class="field">
            <label for="commune_code">${t('hh.field.commune_code')}</label>
            <input id="commune_code" name="commune_code" value="${draft.communeCode}" readonly />
          </div>
          ${text('village_code', t('hh.field.village_code'), draft.villageCode, t('hh.villageHint'))}
          ${text('street_address', t('hh.field.street_address'), draft.streetAddress)}
          <div class="${fieldClass(form, 'area')}">
            <label for="area">${t('hh.field.area')}</label>
            <select id="area" name="area" ${invalidAttrs(form, 'area')}>
              <option value="">—</option>
              ${['rural', 'urban'].map((a) => html`<option value="${a}" ${a === draft.area ? html` selected` : ''}>${areaText(t, a)}</option>`)}
            </select>
            ${fieldError(t, form, 'area')}
          </div>
        </fieldset>
        ${draft.members.map(
          (m, i) =>
            html`<fieldset data-testid="member-row-${String(i)}">
              <legend>${t('hh.members')} ${String(i + 1)}</legend>
              ${memberFields(t, form, `members[${i}]`, m)}
            </fieldset>`,
        )}
        ${fieldError(t, form, 'members')}
        <p class="hint">${t('hh.blankRows')}</p>
        <button
          type="submit"
          name="more"
          value="1"
          class="secondary"
          formnovalidate
          data-testid="more-rows"
        >
          ${t('hh.moreRows')}
        </button>
        ${reasonField(t, form, draft.reason)}
        <div class="actions">
          <button type="submit" data-testid="save-household">${t('hh.save')}</button>
          <a href="/households">${t('hh.cancel')}</a>
        </div>
      </form>`,
  );
}
