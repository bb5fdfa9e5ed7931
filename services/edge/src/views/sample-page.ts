/**
 * One acceptance sample: how it was drawn (seed, population and its digest), the sampled
 * households with their checks, and the result: both error rates against 0.5 % and 2 %,
 * accepted or rejected with the reasons. Deciders get the check links and the compute button
 * while the sample is open; everyone else reads.
 */
import type { RateJson, SampleJson } from '../api/sampling-json';
import type { Flash } from '../http/session';
import { flashBox, formErrorBox, vietnamTime, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { sampleStatusTag } from './samples-page';

export interface SampleModel {
  sample: SampleJson;
  decides: boolean;
  flash?: Flash;
  form?: FormState;
}

function rateLine(ctx: PageContext, label: string, r: RateJson | null, testId: string): SafeHtml {
  const { t } = ctx;
  if (r === null) return html``;
  return html`<li data-testid="${testId}">
    <strong>${label}</strong>:
    ${t('rq.result.line', { errors: String(r.errors), checked: String(r.checked), rate: r.ratePercent, limit: r.limitPercent })}
    — ${r.withinLimit ? t('rq.result.within') : t('rq.result.over', { excess: r.excessPercent })}
  </li>`;
}

function result(ctx: PageContext, s: SampleJson): SafeHtml {
  const { t } = ctx;
  const r = s.result;
  if (r === null) return html``;
  return html`<section aria-labelledby="result" data-testid="sample-result">
    <h2 id="result">${t('rq.result.heading')}: ${sampleStatusTag(ctx, s.status)}</h2>
    <ul>
      ${rateLine(ctx, t('rq.result.identity'), r.identity, 'rate-identity')}
      ${rateLine(ctx, t('rq.result.other'), r.other, 'rate-other')}
    </ul>
    ${
      r.reasons.length > 0
        ? html`<h3>${t('rq.result.reasons')}</h3>
            <ul data-testid="result-reasons">
              ${r.reasons.map((x) => html`<li>${x}</li>`)}
            </ul>`
        : ''
    }
    <p class="hint">${vietnamTime(r.decidedAt)}</p>
  </section>`;
}

export function samplePage(ctx: PageContext, model: SampleModel): string {
  const { t } = ctx;
  const s = model.sample;
  const open = s.status === 'open';
  const row = (label: string, value: string | SafeHtml) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return layout(
    { ...ctx, section: 'samples' },
    `${t('rq.sample.one')} ${s.purpose}`,
    html`<p class="crumbs"><a href="/samples">${t('rq.samples.heading')}</a></p>
      <h1>${t('rq.sample.one')}: ${s.purpose}</h1>
      ${flashBox(t, model.flash)} ${model.form ? formErrorBox(t, model.form) : ''}
      <dl class="facts" data-testid="sample-facts">
        ${row(t('field.status'), sampleStatusTag(ctx, s.status))}
        ${row(t('hh.field.commune_code'), s.communeCode)}
        ${row(t('rq.sample.size'), `${s.sampleSize} / ${s.populationSize}`)}
        ${row(t('rq.sample.drawnAt'), vietnamTime(s.drawnAt))}
        ${row(t('hh.field.seed'), html`<code>${s.seed}</code>`)}
        ${row(t('rq.sample.digest'), html`<code>${s.populationDigest}</code>`)}
      </dl>
      ${result(ctx, s)}
      <table class="units" data-testid="sample-items">
        <thead>
          <tr>
            <th scope="col">${t('rq.sample.position')}</th>
            <th scope="col">${t('hh.code')}</th>
            <th scope="col">${t('rq.sample.checked')}</th>
            <th scope="col">${t('rq.sample.identity')}</th>
            <th scope="col">${t('rq.sample.other')}</th>
            <th scope="col">${t('hh.field.note')}</th>
          </tr>
        </thead>
        <tbody>
          ${s.items.map(
            (i) =>
              html`<tr data-testid="sample-item">
                <td>${String(i.position)}</td>
                <td>
                  ${
                    model.decides && open
                      ? html`<a
                          href="/samples/${s.id}/households/${i.householdId}"
                          data-testid="check-link"
                          >${i.householdCode}</a
                        >`
                      : i.householdCode
                  }
                </td>
                <td>${i.checked ? t('rq.sample.checked') : t('rq.sample.notChecked')}</td>
                <td>${i.checked ? `${i.identityFieldErrors}/${i.identityFieldsChecked}` : ''}</td>
                <td>${i.checked ? `${i.otherFieldErrors}/${i.otherFieldsChecked}` : ''}</td>
                <td>${i.note}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        model.decides && open
          ? html`<form method="post" action="/samples/${s.id}/result" data-testid="compute-form">
              <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
              <button type="submit">${t('rq.sample.compute')}</button>
            </form>`
          : ''
      }`,
  );
}
