/**
 * Acceptance samples (nghiệm thu) of a unit, newest first, and for approvers or officers of
 * a unit above the commune the form to draw a sample (a number of households or a rate).
 */
import type { SampleJson } from '../api/sampling-json';
import type { Flash } from '../http/session';
import { flashBox, formErrorBox, vietnamTime, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { stateTag, textField } from './registry-quality-parts';

export interface DrawValues {
  communeCode: string;
  purpose: string;
  sampleSize: string;
  ratePercent: string;
}

export interface SamplesModel {
  unit: string;
  samples: SampleJson[];
  draws: boolean;
  flash?: Flash;
  draw?: { values: DrawValues; form: FormState };
}

export const sampleStatusTag = (ctx: PageContext, status: string | null): SafeHtml =>
  stateTag(ctx.t, 'rq.sampleStatus', status ?? 'open', status !== 'rejected');

function drawForm(ctx: PageContext, model: SamplesModel): SafeHtml {
  const { t } = ctx;
  const form = model.draw?.form ?? { fieldErrors: {} };
  const v = model.draw?.values ?? { communeCode: '', purpose: '', sampleSize: '', ratePercent: '' };
  return html`<section aria-labelledby="draw">
    <h2 id="draw">${t('rq.samples.drawHeading')}</h2>
    ${formErrorBox(t, form)}
    <form method="post" action="/samples" class="form" data-testid="draw-form" novalidate>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${textField(t, form, 'commune_code', 'commune_code', t('hh.field.commune_code'), v.communeCode)}
      ${textField(t, form, 'purpose', 'purpose', t('hh.field.purpose'), v.purpose)}
      ${textField(t, form, 'sample_size', 'sample_size', t('hh.field.sample_size'), v.sampleSize, t('rq.samples.sizeHint'))}
      ${textField(t, form, 'rate_percent', 'rate_percent', t('hh.field.rate_percent'), v.ratePercent)}
      <button type="submit" data-testid="draw-submit">${t('rq.samples.draw')}</button>
    </form>
  </section>`;
}

export function samplesPage(ctx: PageContext, model: SamplesModel): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'samples' },
    t('rq.samples.heading'),
    html`<h1>${t('rq.samples.heading')}</h1>
      ${flashBox(t, model.flash)}
      <p class="hint">${t('rq.samples.intro')}</p>
      <form method="get" action="/samples" class="toolbar">
        <label for="unit">${t('hh.unit')}</label>
        <input id="unit" name="unit" value="${model.unit}" placeholder="${t('hh.unitHint')}" />
        <button type="submit">${t('units.show')}</button>
      </form>
      ${
        model.samples.length === 0
          ? html`<p data-testid="no-samples">${t('rq.samples.none')}</p>`
          : html`<table class="units" data-testid="samples">
              <thead>
                <tr>
                  <th scope="col">${t('hh.field.purpose')}</th>
                  <th scope="col">${t('hh.field.commune_code')}</th>
                  <th scope="col">${t('rq.sample.size')}</th>
                  <th scope="col">${t('field.status')}</th>
                  <th scope="col">${t('rq.sample.drawnAt')}</th>
                </tr>
              </thead>
              <tbody>
                ${model.samples.map(
                  (s) =>
                    html`<tr data-testid="sample-row">
                      <td><a href="/samples/${s.id}">${s.purpose}</a></td>
                      <td>${s.communeCode}</td>
                      <td>${String(s.sampleSize)} / ${String(s.populationSize)}</td>
                      <td>${sampleStatusTag(ctx, s.status)}</td>
                      <td>${vietnamTime(s.drawnAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${model.draws ? drawForm(ctx, model) : html`<p class="hint" data-testid="samples-read-only">${t('rq.samples.readOnly')}</p>`}`,
  );
}
