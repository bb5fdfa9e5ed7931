/**
 * One review round: facts, the listed households with their assessments, village meetings,
 * posting, opinion and decision; the change list when asked; the forms of the next allowed
 * steps for the user's role; the locked state once recognised.
 */
import type { ChangeJson, MeetingJson, RoundHouseholdJson, RoundJson } from '../api/review-json';
import type { ReviewStep } from '../forms/review-next-steps';
import type { Flash } from '../http/session';
import { flashBox, labelOf } from './account-parts';
import { html, query, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { classText, dong, roundTag } from './review-parts';
import { stepForms, type StepFormsModel } from './review-step-forms';

export interface RoundModel extends StepFormsModel {
  round: RoundJson;
  households: RoundHouseholdJson[];
  meetings: MeetingJson[];
  steps: ReadonlySet<ReviewStep>;
  changes?: { changes: ChangeJson[]; unassessed: number };
  flash?: Flash;
}

function householdTable(ctx: PageContext, m: RoundModel): SafeHtml {
  const { t } = ctx;
  return html`<table class="units" data-testid="round-households">
    <thead>
      <tr>
        <th scope="col">${t('hh.code')}</th>
        <th scope="col">${t('hh.field.village_code')}</th>
        <th scope="col">${t('rv.source')}</th>
        <th scope="col">${t('rv.previous')}</th>
        <th scope="col">${t('hh.field.income_per_person')}</th>
        <th scope="col">${t('hh.field.deprived_indicator_codes')}</th>
        <th scope="col">${t('rv.result')}</th>
      </tr>
    </thead>
    <tbody>
      ${m.households.map((h) => {
        const a = h.assessment;
        return html`<tr data-testid="round-household" data-household="${h.householdId}">
          <td><a href="/households/${h.householdId}">${h.householdCode}</a></td>
          <td>${h.villageCode ?? ''}</td>
          <td>
            ${labelOf(t, 'rv.source', h.source ?? 'added')}${h.reason ? html`<br /><span class="muted">${h.reason}</span>` : ''}
          </td>
          <td>${classText(t, h.previousClassification)}</td>
          <td>${a ? dong(a.incomePerPerson) : ''}</td>
          <td>${a ? a.deprivedIndicatorCodes.join(', ') : ''}</td>
          <td data-testid="classification">
            ${a ? html`${classText(t, a.classification)} <span class="muted">(${a.rule})</span>` : html`<span class="muted">${t('rv.notAssessed')}</span>`}
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function changeTable(ctx: PageContext, c: NonNullable<RoundModel['changes']>): SafeHtml {
  const { t } = ctx;
  return html`<section data-testid="changes">
    <h2>${t('rv.changes')}</h2>
    ${c.unassessed > 0 ? html`<p class="alert error">${t('rv.unassessed', { n: String(c.unassessed) })}</p>` : ''}
    ${
      c.changes.length === 0
        ? html`<p>${t('rv.noChanges')}</p>`
        : html`<table class="units">
            <tbody>
              ${c.changes.map(
                (x) =>
                  html`<tr data-testid="change" data-kind="${x.kind ?? ''}">
                    <td>${x.householdCode}</td>
                    <td>
                      ${classText(t, x.previousClassification)} → ${classText(t, x.classification)}
                    </td>
                    <td><strong>${labelOf(t, 'rv.change', x.kind ?? 'unchanged')}</strong></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function facts(ctx: PageContext, r: RoundJson, meetings: MeetingJson[]): SafeHtml {
  const { t } = ctx;
  const o = r.districtOpinion;
  const d = r.decision;
  return html`<dl class="facts">
    <dt>${t('hh.field.commune_code')}</dt>
    <dd>${r.communeCode}</dd>
    <dt>${t('rv.kind')}</dt>
    <dd>${labelOf(t, 'rv.kind', r.kind ?? 'periodic')}</dd>
    <dt>${t('rv.startedOn')}</dt>
    <dd>${r.startedOn ?? ''}</dd>
    ${
      r.deadline
        ? html`<dt>${t('rv.deadline')}</dt>
            <dd>${r.deadline}</dd>`
        : ''
    }
    <dt>${t('rv.standard')}</dt>
    <dd>${r.standardCode}</dd>
    <dt>${t('rv.procedure')}</dt>
    <dd>${r.procedureCode}</dd>
    <dt>${t('rv.assessed')}</dt>
    <dd>${r.assessedCount} / ${r.householdCount}</dd>
    <dt>${t('rv.meetings')}</dt>
    <dd data-testid="meetings">
      ${meetings.map((m) => html`${m.villageCode}: ${m.heldOn ?? ''} (${m.agreedCount}/${m.attendees}) `)}
    </dd>
    <dt>${t('rv.posting')}</dt>
    <dd data-testid="posting">${r.postedFrom ? `${r.postedFrom} – ${r.postedTo ?? ''}` : ''}</dd>
    ${
      r.needsDistrictOpinion
        ? html`<dt>${t('rv.opinion')}</dt>
            <dd data-testid="opinion">
              ${o ? `${o.documentNumber} (${o.givenOn ?? ''}): ${o.opinion}` : ''}
            </dd>`
        : ''
    }
    <dt>${t('rv.decision')}</dt>
    <dd data-testid="decision">
      ${d ? `${d.decisionNumber}, ${d.decidedOn ?? ''}, ${d.signer}` : ''}
    </dd>
  </dl>`;
}

export function reviewRoundPage(ctx: PageContext, m: RoundModel): string {
  const { t } = ctx;
  const r = m.round;
  const forms = stepForms(ctx, m, m.steps);
  const title = t('rv.round', { year: String(r.year) });
  return layout(
    { ...ctx, section: 'reviews' },
    title,
    html`<h1>${title} · ${r.communeCode}</h1>
      <p>${roundTag(t, r)}</p>
      ${flashBox(t, m.flash)}
      ${r.status === 'recognized' ? html`<p class="alert ok" data-testid="locked">${t('rv.locked')}</p>` : ''}
      ${facts(ctx, r, m.meetings)}
      <p class="toolbar">
        <a href="/review-rounds">${t('rv.heading')}</a>
        ${m.households.some((h) => h.assessment) ? html`<a class="button" href="/review-rounds/${r.id}${query({ results: '1' })}" data-testid="compute-results">${t('rv.computeResults')}</a>` : ''}
      </p>
      ${m.changes ? changeTable(ctx, m.changes) : ''}
      <h2>${t('rv.households')}</h2>
      ${householdTable(ctx, m)}
      <h2>${t('rv.nextStep')}</h2>
      ${forms.length === 0 ? html`<p class="muted" data-testid="no-steps">${t('rv.waiting')}</p>` : forms}`,
  );
}
