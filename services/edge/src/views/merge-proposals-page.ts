/**
 * Merge proposals (đề xuất gộp hồ sơ) of a unit, newest first, with the fields that differ;
 * approvers who did not propose one get the forms to confirm or reject it.
 */
import type { MergeProposalJson } from '../api/quality-json';
import type { Flash } from '../http/session';
import { flashBox, formErrorBox, labelOf, vietnamTime, type FormState } from './account-parts';
import { reasonField } from './household-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { qualityTabs } from './duplicates-page';
import { stateTag } from './registry-quality-parts';

export interface ProposalsModel {
  unit: string;
  status: string;
  proposals: MergeProposalJson[];
  /** The signed-in approver's subject; undefined when the user decides none. */
  decider?: string;
  flash?: Flash;
  posted?: { mergeId: string; form: FormState; reason: string };
}

function decisionForms(ctx: PageContext, model: ProposalsModel, p: MergeProposalJson): SafeHtml {
  const { t } = ctx;
  if (p.status !== 'proposed' || model.decider === undefined) return html``;
  if (p.proposedBy === model.decider)
    return html`<p class="hint" data-testid="own-proposal">${t('rq.proposals.own')}</p>`;
  const mine = model.posted?.mergeId === p.id ? model.posted : undefined;
  const form = mine?.form ?? { fieldErrors: {} };
  return html`${formErrorBox(t, form)}
    <form
      method="post"
      class="form"
      action="/duplicates/proposals/${p.id}/confirm"
      data-testid="decide-form"
    >
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${reasonField(t, form, mine?.reason ?? '', `decide-reason-${p.id}`)}
      <button type="submit" data-testid="confirm">${t('rq.proposals.confirm')}</button>
      <button type="submit" formaction="/duplicates/proposals/${p.id}/reject" data-testid="reject">
        ${t('rq.proposals.reject')}
      </button>
    </form>`;
}

export function mergeProposalsPage(ctx: PageContext, model: ProposalsModel): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'duplicates' },
    t('rq.proposals.heading'),
    html`<h1>${t('rq.proposals.heading')}</h1>
      ${qualityTabs(ctx, 'proposals')} ${flashBox(t, model.flash)}
      <form method="get" action="/duplicates/proposals" class="toolbar">
        <label for="unit">${t('hh.unit')}</label>
        <input id="unit" name="unit" value="${model.unit}" placeholder="${t('hh.unitHint')}" />
        <label for="status">${t('field.status')}</label>
        <select id="status" name="status">
          <option value="">—</option>
          ${['proposed', 'confirmed', 'rejected'].map((s) => html`<option value="${s}" ${s === model.status ? html` selected` : ''}>${labelOf(t, 'rq.mergeStatus', s)}</option>`)}
        </select>
        <button type="submit">${t('units.show')}</button>
      </form>
      ${
        model.proposals.length === 0
          ? html`<p data-testid="no-proposals">${t('rq.proposals.none')}</p>`
          : html`<table class="units" data-testid="proposals">
              <thead>
                <tr>
                  <th scope="col">${t('field.status')}</th>
                  <th scope="col">${t('rq.proposals.differences')}</th>
                  <th scope="col">${t('field.reason')}</th>
                  <th scope="col">${t('rq.proposals.proposedAt')}</th>
                  <th scope="col">${t('rq.proposals.decision')}</th>
                </tr>
              </thead>
              <tbody>
                ${model.proposals.map(
                  (p) =>
                    html`<tr data-testid="proposal">
                      <td>
                        ${stateTag(t, 'rq.mergeStatus', p.status ?? '', p.status !== 'rejected')}<br />
                        <small
                          >${t('rq.proposals.kept')}: <code>${p.keptMemberId.slice(0, 8)}</code>,
                          ${t('rq.proposals.merged')}:
                          <code>${p.mergedMemberId.slice(0, 8)}</code></small
                        >
                      </td>
                      <td>
                        <ul>
                          ${p.differences.map((d) => html`<li>${labelOf(t, 'hh.field', d.field)}: ${d.keptValue} / ${d.mergedValue}</li>`)}
                        </ul>
                      </td>
                      <td>${p.reason}</td>
                      <td>${vietnamTime(p.proposedAt)} (${p.communeCode})</td>
                      <td>
                        ${p.decisionReason ? html`<p>${p.decisionReason}</p>` : ''}${decisionForms(ctx, model, p)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
