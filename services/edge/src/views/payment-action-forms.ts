/**
 * The forms of a payroll page, each offered only to the role that acts: lập lại (regenerate a
 * draft), duyệt (approve), khóa sổ (close), tải tệp kết quả của đơn vị chi trả (upload the
 * agent's result file, with the template); and the payment files (tệp chi trả) to download with
 * the public key that verifies their signature. Every form carries the CSRF token; approve and
 * close carry the payroll version read.
 */
import type { PayrollJson, PaymentFileJson } from '../api/payment-json';
import type { ResultImportJson } from '../api/payment-reconciliation-json';
import type { PayrollAction } from '../http/payment-roles';
import { formErrorBox, fieldError, labelOf, type Described } from './account-parts';
import { html, type SafeHtml } from './html';
import { errorBox, type PageContext } from './layout';
import { channelText, money, paymentFormState, type PostedPaymentForm } from './payment-parts';

function simpleForm(
  ctx: PageContext,
  p: PayrollJson,
  action: 'regenerate' | 'approve' | 'close',
  posted: PostedPaymentForm | undefined,
): SafeHtml {
  const { t } = ctx;
  const { form } = paymentFormState(posted, action);
  return html`<form
    method="post"
    action="/payrolls/${p.id}/${action}"
    class="form inline-action"
    data-testid="form-${action}"
  >
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
    <input type="hidden" name="expected_version" value="${String(p.version)}" />
    ${formErrorBox(t, form)}
    <p class="hint">${t(`pay.hint.${action}`)}</p>
    <button type="submit">${t(`pay.action.${action}`)}</button>
  </form>`;
}

function uploadForm(
  ctx: PageContext,
  p: PayrollJson,
  posted: PostedPaymentForm | undefined,
  maxBytes: number,
): SafeHtml {
  const { t } = ctx;
  const { form } = paymentFormState(posted, 'upload_results');
  const mb = String(Math.floor(maxBytes / (1024 * 1024)));
  return html`<section aria-labelledby="upload-h" data-testid="form-upload_results">
    <h3 id="upload-h">${t('pay.action.upload_results')}</h3>
    <p>
      <a href="/payrolls/${p.id}/result-template" data-testid="result-template"
        >${t('pay.resultTemplate')}</a
      >
    </p>
    <form
      method="post"
      action="/payrolls/${p.id}/results"
      enctype="multipart/form-data"
      class="form"
      novalidate
    >
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${formErrorBox(t, form)}
      <div class="field">
        <label for="upload-mode">${t('pay.field.mode')}</label>
        <select id="upload-mode" name="mode">
          <option value="all_or_nothing">${t('pay.mode.all_or_nothing')}</option>
          <option value="valid_rows">${t('pay.mode.valid_rows')}</option>
        </select>
      </div>
      <div class="${form.fieldErrors['file'] ? 'field invalid' : 'field'}">
        <label for="upload-file">${t('pay.field.file')}</label>
        <input id="upload-file" name="file" type="file" accept=".csv,.xlsx" required />
        <p class="hint">${t('pay.uploadHint', { mb })}</p>
        ${fieldError(t, form, 'file')}
      </div>
      <button type="submit">${t('pay.action.upload_results')}</button>
    </form>
  </section>`;
}

/** The answer of the last result-file import, shown once after the upload. */
export function importBox(ctx: PageContext, r: ResultImportJson | undefined): SafeHtml | '' {
  if (r === undefined) return '';
  const { t } = ctx;
  const ok = r.status === 'done';
  return html`<div class="alert ${ok ? 'ok' : 'error'}" role="status" data-testid="result-import">
    <p>
      <strong>${labelOf(t, 'pay.importStatus', r.status)}</strong>
      ${r.duplicate ? html` <span data-testid="duplicate">${t('pay.importDuplicate')}</span>` : ''}
    </p>
    <p>
      ${t('pay.importCounts', {
        rows: String(r.rows),
        recorded: String(r.recorded),
        invalid: String(r.invalidRows),
      })}
    </p>
    <p>
      <a href="/payment-result-imports/${r.importId}/report" data-testid="import-report"
        >${t('pay.importReport')}</a
      >
    </p>
  </div>`;
}

/** Tệp chi trả: name, channel, format, lines, total, SHA-256, with download links. */
export function filesSection(
  ctx: PageContext,
  p: PayrollJson,
  files: PaymentFileJson[] | undefined,
  error: Described | undefined,
): SafeHtml {
  const { t } = ctx;
  const body = error
    ? errorBox(t, error.headline, error.detail)
    : html`<table class="units" data-testid="payment-files">
        <thead>
          <tr>
            <th scope="col">${t('pay.fileName')}</th>
            <th scope="col">${t('pay.channelHeading')}</th>
            <th scope="col">${t('pay.format')}</th>
            <th scope="col">${t('pay.lines')}</th>
            <th scope="col">${t('pay.total')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          ${(files ?? []).map(
            (f) =>
              html`<tr data-testid="payment-file">
                <td>
                  <a href="/payrolls/${p.id}/files/${encodeURIComponent(f.fileName)}"
                    >${f.fileName}</a
                  >
                </td>
                <td>${channelText(t, f.channel)}</td>
                <td>${f.format}</td>
                <td>${f.channel === null ? '' : String(f.lines)}</td>
                <td>${f.channel === null ? '' : money(ctx, f.totalVnd)}</td>
                <td><code>${f.sha256.slice(0, 16)}…</code></td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  return html`<section aria-labelledby="files-h">
    <h2 id="files-h">${t('pay.files')}</h2>
    <p class="hint">
      ${t('pay.filesHint')} <a href="/payment-signing-key">${t('pay.publicKey')}</a>
    </p>
    ${body}
  </section>`;
}

/** The action forms offered on this payroll (none for readers). */
export function payrollActionForms(
  ctx: PageContext,
  p: PayrollJson,
  offered: readonly PayrollAction[],
  posted: PostedPaymentForm | undefined,
  maxUploadBytes: number,
): SafeHtml | '' {
  const forms: SafeHtml[] = [];
  for (const action of ['regenerate', 'approve', 'close'] as const)
    if (offered.includes(action)) forms.push(simpleForm(ctx, p, action, posted));
  if (offered.includes('upload_results')) forms.push(uploadForm(ctx, p, posted, maxUploadBytes));
  if (forms.length === 0) return '';
  return html`<section aria-labelledby="pay-actions-h" data-testid="payroll-actions">
    <h2 id="pay-actions-h">${ctx.t('cs.actions')}</h2>
    ${forms}
  </section>`;
}
