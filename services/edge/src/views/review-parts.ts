/** Pieces of the review-round pages: labels, status tags, a labelled input. */
import type { ClassificationName, RoundJson } from '../api/review-json';
import type { Translate } from '../i18n';
import { fieldClass, fieldError, invalidAttrs, labelOf, type FormState } from './account-parts';
import { fieldLabel } from './household-parts';
import { html, type SafeHtml } from './html';

export const classText = (t: Translate, c: ClassificationName | null): string =>
  labelOf(t, 'rv.class', c ?? 'none');

export function roundTag(t: Translate, r: RoundJson): SafeHtml {
  const s = r.status ?? 'open';
  const tone = s === 'recognized' ? 'locked' : s === 'posted' ? 'pending' : 'active';
  return html`<span class="tag status-${tone}" data-testid="round-status" data-status="${s}"
      >${labelOf(t, 'rv.status', s)}</span
    >${r.overdue ? html` <span class="tag status-locked" data-testid="overdue">${t('rv.overdue')}</span>` : ''}`;
}

/** `1500000` → `1.500.000` (Vietnamese digit grouping). */
export function dong(vnd: string | null): string {
  return vnd === null ? '' : vnd.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An input named as the proto field, its id prefixed by the step (ids stay unique). */
export function stepInput(
  t: Translate,
  form: FormState,
  step: string,
  name: string,
  value: string,
  attrs: SafeHtml | '' = '',
  hint?: string,
): SafeHtml {
  const id = `${step}.${name}`;
  return html`<div class="${fieldClass(form, name)}">
    <label for="${id}">${fieldLabel(t, name)}</label>
    <input id="${id}" name="${name}" value="${value}" ${invalidAttrs(form, name)} ${attrs} />
    ${hint ? html`<p class="hint">${hint}</p>` : ''} ${fieldError(t, form, name)}
  </div>`;
}

/** The unit and year inputs of the round and request list filters. */
export function unitYearInputs(t: Translate, f: { unit: string; year: string }): SafeHtml {
  return html`<label for="unit"
      >${t('hh.unit')}
      <input id="unit" name="unit" value="${f.unit}" placeholder="${t('hh.unitHint')}" size="8"
    /></label>
    <label for="year"
      >${t('rv.year')} <input id="year" name="year" value="${f.year}" size="5" inputmode="numeric"
    /></label>`;
}
