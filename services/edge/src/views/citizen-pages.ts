/** Public pages of the online service: the procedures offered, the application form, the receipt. */
import type { MessageKey } from '../i18n';
import { CHANNEL_NAMES, KIND_NAMES, type KindName } from '../forms/citizen-input';
import { html, query } from './html';
import {
  citizenLayout,
  csrfField,
  formErrorBox,
  input,
  PORTAL,
  select,
  textarea,
  type CitizenContext,
  type CitizenFormState,
} from './citizen-parts';

export function landingPage(ctx: CitizenContext): string {
  const { t } = ctx;
  return citizenLayout(
    ctx,
    t('cz.home'),
    html`<h1>${t('cz.title')}</h1>
      <p class="intro">${t('cz.intro')}</p>
      <h2>${t('cz.procedures')}</h2>
      <ul class="procedures">
        ${KIND_NAMES.map(
          (kind) =>
            html`<li>
              <h3>${t(`cz.kind.${kind}` as MessageKey)}</h3>
              <p>${t(`cz.kindDesc.${kind}` as MessageKey)}</p>
              <a class="button" href="${PORTAL}/nop-ho-so${query({ thu_tuc: kind })}"
                >${t('cz.apply')}</a
              >
            </li>`,
        )}
      </ul>
      <p>
        <a href="${PORTAL}/tra-cuu">${t('cz.track')}</a> ·
        <a href="${PORTAL}/phan-anh">${t('cz.complain')}</a> ·
        <a href="${PORTAL}/phan-anh/tra-cuu">${t('cz.trackComplaint')}</a>
      </p>`,
  );
}

export interface ApplicationFormView {
  kind: KindName;
  form: CitizenFormState;
  /** Category codes and names of the catalogue in force (the optional hint). */
  categories: readonly { code: string; name: string }[];
  maxFiles: number;
  maxFileMib: number;
}

export function applicationFormPage(ctx: CitizenContext, view: ApplicationFormView): string {
  const { t } = ctx;
  const { form } = view;
  const kindName = t(`cz.kind.${view.kind}` as MessageKey);
  const heading = t('cz.formHeading', { kind: kindName });
  const labelled = (prefix: string, values: readonly string[]) =>
    values.map((v) => [v, t(`${prefix}.${v}` as MessageKey)] as const);
  return citizenLayout(
    ctx,
    heading,
    html`<h1>${heading}</h1>
      <p class="intro">${t('cz.formIntro')}</p>
      ${formErrorBox(ctx, form)}
      <form
        method="post"
        action="${PORTAL}/nop-ho-so"
        enctype="multipart/form-data"
        class="panel"
        data-testid="application-form"
      >
        ${csrfField(ctx)}
        <input type="hidden" name="kind" value="${view.kind}" />
        <fieldset>
          <legend>${t('cz.applicant')}</legend>
          ${input(ctx, form, { name: 'full_name', label: 'cz.fullName', required: true, max: 200 })}
          ${input(ctx, form, {
            name: 'date_of_birth',
            label: 'cz.dateOfBirth',
            type: 'date',
            required: true,
          })}
          ${select(ctx, form, 'sex', 'cz.sex', labelled('cz.sex', ['female', 'male']))}
          ${input(ctx, form, {
            name: 'citizen_id',
            label: 'cz.citizenId',
            required: true,
            max: 12,
            pattern: '[0-9]{12}',
          })}
          ${input(ctx, form, {
            name: 'phone',
            label: 'cz.phone',
            type: 'tel',
            required: true,
            max: 20,
          })}
          ${input(ctx, form, { name: 'email', label: 'cz.email', type: 'email', max: 200 })}
          ${input(ctx, form, {
            name: 'commune_code',
            label: 'cz.communeCode',
            required: true,
            max: 5,
            pattern: '[0-9]{5}',
          })}
          ${input(ctx, form, {
            name: 'street_address',
            label: 'cz.streetAddress',
            required: true,
            max: 300,
          })}
        </fieldset>
        <fieldset>
          <legend>${t('cz.filedBy')}</legend>
          ${select(ctx, form, 'filed_by', 'cz.filedBy', labelled('cz.filedBy', ['self', 'other']))}
          ${input(ctx, form, { name: 'filed_by_name', label: 'cz.filedByName', max: 200 })}
          ${input(ctx, form, { name: 'filed_by_relation', label: 'cz.filedByRelation', max: 100 })}
        </fieldset>
        ${textarea(ctx, form, 'circumstances', 'cz.circumstances', t('cz.circumstancesHint'))}
        ${select(ctx, form, 'suggested_category_code', 'cz.suggested', [
          ['', t('cz.suggestedNone')],
          ...view.categories.map((c) => [c.code, c.name] as const),
        ])}
        <fieldset>
          <legend>${t('cz.payment')}</legend>
          ${select(ctx, form, 'payment_channel', 'cz.payment', labelled('cz.channel', CHANNEL_NAMES))}
          ${input(ctx, form, { name: 'bank_code', label: 'cz.bankCode', max: 20 })}
          ${input(ctx, form, { name: 'account_number', label: 'cz.accountNumber', max: 19 })}
        </fieldset>
        <div class="field${form.field === 'attachments' ? ' invalid' : ''}">
          <label for="attachments"
            >${t('cz.attachments')} <abbr title="${t('cz.required')}">*</abbr></label
          >
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            required
            accept="application/pdf,image/jpeg,image/png"
          />
          <p class="hint">
            ${t('cz.attachmentsHint', {
              count: String(view.maxFiles),
              mib: String(view.maxFileMib),
            })}
          </p>
          ${
            form.field === 'attachments' && form.error
              ? html`<p class="field-error" role="alert">${form.error.headline}</p>`
              : ''
          }
        </div>
        <button type="submit">${t('cz.submit')}</button>
      </form>`,
  );
}

/** The receipt after a submission (biên nhận): the tracking code, shown once. */
export function receiptPage(
  ctx: CitizenContext,
  heading: MessageKey,
  intro: MessageKey,
  trackingCode: string,
  trackPath: string,
): string {
  const { t } = ctx;
  return citizenLayout(
    ctx,
    t(heading),
    html`<h1>${t(heading)}</h1>
      <p>${t(intro)}</p>
      <p class="tracking-code" data-testid="tracking-code"><strong>${trackingCode}</strong></p>
      <p>${t('cz.receiptKeep')}</p>
      <p><a class="button" href="${trackPath}">${t('cz.track')}</a></p>`,
  );
}
