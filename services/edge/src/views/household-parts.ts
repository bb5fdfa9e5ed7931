/** Pieces of the household pages: labels, the member fields of a form, refusals as form state. */
import type { HouseholdJson, MemberJson, MemberText } from '../api/household-json';
import { RELATIONS } from '../api/household-json';
import { isMessageKey, type Translate } from '../i18n';
import { fieldClass, fieldError, invalidAttrs, labelOf, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';

export const emptyMember = (): MemberText => ({
  fullName: '',
  dateOfBirth: '',
  sex: '',
  ethnicGroupCode: '01',
  citizenId: '',
  relation: '',
});

/** The label of a field the service named, e.g. `members[1].citizen_id` → "Số CCCD (thành viên 2)". */
export function fieldLabel(t: Translate, field: string): string {
  const m = /^(members\[(\d+)\]|member)\.([a-z_]+)$/.exec(field);
  const leaf = m ? m[3]! : field.replace(/^page\./, '');
  const key = `hh.field.${leaf}`;
  const fallback = `field.${leaf}`;
  const label = isMessageKey(key) ? t(key) : isMessageKey(fallback) ? t(fallback) : leaf;
  return m?.[2] !== undefined
    ? `${label} (${t('hh.memberNo', { n: String(Number(m[2]) + 1) })})`
    : label;
}

export function statusTag(t: Translate, status: string | null): SafeHtml {
  const s = status ?? 'active';
  return html`<span class="tag status-${s === 'active' ? 'active' : 'locked'}"
    >${labelOf(t, 'hh.status', s)}</span
  >`;
}

export const relationText = (t: Translate, r: string): string => labelOf(t, 'hh.relation', r);
export const sexText = (t: Translate, s: string | null): string =>
  s === null ? '' : labelOf(t, 'hh.sex', s);
export const areaText = (t: Translate, a: string | null): string =>
  a === null ? '' : labelOf(t, 'hh.area', a);

/** The head's name, or the first member's. */
export function headName(h: HouseholdJson): string {
  return (h.members.find((m) => m.id === h.headMemberId) ?? h.members[0])?.fullName ?? '';
}

function input(
  t: Translate,
  form: FormState,
  name: string,
  label: string,
  value: string,
  extra: SafeHtml | '' = '',
  hint?: string,
): SafeHtml {
  return html`<div class="${fieldClass(form, name)}">
    <label for="${name}">${label}</label>
    <input id="${name}" name="${name}" value="${value}" ${invalidAttrs(form, name)} ${extra} />
    ${hint ? html`<p class="hint">${hint}</p>` : ''} ${fieldError(t, form, name)}
  </div>`;
}

function choice(
  t: Translate,
  form: FormState,
  name: string,
  label: string,
  options: { value: string; label: string }[],
  chosen: string,
): SafeHtml {
  return html`<div class="${fieldClass(form, name)}">
    <label for="${name}">${label}</label>
    <select id="${name}" name="${name}" ${invalidAttrs(form, name)}>
      <option value="">—</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
    </select>
    ${fieldError(t, form, name)}
  </div>`;
}

/** The fields of one member; `prefix` is `members[0]` (create) or `member` (add, change). */
export function memberFields(
  t: Translate,
  form: FormState,
  prefix: string,
  m: MemberText,
  relations: readonly string[] = RELATIONS,
): SafeHtml {
  return html`<div class="member-fields" data-testid="member-${prefix}">
    ${input(t, form, `${prefix}.full_name`, t('hh.field.full_name'), m.fullName, html`autocomplete="off"`)}
    ${input(t, form, `${prefix}.date_of_birth`, t('hh.field.date_of_birth'), m.dateOfBirth, '', t('hh.dobHint'))}
    ${choice(
      t,
      form,
      `${prefix}.sex`,
      t('hh.field.sex'),
      ['male', 'female'].map((s) => ({ value: s, label: sexText(t, s) })),
      m.sex,
    )}
    ${input(t, form, `${prefix}.ethnic_group_code`, t('hh.field.ethnic_group_code'), m.ethnicGroupCode, html`inputmode="numeric" maxlength="2"`, t('hh.ethnicHint'))}
    ${input(t, form, `${prefix}.citizen_id`, t('hh.field.citizen_id'), m.citizenId, html`inputmode="numeric" maxlength="12"`, t('hh.citizenIdHint'))}
    ${choice(
      t,
      form,
      `${prefix}.relation`,
      t('hh.field.relation'),
      relations.map((r) => ({ value: r, label: relationText(t, r) })),
      m.relation,
    )}
  </div>`;
}

/** The reason every write needs (lý do). */
export function reasonField(t: Translate, form: FormState, value: string, id = 'reason'): SafeHtml {
  return html`<div class="${fieldClass(form, 'reason')}">
    <label for="${id}">${t('field.reason')}</label>
    <input
      id="${id}"
      name="reason"
      value="${value}"
      required
      maxlength="1000"
      ${invalidAttrs(form, 'reason')}
    />
    ${fieldError(t, form, 'reason')}
  </div>`;
}

/** A member as typed back into a form from what is recorded. */
export function memberTextOf(m: MemberJson): MemberText {
  return {
    fullName: m.fullName,
    dateOfBirth: m.dateOfBirth ?? '',
    sex: m.sex ?? '',
    ethnicGroupCode: m.ethnicGroupCode,
    citizenId: m.citizenId ?? '',
    relation: m.relation,
  };
}

/** The member fields of a posted form (`prefix.full_name`, ...). */
export function memberTextFrom(body: Record<string, unknown>, prefix: string): MemberText {
  const v = (name: string): string => {
    const value = body[`${prefix}.${name}`];
    return typeof value === 'string' ? value.slice(0, 300) : '';
  };
  return {
    fullName: v('full_name'),
    dateOfBirth: v('date_of_birth'),
    sex: v('sex'),
    ethnicGroupCode: v('ethnic_group_code'),
    citizenId: v('citizen_id'),
    relation: v('relation'),
  };
}

/** Tabs of one household: detail and history. */
export function householdTabs(t: Translate, id: string, current: 'detail' | 'history'): SafeHtml {
  const tab = (key: 'detail' | 'history', href: string, label: string): SafeHtml =>
    html`<a href="${href}" ${current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<nav class="tabs toolbar" aria-label="${t('hh.tabs')}">
    ${tab('detail', `/households/${id}`, t('hh.detail'))}
    ${tab('history', `/households/${id}/history`, t('hh.history'))}
  </nav>`;
}
