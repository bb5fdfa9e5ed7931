/**
 * The step forms of a case, each offered only to the role and level that takes the step:
 * kiểm tra hồ sơ (complete, or returned with the missing items), nộp bổ sung, thẩm định,
 * đối chiếu CSDL dân cư, quyết định (số, ngày ký, người ký, tháng hưởng), từ chối. Every form
 * carries the CSRF token and the case version read.
 */
import type { CaseJson } from '../api/case-json';
import { CHANNELS, DISABILITY_LEVELS } from '../api/case-json';
import type { CaseAction } from '../http/case-roles';
import type { Translate } from '../i18n';
import { emptyForm, formErrorBox, type FormState } from './account-parts';
import {
  checkboxes,
  selectInput,
  textArea,
  textInput,
  optionsOf,
  type FormValues,
} from './case-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

/** Categories (diện hưởng) and care-support types in force, from the policy catalogue. */
export interface CatalogueChoices {
  categories: { code: string; name: string }[];
  careSupportTypes: { code: string; name: string }[];
}

/** A form that came back refused: which one, what was typed, the refusal. */
export interface PostedForm {
  action: CaseAction;
  /** The review flag of a resolve form. */
  flagId?: string;
  values: FormValues;
  form: FormState;
}

/** The state of one form on the page: its own refusal and values, else empty. */
export function stateOf(
  posted: PostedForm | undefined,
  action: CaseAction,
  initial: FormValues = {},
  flagId?: string,
): { values: FormValues; form: FormState; open: boolean } {
  if (posted && posted.action === action && posted.flagId === flagId)
    return { values: posted.values, form: posted.form, open: true };
  return { values: initial, form: emptyForm(), open: false };
}

/** The frame of a step form: summary, CSRF, version, refusal box, fields, submit. */
export function stepForm(
  ctx: PageContext,
  c: CaseJson,
  spec: { action: CaseAction; path: string; open: boolean; form: FormState; fields: SafeHtml },
): SafeHtml {
  const { t } = ctx;
  const label = t(`cs.action.${spec.action}`);
  return html`<details
    class="step-form"
    data-testid="form-${spec.action}"
    ${spec.open ? html` open` : ''}
  >
    <summary>${label}</summary>
    <form method="post" action="/cases/${c.id}/${spec.path}" class="form" novalidate>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="expected_version" value="${String(c.version)}" />
      ${formErrorBox(t, spec.form)} ${spec.fields}
      <button type="submit">${label}</button>
    </form>
  </details>`;
}

/** Categories, disability level and care-support type (the eligibility of a case). */
export function eligibilityFields(
  t: Translate,
  form: FormState,
  values: FormValues,
  choices: CatalogueChoices,
  id: string,
): SafeHtml {
  return html`${checkboxes(t, form, values, {
    name: 'eligibility.category_codes',
    label: t('cs.field.category_codes'),
    hint: t('cs.categoriesHint'),
    options: choices.categories.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })),
  })}
  ${selectInput(t, form, values, { name: 'eligibility.disability_level', label: t('cs.field.disability_level'), options: optionsOf(t, 'cs.disability', DISABILITY_LEVELS) }, id)}
  ${selectInput(t, form, values, { name: 'eligibility.care_support_type_code', label: t('cs.field.care_support_type_code'), options: choices.careSupportTypes.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })) }, id)}`;
}

/** Payment channel, bank and account (hình thức chi trả). */
export function paymentFields(
  t: Translate,
  form: FormState,
  values: FormValues,
  id: string,
): SafeHtml {
  return html`${selectInput(t, form, values, { name: 'payment.channel', label: t('cs.field.channel'), options: optionsOf(t, 'cs.channel', CHANNELS) }, id)}
  ${textInput(t, form, values, { name: 'payment.bank_code', label: t('cs.field.bank_code'), hint: t('cs.bankHint') }, id)}
  ${textInput(t, form, values, { name: 'payment.account_number', label: t('cs.field.account_number') }, id)}`;
}

/** Số quyết định, ngày ký, người ký, and the effective month when the form has one. */
export function decisionFields(
  t: Translate,
  form: FormState,
  values: FormValues,
  id: string,
  options: { month: boolean; reason: boolean; prefix?: string },
): SafeHtml {
  const p = options.prefix ?? 'decision.';
  // ApproveCaseRequest and RejectCaseRequest carry the decision flat: decision_number, signed_on...
  const numberName = p === '' ? 'decision_number' : `${p}number`;
  return html`${textInput(t, form, values, { name: numberName, label: t('cs.field.number'), required: true }, id)}
  ${textInput(t, form, values, { name: `${p}signed_on`, label: t('cs.field.signed_on'), type: 'date', required: true }, id)}
  ${textInput(t, form, values, { name: `${p}signer`, label: t('cs.field.signer') }, id)}
  ${options.month ? textInput(t, form, values, { name: `${p}effective_month`, label: t('cs.field.effective_month'), type: 'month', hint: t('cs.effectiveHint') }, id) : ''}
  ${options.reason ? textArea(t, form, values, { name: `${p}reason`, label: t('cs.field.reason') }, id) : ''}`;
}

/** The forms of the steps from filing to decision the user is offered. */
export function caseStepForms(
  ctx: PageContext,
  c: CaseJson,
  offered: readonly CaseAction[],
  choices: CatalogueChoices,
  posted?: PostedForm,
): SafeHtml[] {
  const { t } = ctx;
  const out: SafeHtml[] = [];
  if (offered.includes('completeness')) {
    const s = stateOf(posted, 'completeness', { complete: 'true' });
    out.push(
      stepForm(ctx, c, {
        action: 'completeness',
        path: 'completeness',
        open: s.open,
        form: s.form,
        fields: html`${selectInput(
          t,
          s.form,
          s.values,
          {
            name: 'complete',
            label: t('cs.field.complete'),
            blank: false,
            options: [
              { value: 'true', label: t('cs.complete.yes') },
              { value: 'false', label: t('cs.complete.no') },
            ],
          },
          'cc',
        )}
        ${textArea(t, s.form, s.values, { name: 'missing_items', label: t('cs.field.missing_items'), hint: t('cs.linesHint') }, 'cc')}
        ${textArea(t, s.form, s.values, { name: 'note', label: t('cs.field.note') }, 'cc')}`,
      }),
    );
  }
  if (offered.includes('resubmit')) {
    const s = stateOf(posted, 'resubmit');
    out.push(
      stepForm(ctx, c, {
        action: 'resubmit',
        path: 'resubmit',
        open: s.open,
        form: s.form,
        fields: html`${textArea(t, s.form, s.values, { name: 'documents', label: t('cs.field.documents'), hint: t('cs.linesHint') }, 'rs')}
        ${textArea(t, s.form, s.values, { name: 'note', label: t('cs.field.note') }, 'rs')}`,
      }),
    );
  }
  if (offered.includes('appraise')) {
    const s = stateOf(posted, 'appraise', {
      'eligibility.category_codes': c.eligibility.categoryCodes,
      'eligibility.disability_level': c.eligibility.disabilityLevel ?? '',
      'eligibility.care_support_type_code': c.eligibility.careSupportTypeCode ?? '',
      proposed_month: c.applicationDate?.slice(0, 7) ?? '',
    });
    out.push(
      stepForm(ctx, c, {
        action: 'appraise',
        path: 'appraise',
        open: s.open,
        form: s.form,
        fields: html`${eligibilityFields(t, s.form, s.values, choices, 'ap')}
        ${textInput(t, s.form, s.values, { name: 'proposed_month', label: t('cs.field.proposed_month'), type: 'month' }, 'ap')}
        ${textArea(t, s.form, s.values, { name: 'opinion', label: t('cs.field.opinion') }, 'ap')}`,
      }),
    );
  }
  if (offered.includes('verify')) {
    const s = stateOf(posted, 'verify');
    out.push(
      stepForm(ctx, c, {
        action: 'verify',
        path: 'verify',
        open: s.open,
        form: s.form,
        fields: html`<p class="hint">${t('cs.verifyHint')}</p>`,
      }),
    );
  }
  if (offered.includes('approve')) {
    const s = stateOf(posted, 'approve');
    out.push(
      stepForm(ctx, c, {
        action: 'approve',
        path: 'approve',
        open: s.open,
        form: s.form,
        fields: decisionFields(t, s.form, s.values, 'ad', {
          month: true,
          reason: false,
          prefix: '',
        }),
      }),
    );
  }
  if (offered.includes('reject')) {
    const s = stateOf(posted, 'reject');
    out.push(
      stepForm(ctx, c, {
        action: 'reject',
        path: 'reject',
        open: s.open,
        form: s.form,
        fields: html`${textArea(t, s.form, s.values, { name: 'reason', label: t('cs.field.reason') }, 'rj')}
        ${decisionFields(t, s.form, s.values, 'rj', { month: false, reason: false, prefix: '' })}`,
      }),
    );
  }
  return out;
}
