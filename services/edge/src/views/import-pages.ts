/**
 * The import pages (nhập phiếu C, C1): the list of a unit's imports, the upload form, and
 * one job with status, progress and counts (refreshing itself while it runs).
 */
import type { ImportJobJson } from '../api/import-json';
import { IMPORT_MODES } from '../api/import-json';
import type { Flash } from '../http/session';
import {
  fieldClass,
  fieldError,
  flashBox,
  formErrorBox,
  invalidAttrs,
  labelOf,
  pager,
  vietnamTime,
  type Described,
  type FormState,
} from './account-parts';
import { html, query, raw, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';

/** Seconds between two refreshes of a running job's page. */
export const REFRESH_SECONDS = 3;

function statusTag(ctx: PageContext, j: ImportJobJson): SafeHtml {
  const s = j.status ?? 'failed';
  const tone =
    s === 'completed' ? 'active' : s === 'running' || s === 'partial' ? 'pending' : 'locked';
  return html`<span class="tag status-${tone}" data-testid="import-status" data-status="${s}"
    >${labelOf(ctx.t, 'imp.status', s)}</span
  >`;
}

function templateLinks(ctx: PageContext): SafeHtml {
  return html`${['C', 'C1'].map(
    (f) =>
      html`<a href="/imports/template${query({ form: f })}" data-testid="template-${f}"
        >${ctx.t('imp.template', { form: f })}</a
      >`,
  )}`;
}

export interface ImportsModel {
  unit: string;
  page: string;
  jobs: ImportJobJson[];
  nextPageToken?: string;
  /** The commune the caller may import for, if any. */
  writesCommune?: string;
  error?: Described;
}

export function importsPage(ctx: PageContext, m: ImportsModel): string {
  const { t } = ctx;
  const rows = m.jobs.map(
    (j) =>
      html`<tr>
        <td><a href="/imports/${j.id}">${j.fileName}</a></td>
        <td>${j.formType}</td>
        <td>${j.villageCode ?? ''}</td>
        <td>${statusTag(ctx, j)}</td>
        <td>${j.householdsCreated} / ${j.householdsUpdated} / ${j.householdsUnchanged}</td>
        <td>${j.errorCount}</td>
        <td>${vietnamTime(j.createdAt)}</td>
      </tr>`,
  );
  const table =
    m.jobs.length === 0
      ? html`<p data-testid="no-imports">${t('imp.none')}</p>`
      : html`<table class="units" data-testid="imports">
          <thead>
            <tr>
              <th scope="col">${t('hh.field.file_name')}</th>
              <th scope="col">${t('hh.field.form_type')}</th>
              <th scope="col">${t('hh.field.village_code')}</th>
              <th scope="col">${t('field.status')}</th>
              <th scope="col">
                ${t('hh.field.households_created')} / ${t('hh.field.households_updated')} /
                ${t('hh.field.households_unchanged')}
              </th>
              <th scope="col">${t('hh.field.error_count')}</th>
              <th scope="col">${t('imp.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`;
  return layout(
    { ...ctx, section: 'imports' },
    t('imp.heading'),
    html`<h1>${t('imp.heading')}</h1>
      <p class="muted">${t('imp.intro')}</p>
      <p class="toolbar">
        ${m.writesCommune ? html`<a class="button" href="/imports/new" data-testid="new-import">${t('imp.new')}</a>` : ''}
        ${templateLinks(ctx)}
      </p>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : ''}
      <form method="get" action="/imports" class="toolbar">
        <label for="unit"
          >${t('hh.unit')}
          <input id="unit" name="unit" value="${m.unit}" placeholder="${t('hh.unitHint')}" size="8"
        /></label>
        <button type="submit">${t('accounts.filter')}</button>
      </form>
      ${table} ${pager(t, '/imports', { unit: m.unit }, m.nextPageToken, m.page !== '')}`,
  );
}

export interface ImportDraft {
  communeCode: string;
  villageCode: string;
  formType: string;
  mode: string;
}

export function importNewPage(
  ctx: PageContext,
  d: ImportDraft,
  form: FormState,
  maxBytes: number,
): string {
  const { t } = ctx;
  const size = `${Math.floor(maxBytes / 1024 ** 2)} MB`;
  // The token comes before the file: it is checked before a byte of the file is sent on.
  return layout(
    { ...ctx, section: 'imports' },
    t('imp.new'),
    html`<h1>${t('imp.new')}</h1>
      <p class="muted">${t('imp.newIntro', { size })}</p>
      <p class="toolbar">${templateLinks(ctx)}</p>
      ${formErrorBox(t, form)}
      <form
        method="post"
        action="/imports"
        enctype="multipart/form-data"
        class="stack"
        data-testid="import-form"
      >
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
        <p>${t('hh.field.commune_code')}: <strong>${d.communeCode}</strong></p>
        <div class="${fieldClass(form, 'form_type')}">
          <label for="form_type">${t('hh.field.form_type')}</label>
          <select id="form_type" name="form_type" ${invalidAttrs(form, 'form_type')}>
            ${['C', 'C1'].map((f) => html`<option value="${f}" ${f === d.formType ? html` selected` : ''}>${f}</option>`)}
          </select>
          ${fieldError(t, form, 'form_type')}
        </div>
        <div class="${fieldClass(form, 'village_code')}">
          <label for="village_code">${t('hh.field.village_code')}</label>
          <input
            id="village_code"
            name="village_code"
            value="${d.villageCode}"
            maxlength="50"
            ${invalidAttrs(form, 'village_code')}
          />
          <p class="hint">${t('hh.villageHint')}</p>
          ${fieldError(t, form, 'village_code')}
        </div>
        <fieldset class="${fieldClass(form, 'mode')}">
          <legend>${t('hh.field.mode')}</legend>
          ${IMPORT_MODES.map(
            (mode) =>
              html`<label class="check"
                ><input
                  type="radio"
                  name="mode"
                  value="${mode}"
                  ${mode === d.mode ? html` checked` : ''}
                />
                ${labelOf(t, 'imp.mode', mode)}</label
              >`,
          )}
          ${fieldError(t, form, 'mode')}
        </fieldset>
        <div class="${fieldClass(form, 'file')}">
          <label for="file">${t('imp.file')}</label>
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".xlsx,.csv"
            ${invalidAttrs(form, 'file')}
          />
          ${fieldError(t, form, 'file')}
        </div>
        <p><button type="submit" data-testid="upload-import">${t('imp.upload')}</button></p>
      </form>`,
  );
}

export interface ImportJobModel {
  job: ImportJobJson;
  flash?: Flash;
  repeated: boolean;
}

export function importJobPage(ctx: PageContext, m: ImportJobModel): string {
  const { t } = ctx;
  const j = m.job;
  const running = j.status === 'running';
  const count = (
    key:
      | 'rows_read'
      | 'households_created'
      | 'households_updated'
      | 'households_unchanged'
      | 'households_refused'
      | 'error_count',
    n: number,
  ) =>
    html`<dt>${t(`hh.field.${key}`)}</dt>
      <dd data-testid="count-${key}">${n}</dd>`;
  const villageLink = j.villageCode
    ? html`<a
        href="/households${query({ unit: j.communeCode, village: j.villageCode })}"
        data-testid="village-households"
        >${t('imp.listHouseholds')}</a
      >`
    : html`<a href="/households${query({ unit: j.communeCode })}" data-testid="village-households"
        >${t('hh.list')}</a
      >`;
  return layout(
    { ...ctx, section: 'imports' },
    `${t('imp.job')} ${j.fileName}`,
    html`<h1>${t('imp.job')}: ${j.fileName}</h1>
      ${flashBox(t, m.flash)}
      ${m.repeated ? html`<p class="alert ok" data-testid="repeated">${t('imp.repeated')}</p>` : ''}
      <p>${statusTag(ctx, j)}</p>
      ${running ? html`<p class="muted" data-testid="running">${t('imp.running')}</p>` : ''}
      ${j.failure ? errorBox(t, t('imp.failure'), j.failure) : ''}
      <dl class="facts">
        <dt>${t('hh.field.commune_code')}</dt>
        <dd>${j.communeCode}</dd>
        <dt>${t('hh.field.village_code')}</dt>
        <dd>${j.villageCode ?? ''}</dd>
        <dt>${t('hh.field.form_type')}</dt>
        <dd>${j.formType}</dd>
        <dt>${t('hh.field.mode')}</dt>
        <dd>${labelOf(t, 'imp.mode', j.mode)}</dd>
        <dt>${t('imp.size')}</dt>
        <dd>${j.fileSize}</dd>
        <dt>${t('imp.createdAt')}</dt>
        <dd>${vietnamTime(j.createdAt)}</dd>
        <dt>${t('imp.finishedAt')}</dt>
        <dd>${vietnamTime(j.finishedAt)}</dd>
        ${count('rows_read', j.rowsRead)} ${count('households_created', j.householdsCreated)}
        ${count('households_updated', j.householdsUpdated)}
        ${count('households_unchanged', j.householdsUnchanged)}
        ${count('households_refused', j.householdsRefused)} ${count('error_count', j.errorCount)}
      </dl>
      <p class="toolbar">
        ${running ? '' : html`<a class="button" href="/imports/${j.id}/report" data-testid="download-report">${t('imp.report')}</a>`}
        ${villageLink} <a href="/imports">${t('imp.heading')}</a>
      </p>`,
    running ? raw(`<meta http-equiv="refresh" content="${REFRESH_SECONDS}" />`) : undefined,
  );
}
