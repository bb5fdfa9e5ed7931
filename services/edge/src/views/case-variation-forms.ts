/**
 * The variation forms of a decided case (điều chỉnh, tạm dừng, tiếp tục, thôi hưởng, chuyển đi,
 * tiếp nhận) and the resolution of a review flag, each with its decision (số quyết định, ngày
 * ký, người ký, tháng có hiệu lực, lý do). The arrears a variation yields (truy lĩnh / thu hồi)
 * are shown on the case page after the redirect.
 */
import type { CaseJson } from '../api/case-json';
import { TERMINATION_GROUNDS } from '../forms/case-input';
import type { CaseAction } from '../http/case-roles';
import { formErrorBox } from './account-parts';
import { optionsOf, selectInput, textArea, textInput, type FormValues } from './case-parts';
import {
  decisionFields,
  eligibilityFields,
  paymentFields,
  stateOf,
  stepForm,
  type CatalogueChoices,
  type PostedForm,
} from './case-step-forms';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

const PATHS: Partial<Record<CaseAction, string>> = {
  change_eligibility: 'eligibility',
  suspend: 'suspend',
  resume: 'resume',
  terminate: 'terminate',
  transfer: 'transfer',
  accept_transfer: 'accept-transfer',
};

function resolveForms(ctx: PageContext, c: CaseJson, posted?: PostedForm): SafeHtml[] {
  const { t } = ctx;
  return c.flags
    .filter((f) => f.resolution === null)
    .map((f) => {
      const s = stateOf(posted, 'resolve_flag', {}, f.flagId);
      return html`<details
        class="step-form"
        data-testid="form-resolve_flag"
        ${s.open ? html` open` : ''}
      >
        <summary>
          ${t('cs.action.resolve_flag')}:
          ${t(`cs.flag.${f.reason === 'member_deceased' ? 'member_deceased' : 'member_moved_out'}`)}
        </summary>
        <form
          method="post"
          action="/cases/${c.id}/flags/${f.flagId}/resolve"
          class="form"
          novalidate
        >
          <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
          ${formErrorBox(t, s.form)}
          ${textArea(t, s.form, s.values, { name: 'resolution', label: t('cs.field.resolution') }, `rf-${f.flagId}`)}
          <button type="submit">${t('cs.action.resolve_flag')}</button>
        </form>
      </details>`;
    });
}

/** The variation forms the user is offered on this case. */
export function caseVariationForms(
  ctx: PageContext,
  c: CaseJson,
  offered: readonly CaseAction[],
  choices: CatalogueChoices,
  posted?: PostedForm,
): SafeHtml[] {
  const { t } = ctx;
  const out: SafeHtml[] = [];
  for (const action of [
    'change_eligibility',
    'suspend',
    'resume',
    'terminate',
    'transfer',
    'accept_transfer',
  ] as const) {
    if (!offered.includes(action)) continue;
    const initial: FormValues =
      action === 'change_eligibility'
        ? {
            'eligibility.category_codes': c.eligibility.categoryCodes,
            'eligibility.disability_level': c.eligibility.disabilityLevel ?? '',
            'eligibility.care_support_type_code': c.eligibility.careSupportTypeCode ?? '',
          }
        : {};
    const s = stateOf(posted, action, initial);
    const id = `v-${action}`;
    const extra =
      action === 'change_eligibility'
        ? eligibilityFields(t, s.form, s.values, choices, id)
        : action === 'terminate'
          ? selectInput(
              t,
              s.form,
              s.values,
              {
                name: 'ground',
                label: t('cs.field.ground'),
                options: optionsOf(t, 'cs.ground', TERMINATION_GROUNDS),
              },
              id,
            )
          : action === 'transfer'
            ? textInput(
                t,
                s.form,
                s.values,
                {
                  name: 'destination_commune_code',
                  label: t('cs.field.destination_commune_code'),
                  hint: t('cs.communeHint'),
                },
                id,
              )
            : action === 'accept_transfer'
              ? html`${textInput(t, s.form, s.values, { name: 'household_id', label: t('cs.field.household_id') }, id)}
                ${textInput(t, s.form, s.values, { name: 'member_id', label: t('cs.field.member_id') }, id)}
                ${paymentFields(t, s.form, s.values, id)}`
              : '';
    out.push(
      stepForm(ctx, c, {
        action,
        path: PATHS[action] ?? action,
        open: s.open,
        form: s.form,
        fields: html`${extra}
        ${decisionFields(t, s.form, s.values, id, { month: true, reason: true })}`,
      }),
    );
  }
  if (offered.includes('resolve_flag')) out.push(...resolveForms(ctx, c, posted));
  return out;
}
