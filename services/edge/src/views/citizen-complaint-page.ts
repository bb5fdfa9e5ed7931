/** The public complaint form (phản ánh, kiến nghị về dữ liệu). */
import type { MessageKey } from '../i18n';
import { SUBJECT_KINDS } from '../forms/citizen-input';
import { html } from './html';
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

export function complaintFormPage(ctx: CitizenContext, form: CitizenFormState): string {
  const { t } = ctx;
  return citizenLayout(
    ctx,
    t('cz.complaintHeading'),
    html`<h1>${t('cz.complaintHeading')}</h1>
      <p class="intro">${t('cz.complaintIntro')}</p>
      ${formErrorBox(ctx, form)}
      <form method="post" action="${PORTAL}/phan-anh" class="panel" data-testid="complaint-form">
        ${csrfField(ctx)}
        ${select(
          ctx,
          form,
          'subject_kind',
          'cz.subjectKind',
          SUBJECT_KINDS.map((k) => [k, t(`cz.subject.${k}` as MessageKey)] as const),
        )}
        ${input(ctx, form, {
          name: 'managing_unit_code',
          label: 'cz.managingUnit',
          required: true,
          max: 5,
          pattern: '[0-9]{5}',
        })}
        ${input(ctx, form, {
          name: 'complainant_name',
          label: 'cz.complainantName',
          required: true,
          max: 200,
        })}
        ${input(ctx, form, {
          name: 'complainant_citizen_id',
          label: 'cz.citizenId',
          required: true,
          max: 12,
          pattern: '[0-9]{12}',
        })}
        ${input(ctx, form, {
          name: 'complainant_phone',
          label: 'cz.phone',
          type: 'tel',
          max: 20,
        })}
        ${textarea(ctx, form, 'content', 'cz.content')}
        <button type="submit">${t('cz.complaintSubmit')}</button>
      </form>`,
  );
}
