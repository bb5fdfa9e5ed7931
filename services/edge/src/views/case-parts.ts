/**
 * Pieces of the case pages (hồ sơ trợ giúp xã hội): labels of statuses, kinds and steps,
 * money in VND, and the fields of the step forms. A form's values are kept by the field name
 * the cases service uses (`eligibility.category_codes`, `decision.signed_on`...), so a refusal
 * lands next to its field and the typed values come back.
 */
import { isMessageKey, type Language, type MessageKey, type Translate } from '../i18n';
import { fieldClass, fieldError, invalidAttrs, labelOf, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';

/** Values of a posted form by field name (several for checkboxes). */
export type FormValues = Record<string, string | string[]>;

export function valueOf(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
}

export function listOf(values: FormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** The values of a posted form body (strings and lists of strings only). */
export function formValuesOf(body: unknown): FormValues {
  const out: FormValues = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** 750000 → "750.000 đ" (vi) or "750,000 VND" (en); negative amounts keep their sign. */
export function formatVnd(lang: Language, amount: number): string {
  const digits = String(Math.abs(amount)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    lang === 'vi' ? '.' : ',',
  );
  const sign = amount < 0 ? '−' : '';
  return lang === 'vi' ? `${sign}${digits} đ` : `${sign}${digits} VND`;
}

/** 150 → "1,5" (vi) or "1.5" (en). */
export function formatCoefficient(lang: Language, hundredths: number): string {
  const text = (hundredths / 100).toFixed(hundredths % 10 === 0 ? 1 : 2);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export const caseStatusText = (t: Translate, s: string | null): string =>
  s === null ? '' : labelOf(t, 'cs.status', s);
export const caseKindText = (t: Translate, k: string | null): string =>
  k === null ? '' : labelOf(t, 'cs.kind', k);

export function caseStatusTag(t: Translate, s: string | null): SafeHtml {
  const good = s === 'active' || s === 'verified' || s === 'checked' || s === 'appraised';
  const tone = good ? 'active' : s === 'submitted' ? 'pending' : 'locked';
  return html`<span class="tag status-${tone}" data-testid="case-status"
    >${caseStatusText(t, s)}</span
  >`;
}

/** The label of a field the service named, e.g. `decision.signed_on` → "Ngày ký". */
export function caseFieldLabel(t: Translate, field: string): string {
  const leaf = field.replace(/^(eligibility|payment|decision|page)\./, '');
  for (const key of [`cs.field.${field.replace('.', '_')}`, `cs.field.${leaf}`, `field.${leaf}`])
    if (isMessageKey(key)) return t(key);
  return field;
}

export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
}

/** A text input; `type` date, month or text. */
export function textInput(
  t: Translate,
  form: FormState,
  values: FormValues,
  spec: FieldSpec & { type?: 'text' | 'date' | 'month'; required?: boolean },
  idPrefix: string,
): SafeHtml {
  const id = `${idPrefix}-${spec.name}`;
  return html`<div class="${fieldClass(form, spec.name)}">
    <label for="${id}">${spec.label}</label>
    <input
      id="${id}"
      name="${spec.name}"
      type="${spec.type ?? 'text'}"
      value="${valueOf(values, spec.name)}"
      ${spec.required ? html` required` : ''}
      ${spec.type === 'month' ? html` placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}"` : ''}
      ${invalidAttrs(form, spec.name)}
    />
    ${spec.hint ? html`<p class="hint">${spec.hint}</p>` : ''} ${fieldError(t, form, spec.name)}
  </div>`;
}

export function textArea(
  t: Translate,
  form: FormState,
  values: FormValues,
  spec: FieldSpec,
  idPrefix: string,
): SafeHtml {
  const id = `${idPrefix}-${spec.name}`;
  return html`<div class="${fieldClass(form, spec.name)}">
    <label for="${id}">${spec.label}</label>
    <textarea id="${id}" name="${spec.name}" rows="3" ${invalidAttrs(form, spec.name)}>
${valueOf(values, spec.name)}</textarea>
    ${spec.hint ? html`<p class="hint">${spec.hint}</p>` : ''} ${fieldError(t, form, spec.name)}
  </div>`;
}

export function selectInput(
  t: Translate,
  form: FormState,
  values: FormValues,
  spec: FieldSpec & { options: { value: string; label: string }[]; blank?: boolean },
  idPrefix: string,
): SafeHtml {
  const id = `${idPrefix}-${spec.name}`;
  const chosen = valueOf(values, spec.name);
  return html`<div class="${fieldClass(form, spec.name)}">
    <label for="${id}">${spec.label}</label>
    <select id="${id}" name="${spec.name}" ${invalidAttrs(form, spec.name)}>
      ${spec.blank === false ? '' : html`<option value="">—</option>`}
      ${spec.options.map((o) => html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
    </select>
    ${spec.hint ? html`<p class="hint">${spec.hint}</p>` : ''} ${fieldError(t, form, spec.name)}
  </div>`;
}

export function checkboxes(
  t: Translate,
  form: FormState,
  values: FormValues,
  spec: FieldSpec & { options: { value: string; label: string }[] },
): SafeHtml {
  const checked = listOf(values, spec.name);
  return html`<fieldset class="${fieldClass(form, spec.name)}">
    <legend>${spec.label}</legend>
    ${spec.options.map(
      (o) =>
        html`<label class="check"
          ><input
            type="checkbox"
            name="${spec.name}"
            value="${o.value}"
            ${checked.includes(o.value) ? html` checked` : ''}
          />
          ${o.label}</label
        >`,
    )}
    ${spec.hint ? html`<p class="hint">${spec.hint}</p>` : ''} ${fieldError(t, form, spec.name)}
  </fieldset>`;
}

/** Options of an enum whose labels are `prefix.value`. */
export function optionsOf(t: Translate, prefix: string, names: readonly string[]) {
  return names.map((n) => ({ value: n, label: labelOf(t, prefix, n) }));
}

/** A message key built from a known prefix and a value, when the dictionary has it. */
export function keyOf(prefix: string, value: string): MessageKey | undefined {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? key : undefined;
}
