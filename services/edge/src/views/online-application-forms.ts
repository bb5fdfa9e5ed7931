/**
 * The forms an officer of the commune gets on a waiting online application: the registry
 * search (citizen ID or name), the member to link with the categories to appraise (tiếp nhận),
 * and the decline with its reason (không tiếp nhận).
 */
import type { MemberHit } from '@posa/proto';
import type { OnlineApplicationJson } from '../api/citizen-json';
import type { MessageKey } from '../i18n';
import { formErrorBox, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';
import type { PageContext } from './layout';

export interface AcceptView {
  searchKind: 'name' | 'citizen_id';
  q: string;
  matches: MemberHit[];
  form: FormState;
  values: Record<string, string>;
}

export function acceptForms(
  ctx: PageContext,
  a: OnlineApplicationJson,
  view: AcceptView,
): SafeHtml {
  const { t } = ctx;
  const base = `/online-applications/${a.applicationId}`;
  const v = (name: string): string => view.values[name] ?? '';
  const disability = ['none', 'severe', 'extremely_severe'];
  return html`<section class="panel">
      <h2>${t('oa.acceptHeading')}</h2>
      <p>${t('oa.acceptIntro')}</p>
      <form method="get" action="${base}" class="filters">
        <label
          >${t('oa.searchBy')}
          <select name="kind">
            ${(['citizen_id', 'name'] as const).map(
              (k) =>
                html`<option value="${k}" ${k === view.searchKind ? html` selected` : ''}>
                  ${t(`oa.searchKind.${k}` as MessageKey)}
                </option>`,
            )}
          </select></label
        >
        <input name="q" value="${view.q}" maxlength="200" aria-label="${t('oa.search')}" />
        <button type="submit">${t('oa.search')}</button>
      </form>
      ${formErrorBox(t, view.form)}
      <form method="post" action="${base}/accept" data-testid="accept-form">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <fieldset>
          <legend>${t('oa.member')}</legend>
          ${
            view.matches.length === 0
              ? html`<p>${t('oa.noMatch')}</p>`
              : view.matches.map(
                  (m, i) =>
                    html`<label class="choice"
                      ><input
                        type="radio"
                        name="member"
                        value="${m.householdId}/${m.memberId}"
                        ${i === 0 ? html` checked` : ''}
                      />
                      ${m.fullName} (${m.birthYear || ''}) · ${m.householdCode} ·
                      ${m.maskedCitizenId}</label
                    >`,
                )
          }
        </fieldset>
        <label
          >${t('oa.categories')}
          <input
            name="category_codes"
            value="${v('category_codes') || (a.suggestedCategoryCode ?? '')}"
            maxlength="200"
        /></label>
        <label
          >${t('oa.disability')}
          <select name="disability_level">
            ${disability.map(
              (d) =>
                html`<option
                  value="${d}"
                  ${d === (v('disability_level') || 'none') ? html` selected` : ''}
                >
                  ${t(`oa.disability.${d}` as MessageKey)}
                </option>`,
            )}
          </select></label
        >
        ${
          a.kind === 'care_support'
            ? html`<label
                >${t('oa.careType')}
                <input
                  name="care_support_type_code"
                  value="${v('care_support_type_code')}"
                  maxlength="40"
              /></label>`
            : ''
        }
        <button type="submit" ${view.matches.length === 0 ? html` disabled` : ''}>
          ${t('oa.accept')}
        </button>
      </form>
    </section>
    <section class="panel">
      <h2>${t('oa.declineHeading')}</h2>
      <form method="post" action="${base}/decline" data-testid="decline-form">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <label
          >${t('oa.declineReason')}
          <textarea name="reason" rows="3" maxlength="1000" required>${v('reason')}</textarea>
        </label>
        <button type="submit">${t('oa.decline')}</button>
      </form>
    </section>`;
}
