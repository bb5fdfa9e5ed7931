/**
 * The field check of one sampled household: every identity field (thông tin định danh) and
 * the other fields offered, of the household and of each living member, answered correct,
 * wrong or not checked, with a note. A check recorded earlier is shown as recorded.
 */
import type { HouseholdJson } from '../api/household-json';
import { IDENTITY_FIELDS, OTHER_FIELDS, type SampleItemJson } from '../api/sampling-json';
import { formErrorBox, labelOf, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { liveMembers } from './registry-quality-parts';

export interface CheckModel {
  sampleId: string;
  household: HouseholdJson;
  item: SampleItemJson;
  form: FormState;
}

const FIELDS = [
  ...IDENTITY_FIELDS.map((f) => ({ ...f, identity: true })),
  ...OTHER_FIELDS.map((f) => ({ ...f, identity: false })),
];

function answer(
  ctx: PageContext,
  item: SampleItemJson,
  field: string,
  identity: boolean,
  memberId: string,
): SafeHtml {
  const { t } = ctx;
  const name = memberId === '' ? `c.${field}` : `c.${field}.${memberId}`;
  const recorded = item.checks.find((c) => c.field === field && (c.memberId ?? '') === memberId);
  const chosen = item.checked
    ? recorded === undefined
      ? ''
      : recorded.error
        ? 'error'
        : 'ok'
    : 'ok';
  const option = (value: string, label: string): SafeHtml =>
    html`<option value="${value}" ${value === chosen ? html` selected` : ''}>${label}</option>`;
  return html`<div class="field">
    <label for="${name}"
      >${labelOf(t, 'rq.sf', field)}${identity ? html` <small class="tag">${t('rq.check.identityTag')}</small>` : ''}</label
    >
    <select id="${name}" name="${name}">
      ${option('ok', t('rq.check.ok'))} ${option('error', t('rq.check.error'))}
      ${option('', t('rq.check.skip'))}
    </select>
  </div>`;
}

export function sampleCheckPage(ctx: PageContext, model: CheckModel): string {
  const { t } = ctx;
  const h = model.household;
  const item = model.item;
  const householdFields = FIELDS.filter((f) => !f.member);
  const memberFields = FIELDS.filter((f) => f.member);
  return layout(
    { ...ctx, section: 'samples' },
    t('rq.check.heading', { code: h.code }),
    html`<p class="crumbs"><a href="/samples/${model.sampleId}">${t('rq.sample.one')}</a></p>
      <h1>${t('rq.check.heading', { code: h.code })}</h1>
      ${formErrorBox(t, model.form)}
      <form
        method="post"
        action="/samples/${model.sampleId}/households/${h.id}"
        class="form"
        data-testid="check-form"
      >
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <fieldset data-testid="check-household">
          <legend>${t('rq.check.household')}</legend>
          ${householdFields.map((f) => answer(ctx, item, f.field, f.identity, ''))}
        </fieldset>
        ${liveMembers(h.members).map(
          (m) =>
            html`<fieldset data-testid="check-member">
              <legend>${t('rq.check.member', { name: m.fullName })}</legend>
              ${memberFields.map((f) => answer(ctx, item, f.field, f.identity, m.id))}
            </fieldset>`,
        )}
        <div class="field">
          <label for="note">${t('hh.field.note')}</label>
          <input id="note" name="note" value="${item.note}" maxlength="1000" />
        </div>
        <button type="submit" data-testid="check-submit">${t('rq.check.save')}</button>
      </form>`,
  );
}
