/** The step forms of a review round; each posts to /review-rounds/:id/<step> with CSRF. */
import type { RoundHouseholdJson } from '../api/review-json';
import type { ReviewStep } from '../forms/review-next-steps';
import type { Translate } from '../i18n';
import {
  fieldClass,
  fieldError,
  formErrorBox,
  invalidAttrs,
  type FormState,
} from './account-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';
import { stepInput } from './review-parts';

export interface IndicatorOption {
  code: string;
  name: string;
}

export interface StepFormsModel {
  roundId: string;
  households: RoundHouseholdJson[];
  /** Villages still without their meeting. */
  villagesToMeet: string[];
  indicators: IndicatorOption[];
  standardCode: string;
  refused?: { step: ReviewStep; state: FormState; values: Record<string, string | string[]> };
}

const PATH: Record<ReviewStep, string> = {
  add: 'households',
  assess: 'assessments',
  meeting: 'meetings',
  posting: 'posting',
  opinion: 'district-opinion',
  recognize: 'recognition',
};

function one(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function frame(
  ctx: PageContext,
  m: StepFormsModel,
  step: ReviewStep,
  title: string,
  body: (form: FormState, v: (n: string) => string) => SafeHtml,
  submit: string,
): SafeHtml {
  const refused = m.refused?.step === step ? m.refused : undefined;
  const form = refused?.state ?? { fieldErrors: {} };
  const v = (n: string) => one(refused?.values[n]);
  return html`<form
    method="post"
    action="/review-rounds/${m.roundId}/${PATH[step]}"
    class="stack step"
    data-testid="step-${step}"
  >
    <h3>${title}</h3>
    ${refused ? formErrorBox(ctx.t, form) : ''}
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    ${body(form, v)}
    <p><button type="submit" data-testid="submit-${step}">${submit}</button></p>
  </form>`;
}

function householdChoice(
  t: Translate,
  m: StepFormsModel,
  form: FormState,
  chosen: string,
): SafeHtml {
  return html`<div class="${fieldClass(form, 'household_id')}">
    <label for="assess.household_id">${t('hh.field.household_id')}</label>
    <select id="assess.household_id" name="household_id" ${invalidAttrs(form, 'household_id')}>
      ${m.households.map(
        (h) =>
          html`<option value="${h.householdId}" ${h.householdId === chosen ? html` selected` : ''}>
            ${h.householdCode}${h.assessment ? ' ✓' : ''}
          </option>`,
      )}
    </select>
    ${fieldError(t, form, 'household_id')}
  </div>`;
}

function indicatorBoxes(
  t: Translate,
  m: StepFormsModel,
  form: FormState,
  checked: readonly string[],
): SafeHtml {
  return html`<fieldset
    class="${fieldClass(form, 'deprived_indicator_codes')}"
    data-testid="indicators"
  >
    <legend>${t('rv.indicatorsOf', { code: m.standardCode })}</legend>
    ${m.indicators.map(
      (i) =>
        html`<label class="check"
          ><input
            type="checkbox"
            name="deprived_indicator_codes"
            value="${i.code}"
            ${checked.includes(i.code) ? html` checked` : ''}
          />
          ${i.name}</label
        >`,
    )}
    ${fieldError(t, form, 'deprived_indicator_codes')}
  </fieldset>`;
}

export function stepForms(
  ctx: PageContext,
  m: StepFormsModel,
  steps: ReadonlySet<ReviewStep>,
): SafeHtml[] {
  const { t } = ctx;
  const out: SafeHtml[] = [];
  if (steps.has('assess')) {
    const checked =
      m.refused?.step === 'assess'
        ? [m.refused.values['deprived_indicator_codes'] ?? []].flat()
        : [];
    out.push(
      frame(
        ctx,
        m,
        'assess',
        t('rv.assess'),
        (form, v) =>
          html`${householdChoice(t, m, form, v('household_id'))}
          ${stepInput(t, form, 'assess', 'income_per_person', v('income_per_person'), html`inputmode="numeric" required`)}
          ${indicatorBoxes(t, m, form, checked)}`,
        t('rv.save'),
      ),
    );
  }
  if (steps.has('add'))
    out.push(
      frame(
        ctx,
        m,
        'add',
        t('rv.add'),
        (form, v) =>
          html`${stepInput(t, form, 'add', 'household_id', v('household_id'), html`required`, t('rv.householdHint'))}
          ${stepInput(t, form, 'add', 'reason', v('reason'), html`required maxlength="1000"`)}`,
        t('rv.save'),
      ),
    );
  if (steps.has('meeting'))
    out.push(
      frame(
        ctx,
        m,
        'meeting',
        t('rv.recordMeeting'),
        (form, v) =>
          html`<div class="${fieldClass(form, 'village_code')}">
              <label for="meeting.village_code">${t('hh.field.village_code')}</label>
              <select id="meeting.village_code" name="village_code">
                ${m.villagesToMeet.map((code) => html`<option value="${code}" ${code === v('village_code') ? html` selected` : ''}>${code}</option>`)}
              </select>
              ${fieldError(t, form, 'village_code')}
            </div>
            ${stepInput(t, form, 'meeting', 'held_on', v('held_on'), html`type="date" required`)}
            ${stepInput(t, form, 'meeting', 'attendees', v('attendees'), html`inputmode="numeric" required`)}
            ${stepInput(t, form, 'meeting', 'agreed_count', v('agreed_count'), html`inputmode="numeric" required`, t('rv.meetingHint'))}`,
        t('rv.recordMeeting'),
      ),
    );
  if (steps.has('posting'))
    out.push(
      frame(
        ctx,
        m,
        'posting',
        t('rv.recordPosting'),
        (form, v) =>
          html`<p class="hint">${t('rv.postingHint')}</p>
            ${stepInput(t, form, 'posting', 'posted_from', v('posted_from'), html`type="date" required`)}
            ${stepInput(t, form, 'posting', 'posted_to', v('posted_to'), html`type="date" required`)}`,
        t('rv.recordPosting'),
      ),
    );
  if (steps.has('opinion'))
    out.push(
      frame(
        ctx,
        m,
        'opinion',
        t('rv.opinion'),
        (form, v) =>
          html`${stepInput(t, form, 'opinion', 'given_on', v('given_on'), html`type="date" required`)}
          ${stepInput(t, form, 'opinion', 'document_number', v('document_number'), html`required maxlength="100"`)}
          ${stepInput(t, form, 'opinion', 'opinion', v('opinion'), html`required maxlength="1000"`)}`,
        t('rv.recordOpinion'),
      ),
    );
  if (steps.has('recognize'))
    out.push(
      frame(
        ctx,
        m,
        'recognize',
        t('rv.decision'),
        (form, v) =>
          html`${stepInput(t, form, 'recognize', 'decision_number', v('decision_number'), html`required maxlength="100"`)}
          ${stepInput(t, form, 'recognize', 'decided_on', v('decided_on'), html`type="date" required`)}
          ${stepInput(t, form, 'recognize', 'signer', v('signer'), html`required maxlength="200"`)}`,
        t('rv.recognize'),
      ),
    );
  return out;
}
