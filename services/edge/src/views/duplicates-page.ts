/**
 * Possible duplicates (trùng lặp) of a unit: each pair with the rule that found it, its two
 * records (a record outside the caller's jurisdiction only as "a record in province NN"),
 * and for the right roles the forms to propose a merge (keep one, absorb the other) or to
 * dismiss the pair as two people.
 */
import type { CandidateRecordJson, DuplicatePairJson } from '../api/quality-json';
import type { Flash } from '../http/session';
import {
  fieldError,
  flashBox,
  formErrorBox,
  labelOf,
  pager,
  type FormState,
} from './account-parts';
import { reasonField } from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { selectField } from './registry-quality-parts';

export interface DuplicatesModel {
  unit: string;
  pairs: DuplicatePairJson[];
  nextPageToken?: string;
  onLaterPage: boolean;
  /** Commune whose pairs the user may propose to merge (officer of that commune). */
  proposesFor?: string;
  dismisses: boolean;
  flash?: Flash;
  /** The refused form: its pair, kind and error. */
  posted?: { pairId: string; kind: 'propose' | 'dismiss'; form: FormState; reason: string };
}

export function qualityTabs(ctx: PageContext, current: 'candidates' | 'proposals'): SafeHtml {
  const { t } = ctx;
  const tab = (key: 'candidates' | 'proposals', href: string, label: string): SafeHtml =>
    html`<a href="${href}" ${current === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<nav class="tabs toolbar" aria-label="${t('rq.tabs')}">
    ${tab('candidates', '/duplicates', t('rq.tabs.candidates'))}
    ${tab('proposals', '/duplicates/proposals', t('rq.tabs.proposals'))}
  </nav>`;
}

function record(ctx: PageContext, r: CandidateRecordJson): SafeHtml {
  const { t } = ctx;
  if (!r.visible)
    return html`<em data-testid="hidden-record"
      >${t('rq.dup.hidden', { province: r.provinceCode })}</em
    >`;
  return html`<strong>${r.fullName ?? ''}</strong> · ${r.dateOfBirth ?? ''} ·
    ${r.citizenId ?? ''}<br />
    <a href="/households/${r.householdId ?? ''}">${r.householdCode ?? ''}</a>
    (${r.communeCode ?? ''})`;
}

function proposeForm(ctx: PageContext, model: DuplicatesModel, p: DuplicatePairJson): SafeHtml {
  const { t } = ctx;
  const mine =
    model.posted?.pairId === p.id && model.posted.kind === 'propose' ? model.posted : undefined;
  const form = mine?.form ?? { fieldErrors: {} };
  const options = [p.first, p.second].map((r) => ({
    value: r.memberId ?? '',
    label: `${r.fullName ?? ''} (${r.householdCode ?? ''})`,
  }));
  return html`<details ${mine ? html` open` : ''}>
    <summary>${t('rq.dup.propose')}</summary>
    ${formErrorBox(t, form)}
    <form method="post" action="/duplicates/propose" class="form" data-testid="propose-form">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="first_member_id" value="${p.first.memberId ?? ''}" />
      <input type="hidden" name="second_member_id" value="${p.second.memberId ?? ''}" />
      <input type="hidden" name="pair_id" value="${p.id}" />
      ${selectField(t, form, `keep-${p.id}`, 'kept_member_id', t('rq.dup.keep'), options, p.first.memberId ?? '')}
      ${reasonField(t, form, mine?.reason ?? '', `propose-reason-${p.id}`)}
      <button type="submit">${t('rq.dup.propose')}</button>
    </form>
  </details>`;
}

function dismissForm(ctx: PageContext, model: DuplicatesModel, p: DuplicatePairJson): SafeHtml {
  const { t } = ctx;
  const mine =
    model.posted?.pairId === p.id && model.posted.kind === 'dismiss' ? model.posted : undefined;
  const form = mine?.form ?? { fieldErrors: {} };
  return html`<details ${mine ? html` open` : ''}>
    <summary>${t('rq.dup.dismiss')}</summary>
    ${formErrorBox(t, form)}
    <form method="post" action="/duplicates/dismiss" class="form" data-testid="dismiss-form">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      <input type="hidden" name="first_member_id" value="${p.first.memberId ?? ''}" />
      <input type="hidden" name="second_member_id" value="${p.second.memberId ?? ''}" />
      <input type="hidden" name="pair_id" value="${p.id}" />
      ${reasonField(t, form, mine?.reason ?? '', `dismiss-reason-${p.id}`)}
      ${fieldError(t, form, 'first_member_id')}
      <button type="submit">${t('rq.dup.dismiss')}</button>
    </form>
  </details>`;
}

function actions(ctx: PageContext, model: DuplicatesModel, p: DuplicatePairJson): SafeHtml {
  const { t } = ctx;
  const bothVisible = p.first.visible && p.second.visible;
  const proposes =
    bothVisible &&
    p.sameCommune &&
    p.openMergeId === null &&
    model.proposesFor !== undefined &&
    p.first.communeCode === model.proposesFor;
  return html`${!p.sameCommune ? html`<p class="hint">${t('rq.dup.crossCommune')}</p>` : ''}
  ${p.openMergeId ? html`<p class="hint" data-testid="open-proposal"><a href="/duplicates/proposals">${t('rq.dup.openProposal')}</a></p>` : ''}
  ${proposes ? proposeForm(ctx, model, p) : ''}
  ${bothVisible && model.dismisses ? dismissForm(ctx, model, p) : ''}`;
}

export function duplicatesPage(ctx: PageContext, model: DuplicatesModel): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'duplicates' },
    t('rq.dup.heading'),
    html`<h1>${t('rq.dup.heading')}</h1>
      ${qualityTabs(ctx, 'candidates')} ${flashBox(t, model.flash)}
      <p class="hint">${t('rq.dup.intro')}</p>
      <form method="get" action="/duplicates" class="toolbar">
        <label for="unit">${t('hh.unit')}</label>
        <input id="unit" name="unit" value="${model.unit}" placeholder="${t('hh.unitHint')}" />
        <button type="submit">${t('units.show')}</button>
      </form>
      ${
        model.pairs.length === 0
          ? html`<p data-testid="no-pairs">${t('rq.dup.none')}</p>`
          : html`<table class="units" data-testid="pairs">
              <thead>
                <tr>
                  <th scope="col">${t('rq.dup.rules')}</th>
                  <th scope="col">${t('rq.dup.first')}</th>
                  <th scope="col">${t('rq.dup.second')}</th>
                  <th scope="col">${t('hh.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${model.pairs.map(
                  (p) =>
                    html`<tr data-testid="pair">
                      <td>${p.rules.map((r) => labelOf(t, 'rq.dup.rule', r)).join(', ')}</td>
                      <td>${record(ctx, p.first)}</td>
                      <td>${record(ctx, p.second)}</td>
                      <td>${actions(ctx, model, p)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${pager(t, '/duplicates', { unit: model.unit || undefined }, model.nextPageToken, model.onLaterPage)}`,
  );
}
