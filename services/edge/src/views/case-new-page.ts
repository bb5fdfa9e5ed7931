/**
 * Lập hồ sơ: files an application for a living member of a household of the officer's commune:
 * kind, categories in force, disability level, care-support type, payment channel and account,
 * application date and the documents received.
 */
import type { HouseholdJson } from '../api/household-json';
import { CASE_KINDS } from '../api/case-json';
import { formErrorBox, type FormState } from './account-parts';
import { optionsOf, selectInput, textArea, textInput, type FormValues } from './case-parts';
import { eligibilityFields, paymentFields, type CatalogueChoices } from './case-step-forms';
import { html } from './html';
import { layout, type PageContext } from './layout';

export interface CaseNewModel {
  household: HouseholdJson;
  memberId: string;
  choices: CatalogueChoices;
  values: FormValues;
  form: FormState;
}

export function caseNewPage(ctx: PageContext, m: CaseNewModel): string {
  const { t } = ctx;
  const h = m.household;
  const member = h.members.find((x) => x.id === m.memberId);
  const id = 'new';
  return layout(
    { ...ctx, section: 'cases' },
    t('cs.file'),
    html`<p class="crumbs">
        <a href="/cases">${t('cs.heading')}</a> ·
        <a href="/households/${h.id}">${t('hh.one')} ${h.code}</a>
      </p>
      <h1>${t('cs.file')}</h1>
      <dl class="facts" data-testid="applicant">
        <dt>${t('hh.field.full_name')}</dt>
        <dd>${member?.fullName ?? ''}</dd>
        <dt>${t('hh.field.date_of_birth')}</dt>
        <dd>${member?.dateOfBirth ?? ''}</dd>
        <dt>${t('hh.field.citizen_id')}</dt>
        <dd>${member?.citizenId ?? ''}</dd>
      </dl>
      ${formErrorBox(t, m.form)}
      <form method="post" action="/cases/new" class="form" data-testid="case-new-form" novalidate>
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <input type="hidden" name="household_id" value="${h.id}" />
        <input type="hidden" name="member_id" value="${m.memberId}" />
        <input
          type="hidden"
          name="request_id"
          value="${typeof m.values['request_id'] === 'string' ? m.values['request_id'] : ''}"
        />
        ${selectInput(t, m.form, m.values, { name: 'kind', label: t('cs.field.kind'), options: optionsOf(t, 'cs.kind', CASE_KINDS), blank: false }, id)}
        ${eligibilityFields(t, m.form, m.values, m.choices, id)}
        ${paymentFields(t, m.form, m.values, id)}
        ${textInput(t, m.form, m.values, { name: 'application_date', label: t('cs.field.application_date'), type: 'date', required: true }, id)}
        ${textArea(t, m.form, m.values, { name: 'documents', label: t('cs.field.documents'), hint: t('cs.linesHint') }, id)}
        <button type="submit">${t('cs.file')}</button>
      </form>`,
  );
}
