/**
 * Public tracking pages (tra cứu): the tracking code and the citizen ID in a POST form (the
 * ID never travels in a URL), then what the citizen may see. Never an amount.
 */
import type { ComplaintTrackingJson, TrackingJson } from '../api/citizen-json';
import { isMessageKey, type MessageKey } from '../i18n';
import { vietnamTime } from './account-parts';
import { html, type SafeHtml } from './html';
import {
  citizenLayout,
  csrfField,
  facts,
  formErrorBox,
  input,
  type CitizenContext,
  type CitizenFormState,
} from './citizen-parts';

function labelOf(ctx: CitizenContext, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? ctx.t(key) : value;
}

function trackForm(ctx: CitizenContext, action: string, form: CitizenFormState): SafeHtml {
  return html`${formErrorBox(ctx, form)}
    <form method="post" action="${action}" class="panel" data-testid="track-form">
      ${csrfField(ctx)}
      ${input(ctx, form, {
        name: 'tracking_code',
        label: 'cz.trackingCode',
        required: true,
        max: 40,
      })}
      ${input(ctx, form, {
        name: 'citizen_id',
        label: 'cz.citizenId',
        required: true,
        max: 12,
        pattern: '[0-9]{12}',
      })}
      <button type="submit">${ctx.t('cz.trackSubmit')}</button>
    </form>`;
}

function applicationResult(ctx: CitizenContext, r: TrackingJson): SafeHtml {
  const { t } = ctx;
  return html`<section class="panel" data-testid="track-result">
    <h2>
      ${t('cz.status')}:
      <span data-status="${r.status}">${labelOf(ctx, 'cz.status', r.status)}</span>
    </h2>
    ${facts([
      [t('cz.receivedAt'), r.receivedAt ? vietnamTime(r.receivedAt) : undefined],
      [t('cz.updatedAt'), r.updatedAt ? vietnamTime(r.updatedAt) : undefined],
      [t('cz.caseCode'), r.caseCode ?? undefined],
      [t('cz.decisionNumber'), r.decisionNumber ?? undefined],
      [t('cz.decisionSignedOn'), r.decisionSignedOn ?? undefined],
      [t('cz.effectiveMonth'), r.effectiveMonth ?? undefined],
      [t('cz.reason'), r.reason ?? undefined],
    ])}
    ${
      r.missingItems.length > 0
        ? html`<h3>${t('cz.missingItems')}</h3>
            <ul>
              ${r.missingItems.map((item) => html`<li>${item}</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

function complaintResult(ctx: CitizenContext, r: ComplaintTrackingJson): SafeHtml {
  const { t } = ctx;
  return html`<section class="panel" data-testid="track-result">
    <h2>${t('cz.status')}: ${labelOf(ctx, 'cz.complaintStatus', r.status)}</h2>
    ${facts([
      [t('cz.receivedAt'), r.receivedAt ? vietnamTime(r.receivedAt) : undefined],
      [t('cz.dueOn'), r.dueOn ?? undefined],
      [t('cz.answeredAt'), r.answeredAt ? vietnamTime(r.answeredAt) : undefined],
      [t('cz.answer'), r.answer ?? undefined],
    ])}
  </section>`;
}

export interface TrackView {
  heading: MessageKey;
  action: string;
  form: CitizenFormState;
  application?: TrackingJson;
  complaint?: ComplaintTrackingJson;
}

export function trackPage(ctx: CitizenContext, view: TrackView): string {
  const { t } = ctx;
  return citizenLayout(
    ctx,
    t(view.heading),
    html`<h1>${t(view.heading)}</h1>
      ${view.application ? applicationResult(ctx, view.application) : ''}
      ${view.complaint ? complaintResult(ctx, view.complaint) : ''}
      ${trackForm(ctx, view.action, view.form)}`,
  );
}
