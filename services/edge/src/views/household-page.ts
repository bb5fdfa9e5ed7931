/**
 * One household (hộ): facts, members, the state as of a date, and for officers of its
 * commune the forms to add a member, open a member's change form and record a death.
 */
import type { HouseholdJson, MemberJson, MemberText } from '../api/household-json';
import type { Flash } from '../http/session';
import {
  fieldClass,
  fieldError,
  flashBox,
  formErrorBox,
  invalidAttrs,
  vietnamTime,
  type FormState,
} from './account-parts';
import {
  areaText,
  householdTabs,
  memberFields,
  reasonField,
  relationText,
  sexText,
  statusTag,
} from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { householdLinks, memberMarks } from './registry-quality-links';

export interface HouseholdModel {
  household: HouseholdJson;
  /** YYYY-MM-DD when the page shows a past state. */
  asOf?: string;
  canWrite: boolean;
  flash?: Flash;
  addMember?: { draft: MemberText; reason: string; form: FormState };
  death?: { memberId: string; date: string; reason: string; form: FormState };
}

function facts(ctx: PageContext, h: HouseholdJson): SafeHtml {
  const { t } = ctx;
  const row = (label: string, value: string | SafeHtml) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return html`<dl class="facts" data-testid="household-facts">
    ${row(t('hh.code'), h.code)} ${row(t('field.status'), statusTag(t, h.status))}
    ${row(t('hh.field.commune_code'), h.communeCode)}
    ${row(t('hh.field.village_code'), h.villageCode ?? '—')}
    ${row(t('hh.field.street_address'), h.streetAddress)}
    ${row(t('hh.field.area'), areaText(t, h.area))} ${row(t('hh.version'), String(h.version))}
    ${row(t('hh.updatedAt'), vietnamTime(h.updatedAt))}
  </dl>`;
}

function deathForm(
  ctx: PageContext,
  h: HouseholdJson,
  m: MemberJson,
  model: HouseholdModel,
): SafeHtml {
  const { t } = ctx;
  const mine = model.death?.memberId === m.id ? model.death : undefined;
  const form: FormState = mine?.form ?? { fieldErrors: {} };
  const id = `deceased-${m.id}`;
  return html`<details ${mine ? html` open` : ''}>
    <summary>${t('hh.markDeceased')}</summary>
    <form
      method="post"
      action="/households/${h.id}/members/${m.id}/deceased"
      class="form"
      data-testid="death-form"
    >
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="expected_version" value="${String(h.version)}" />
      ${formErrorBox(t, form)}
      <div class="${fieldClass(form, 'deceased_on')}">
        <label for="${id}">${t('hh.field.deceased_on')}</label>
        <input
          id="${id}"
          name="deceased_on"
          type="date"
          value="${mine?.date ?? ''}"
          ${invalidAttrs(form, 'deceased_on')}
        />
        ${fieldError(t, form, 'deceased_on')}
      </div>
      ${reasonField(t, form, mine?.reason ?? '', `${id}-reason`)}
      <button type="submit">${t('hh.markDeceased')}</button>
    </form>
  </details>`;
}

function membersTable(ctx: PageContext, model: HouseholdModel): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const writable = model.canWrite && model.asOf === undefined;
  return html`<table class="units" data-testid="members">
    <thead>
      <tr>
        <th scope="col">${t('hh.field.full_name')}</th>
        <th scope="col">${t('hh.field.relation')}</th>
        <th scope="col">${t('hh.field.date_of_birth')}</th>
        <th scope="col">${t('hh.field.sex')}</th>
        <th scope="col">${t('hh.field.ethnic_group_code')}</th>
        <th scope="col">${t('hh.field.citizen_id')}</th>
        <th scope="col">${t('hh.field.deceased_on')}</th>
        ${writable ? html`<th scope="col">${t('hh.actions')}</th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${h.members.map(
        (m) =>
          html`<tr data-testid="member-row">
            <td>${m.fullName}${memberMarks(ctx, h, m)}</td>
            <td>${relationText(t, m.relation)}</td>
            <td>${m.dateOfBirth ?? ''}</td>
            <td>${sexText(t, m.sex)}</td>
            <td>${m.ethnicGroupCode}</td>
            <td>${m.citizenId ?? ''}</td>
            <td>${m.deceasedOn ?? ''}</td>
            ${
              writable
                ? html`<td>
                    <a href="/households/${h.id}/members/${m.id}">${t('hh.editMember')}</a>
                    ${m.deceasedOn === null ? html`<a href="/cases/new?household=${h.id}&amp;member=${m.id}" data-testid="file-case">${t('cs.file')}</a>` : ''}
                    ${m.deceasedOn === null ? deathForm(ctx, h, m, model) : ''}
                  </td>`
                : ''
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function addMemberForm(ctx: PageContext, model: HouseholdModel): SafeHtml {
  const { t } = ctx;
  const h = model.household;
  const state = model.addMember;
  const form: FormState = state?.form ?? { fieldErrors: {} };
  const draft = state?.draft ?? {
    fullName: '',
    dateOfBirth: '',
    sex: '',
    ethnicGroupCode: '01',
    citizenId: '',
    relation: '',
  };
  return html`<section aria-labelledby="add-member">
    <h2 id="add-member">${t('hh.addMember')}</h2>
    ${formErrorBox(t, form)}
    <form
      method="post"
      action="/households/${h.id}/members"
      class="form"
      data-testid="add-member-form"
      novalidate
    >
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="expected_version" value="${String(h.version)}" />
      ${memberFields(t, form, 'member', draft)}
      ${reasonField(t, form, state?.reason ?? '', 'add-reason')}
      <button type="submit">${t('hh.addMember')}</button>
    </form>
  </section>`;
}

export function householdPage(ctx: PageContext, model: HouseholdModel): string {
  const { t } = ctx;
  const h = model.household;
  return layout(
    { ...ctx, section: 'households' },
    `${t('hh.one')} ${h.code}`,
    html`<p class="crumbs"><a href="/households">${t('hh.heading')}</a></p>
      <h1 data-testid="household-code">${t('hh.one')} ${h.code}</h1>
      ${householdTabs(t, h.id, 'detail')} ${flashBox(t, model.flash)}
      <form method="get" action="/households/${h.id}" class="toolbar" data-testid="as-of-form">
        <label for="asOf"
          >${t('hh.asOf')} <input id="asOf" name="asOf" type="date" value="${model.asOf ?? ''}"
        /></label>
        <button type="submit">${t('units.show')}</button>
        ${model.asOf ? html`<a href="/households/${h.id}">${t('hh.now')}</a>` : ''}
      </form>
      ${model.asOf ? html`<p class="alert" role="status" data-testid="as-of-note">${t('hh.asOfNote', { date: model.asOf })}</p>` : ''}
      ${facts(ctx, h)} ${householdLinks(ctx, h, model.canWrite && model.asOf === undefined)}
      <h2>${t('hh.members')}</h2>
      ${membersTable(ctx, model)}
      ${model.canWrite && model.asOf === undefined ? addMemberForm(ctx, model) : ''}`,
  );
}
