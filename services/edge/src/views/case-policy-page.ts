/**
 * Chế độ chính sách: the policy catalogue in force on a date (base levels, categories,
 * coefficients, care-support and emergency types, procedure rules), each version with its
 * validity, legal source and source tag (C "đã xác minh", S "nguồn thứ cấp", M "chưa xác
 * minh"), and the record-new-version forms the user is offered.
 */
import type { CatalogueJson, ProcedureRuleJson, ValidityJson } from '../api/case-policy-json';
import { DISABILITY_LEVELS } from '../api/case-json';
import type { RecordKind } from '../forms/case-policy-input';
import { flashBox, formErrorBox, labelOf, type FormState } from './account-parts';
import {
  formatCoefficient,
  formatVnd,
  optionsOf,
  selectInput,
  textInput,
  type FormValues,
} from './case-parts';
import type { Flash } from '../http/session';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';

export interface CataloguePageModel {
  asOf: string;
  catalogue: CatalogueJson;
  rules: ProcedureRuleJson[];
  /** The forms offered: all for national officers, the base level for a province officer. */
  recordable: readonly RecordKind[];
  /** The province whose base level a province officer records. */
  province?: string;
  flash?: Flash;
  posted?: { kind: RecordKind; values: FormValues; form: FormState };
}

function tagCell(ctx: PageContext, v: ValidityJson): SafeHtml {
  const tag = v.tag ?? 'M';
  return html`<td>
    <span class="tag ${tag === 'C' ? 'status-active' : 'status-pending'}" data-testid="tag-${tag}"
      >${labelOf(ctx.t, 'cs.tag', tag)}</span
    >
  </td>`;
}

function validityCells(ctx: PageContext, v: ValidityJson): SafeHtml {
  return html`<td>${v.validFrom ?? ''}</td>
    <td>${v.validTo ?? ctx.t('cs.open')}</td>
    <td>${v.legalSource}</td>
    ${tagCell(ctx, v)}`;
}

function table(
  ctx: PageContext,
  id: string,
  title: string,
  cols: string[],
  rows: SafeHtml[],
): SafeHtml {
  const { t } = ctx;
  const all = [...cols, t('cs.validFrom'), t('cs.validTo'), t('cs.legalSource'), t('cs.tag')];
  return html`<h2>${title}</h2>
    <table class="units" data-testid="${id}">
      <thead>
        <tr>
          ${all.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
}

function recordForm(ctx: PageContext, m: CataloguePageModel, kind: RecordKind): SafeHtml {
  const { t } = ctx;
  const mine = m.posted?.kind === kind ? m.posted : undefined;
  const form: FormState = mine?.form ?? { fieldErrors: {} };
  const v: FormValues = mine?.values ?? (m.province ? { province_code: m.province } : {});
  const f = (name: string, label: string, type?: 'date' | 'text') =>
    textInput(t, form, v, { name, label, ...(type ? { type } : {}) }, `rec-${kind}`);
  const fields: Record<RecordKind, SafeHtml> = {
    'base-level': html`${m.province ? html`<input type="hidden" name="province_code" value="${m.province}" />` : f('province_code', t('cs.field.province_code'))}
    ${f('amount_vnd', t('cs.field.amount_vnd'))}`,
    coefficient: html`${f('category_code', t('cs.field.category_code'))}
    ${f('min_age_months', t('cs.field.min_age_months'))}
    ${f('max_age_months', t('cs.field.max_age_months'))}
    ${selectInput(t, form, v, { name: 'disability_level', label: t('cs.field.disability_level'), options: optionsOf(t, 'cs.disability', DISABILITY_LEVELS) }, `rec-${kind}`)}
    ${f('coefficient', t('cs.field.coefficient'))}`,
    category: html`${f('code', t('cs.field.code'))} ${f('group', t('cs.field.group'))}
    ${f('decree', t('cs.field.decree'))} ${f('name_vi', t('cs.field.name_vi'))}
    ${f('replaces_code', t('cs.field.replaces_code'))}`,
    'care-support': html`${f('code', t('cs.field.code'))} ${f('name_vi', t('cs.field.name_vi'))}
    ${f('coefficient', t('cs.field.coefficient'))}`,
    emergency: html`${f('code', t('cs.field.code'))} ${f('name_vi', t('cs.field.name_vi'))}
    ${f('description_vi', t('cs.field.description_vi'))}`,
  };
  return html`<details class="step-form" data-testid="record-${kind}" ${mine ? html` open` : ''}>
    <summary>${t(`cs.record.${kind}`)}</summary>
    <form method="post" action="/policy-catalogue/${kind}" class="form" novalidate>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
      ${formErrorBox(t, form)} ${fields[kind]} ${f('valid_from', t('cs.validFrom'), 'date')}
      ${f('legal_source', t('cs.legalSource'))}
      ${selectInput(t, form, v, { name: 'tag', label: t('cs.tag'), options: optionsOf(t, 'cs.tag', ['C', 'S', 'M']) }, `rec-${kind}`)}
      ${f('reason', t('field.reason'))}
      <button type="submit">${t(`cs.record.${kind}`)}</button>
    </form>
  </details>`;
}

function rulesTable(ctx: PageContext, rules: ProcedureRuleJson[]): SafeHtml {
  const { t } = ctx;
  return table(
    ctx,
    'procedure-rules',
    t('cs.procedures'),
    [t('cs.code'), t('cs.appraisalLevel'), t('cs.decisionLevel'), t('cs.days')],
    rules.map(
      (r) =>
        html`<tr>
          <td>${r.code}</td>
          <td>${labelOf(t, 'cs.level', r.appraisalLevel)}</td>
          <td>${labelOf(t, 'cs.level', r.decisionLevel)}</td>
          <td>${r.completenessDays} / ${r.appraisalDays} / ${r.decisionDays}</td>
          ${validityCells(ctx, r)}
        </tr>`,
    ),
  );
}

export function cataloguePage(ctx: PageContext, m: CataloguePageModel): string {
  const { t, lang } = ctx;
  const c = m.catalogue;
  return layout(
    { ...ctx, section: 'policies' },
    t('cs.catalogue'),
    html`<h1>${t('cs.catalogue')}</h1>
      ${flashBox(t, m.flash)}
      <form method="get" action="/policy-catalogue" class="toolbar" data-testid="catalogue-as-of">
        <label>${t('hh.asOf')} <input name="asOf" type="date" value="${m.asOf}" /></label>
        <button type="submit">${t('units.show')}</button>
      </form>
      ${
        m.recordable.length > 0
          ? html`<section data-testid="record-forms">
              <h2>${t('cs.recordHeading')}</h2>
              <p class="hint">${t('cs.recordHint')}</p>
              ${m.recordable.map((k) => recordForm(ctx, m, k))}
            </section>`
          : ''
      }
      ${table(
        ctx,
        'base-levels',
        t('cs.baseLevels'),
        [t('cs.field.province_code'), t('cs.field.amount_vnd')],
        c.baseLevels.map(
          (b) =>
            html`<tr>
              <td>${b.provinceCode ?? t('cs.national')}</td>
              <td class="num">${formatVnd(lang, b.amountVnd)}</td>
              ${validityCells(ctx, b)}
            </tr>`,
        ),
      )}
      ${table(
        ctx,
        'categories',
        t('cs.categories'),
        [t('cs.field.code'), t('cs.field.group'), t('cs.field.name_vi')],
        c.categories.map(
          (k) =>
            html`<tr>
              <td>${k.code}</td>
              <td>${k.group}</td>
              <td>${k.nameVi}</td>
              ${validityCells(ctx, k)}
            </tr>`,
        ),
      )}
      ${table(
        ctx,
        'coefficients',
        t('cs.coefficients'),
        [
          t('cs.field.category_code'),
          t('cs.ageBand'),
          t('cs.field.disability_level'),
          t('cs.coefficient'),
        ],
        c.coefficientRules.map(
          (r) =>
            html`<tr>
              <td>${r.categoryCode}</td>
              <td>${r.minAgeMonths ?? 0}–${r.maxAgeMonths ?? '∞'}</td>
              <td>${r.disabilityLevel ? labelOf(t, 'cs.disability', r.disabilityLevel) : '—'}</td>
              <td class="num">${formatCoefficient(lang, r.coefficientHundredths)}</td>
              ${validityCells(ctx, r)}
            </tr>`,
        ),
      )}
      ${table(
        ctx,
        'care-support-types',
        t('cs.careTypes'),
        [t('cs.field.code'), t('cs.field.name_vi'), t('cs.coefficient')],
        c.careSupportTypes.map(
          (x) =>
            html`<tr>
              <td>${x.code}</td>
              <td>${x.nameVi}</td>
              <td class="num">${formatCoefficient(lang, x.coefficientHundredths)}</td>
              ${validityCells(ctx, x)}
            </tr>`,
        ),
      )}
      ${table(
        ctx,
        'emergency-types',
        t('cs.emergencyTypes'),
        [t('cs.field.code'), t('cs.field.name_vi'), t('cs.field.description_vi')],
        c.emergencyTypes.map(
          (x) =>
            html`<tr>
              <td>${x.code}</td>
              <td>${x.nameVi}</td>
              <td>${x.descriptionVi}</td>
              ${validityCells(ctx, x)}
            </tr>`,
        ),
      )}
      ${rulesTable(ctx, m.rules)}`,
  );
}
