/** The staff form that records a complaint for a caller (by phone, at the desk). */
import { SUBJECT_KINDS } from '../forms/citizen-input';
import type { MessageKey } from '../i18n';
import { fieldError, formErrorBox, type FormState } from './account-parts';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';

/** A labelled text input or text area with its field error. */
export function textField(
  ctx: PageContext,
  form: FormState,
  values: Record<string, string>,
  name: string,
  label: MessageKey,
  max: number,
  long = false,
): SafeHtml {
  const value = values[name] ?? '';
  return html`<label
      >${ctx.t(label)}
      ${
        long
          ? html`<textarea name="${name}" rows="4" maxlength="${max}">${value}</textarea>`
          : html`<input name="${name}" value="${value}" maxlength="${max}" />`
      }</label
    >${fieldError(ctx.t, form, name)}`;
}

export function complaintNewPage(
  ctx: PageContext,
  form: FormState,
  values: Record<string, string>,
): string {
  const { t } = ctx;
  return layout(
    { ...ctx, section: 'complaints' },
    t('cp.newHeading'),
    html`<h1>${t('cp.newHeading')}</h1>
      ${formErrorBox(t, form)}
      <form method="post" action="/complaints/new" class="panel" data-testid="complaint-new">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <label
          >${t('cz.subjectKind')}
          <select name="subject_kind">
            ${SUBJECT_KINDS.map(
              (k) =>
                html`<option value="${k}" ${k === values['subject_kind'] ? html` selected` : ''}>
                  ${t(`cz.subject.${k}` as MessageKey)}
                </option>`,
            )}
          </select></label
        >
        ${textField(ctx, form, values, 'subject_id', 'cp.subjectId', 36)}
        ${textField(ctx, form, values, 'managing_unit_code', 'cp.managingUnit', 5)}
        ${textField(ctx, form, values, 'complainant_name', 'cz.complainantName', 200)}
        ${textField(ctx, form, values, 'complainant_citizen_id', 'cz.citizenId', 12)}
        ${textField(ctx, form, values, 'complainant_phone', 'cz.phone', 20)}
        ${textField(ctx, form, values, 'content', 'cp.content', 4000, true)}
        <button type="submit">${t('cp.new')}</button>
      </form>`,
  );
}
