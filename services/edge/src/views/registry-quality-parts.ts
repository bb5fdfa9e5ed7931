/** Pieces of the move, identity-quality and sampling pages: labelled inputs and selects. */
import type { MemberJson } from '../api/household-json';
import type { Translate } from '../i18n';
import { fieldClass, fieldError, invalidAttrs, labelOf, type FormState } from './account-parts';
import { relationText } from './household-parts';
import { html, type SafeHtml } from './html';

export interface Option {
  value: string;
  label: string;
}

/** A labelled text input; `id` is unique on the page, `name` the field the service names. */
export function textField(
  t: Translate,
  form: FormState,
  id: string,
  name: string,
  label: string,
  value: string,
  hint?: string,
): SafeHtml {
  return html`<div class="${fieldClass(form, name)}">
    <label for="${id}">${label}</label>
    <input id="${id}" name="${name}" value="${value}" ${invalidAttrs(form, name)} />
    ${hint ? html`<p class="hint">${hint}</p>` : ''} ${fieldError(t, form, name)}
  </div>`;
}

/** A labelled select with an empty first option (`emptyLabel`, default "—"). */
export function selectField(
  t: Translate,
  form: FormState,
  id: string,
  name: string,
  label: string,
  options: readonly Option[],
  chosen: string,
  emptyLabel = '—',
): SafeHtml {
  return html`<div class="${fieldClass(form, name)}">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${name}" ${invalidAttrs(form, name)}>
      <option value="">${emptyLabel}</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
    </select>
    ${fieldError(t, form, name)}
  </div>`;
}

/** Members as options (name and relation). */
export function memberOptions(t: Translate, members: readonly MemberJson[]): Option[] {
  return members.map((m) => ({
    value: m.id,
    label: `${m.fullName} (${relationText(t, m.relation)})`,
  }));
}

/** Relations as options, without `head` unless asked. */
export function relationOptions(
  t: Translate,
  relations: readonly string[],
  withHead: boolean,
): Option[] {
  return relations
    .filter((r) => withHead || r !== 'head')
    .map((r) => ({ value: r, label: relationText(t, r) }));
}

/** Living members who can move: not deceased, not absorbed by a duplicate merge. */
export function liveMembers(members: readonly MemberJson[]): MemberJson[] {
  return members.filter((m) => m.deceasedOn === null && !m.mergedIntoMemberId);
}

/** A tag whose class follows a good/bad state. */
export function stateTag(t: Translate, prefix: string, value: string, good: boolean): SafeHtml {
  return html`<span class="tag status-${good ? 'active' : 'locked'}"
    >${labelOf(t, prefix, value)}</span
  >`;
}
