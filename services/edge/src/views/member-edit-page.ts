/** The change form of one member (sửa thông tin thành viên). */
import type { HouseholdJson, MemberText } from '../api/household-json';
import { RELATIONS } from '../api/household-json';
import { formErrorBox, type FormState } from './account-parts';
import { householdTabs, memberFields, reasonField } from './household-parts';
import { html } from './html';
import { layout, type PageContext } from './layout';

export interface MemberEditModel {
  household: HouseholdJson;
  memberId: string;
  draft: MemberText;
  reason: string;
  form: FormState;
}

export function memberEditPage(ctx: PageContext, m: MemberEditModel): string {
  const { t } = ctx;
  const h = m.household;
  // The relation `head` can be neither given nor taken away.
  const isHead = h.headMemberId === m.memberId;
  const relations = isHead ? ['head'] : RELATIONS.filter((r) => r !== 'head');
  return layout(
    { ...ctx, section: 'households' },
    t('hh.editMember'),
    html`<p class="crumbs">
        <a href="/households">${t('hh.heading')}</a> › <a href="/households/${h.id}">${h.code}</a>
      </p>
      <h1>${t('hh.editMember')}</h1>
      ${householdTabs(t, h.id, 'detail')} ${formErrorBox(t, m.form)}
      <form
        method="post"
        action="/households/${h.id}/members/${m.memberId}"
        class="form"
        data-testid="member-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <input type="hidden" name="expected_version" value="${String(h.version)}" />
        ${memberFields(t, m.form, 'member', m.draft, relations)} ${reasonField(t, m.form, m.reason)}
        <div class="actions">
          <button type="submit">${t('hh.save')}</button>
          <a href="/households/${h.id}">${t('hh.cancel')}</a>
        </div>
      </form>`,
  );
}
