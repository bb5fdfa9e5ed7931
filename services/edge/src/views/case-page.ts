/**
 * One case (hồ sơ trợ giúp xã hội): facts, beneficiary, eligibility, payment, the steps with
 * actor and time, decisions, periods, review flags, the entitlement of a month range with its
 * explanation, the arrears of the last variation, and the forms the user is offered.
 */
import type { CaseJson } from '../api/case-json';
import type { ArrearsJson, EntitlementJson } from '../api/case-money-json';
import type { CaseAction } from '../http/case-roles';
import type { Flash } from '../http/session';
import { flashBox, labelOf, vietnamTime, type Described } from './account-parts';
import { caseKindText, caseStatusTag } from './case-parts';
import { caseStepForms, type CatalogueChoices, type PostedForm } from './case-step-forms';
import {
  arrearsBox,
  decisionsTable,
  entitlementTable,
  flagsTable,
  periodsTable,
  stepsTable,
} from './case-tables';
import { caseVariationForms } from './case-variation-forms';
import { html, type SafeHtml } from './html';
import { errorBox, layout, type PageContext } from './layout';

export interface CasePageModel {
  c: CaseJson;
  offered: readonly CaseAction[];
  choices: CatalogueChoices;
  range: { from: string; to: string };
  /** The entitlement table, or why it could not be read. */
  entitlements?: EntitlementJson[];
  entitlementError?: Described;
  arrears?: ArrearsJson;
  flash?: Flash;
  posted?: PostedForm;
}

function facts(ctx: PageContext, c: CaseJson): SafeHtml {
  const { t } = ctx;
  const row = (label: string, value: string | SafeHtml) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  const b = c.beneficiary;
  return html`<dl class="facts" data-testid="case-facts">
      ${row(t('cs.code'), c.code)} ${row(t('field.status'), caseStatusTag(t, c.status))}
      ${row(t('cs.field.kind'), caseKindText(t, c.kind))}
      ${row(t('field.commune_code'), c.communeCode)}
      ${row(t('cs.field.application_date'), c.applicationDate ?? '')}
      ${row(t('cs.channelOfFiling'), labelOf(t, 'cs.filing', c.channel))}
      ${row(t('cs.procedure'), c.procedureCode)}
      ${row(t('cs.stepDueOn'), html`${c.stepDueOn ?? '—'} ${c.overdue ? html`<span class="tag status-locked" data-testid="overdue">${t('cs.overdue')}</span>` : ''}`)}
      ${row(t('cs.populationCheck'), c.populationCheck ? labelOf(t, 'cs.population', c.populationCheck) : '—')}
      ${c.transferredFromCaseId ? row(t('cs.transferredFrom'), html`<a href="/cases/${c.transferredFromCaseId}">${c.transferredFromCaseId.slice(0, 8)}</a>`) : ''}
      ${row(t('hh.version'), String(c.version))} ${row(t('hh.updatedAt'), vietnamTime(c.updatedAt))}
    </dl>
    <h2>${t('cs.beneficiary')}</h2>
    <dl class="facts" data-testid="case-beneficiary">
      ${row(t('hh.field.full_name'), b.fullName)}
      ${row(t('hh.field.date_of_birth'), b.dateOfBirth ?? '')}
      ${row(t('hh.field.sex'), b.sex ? labelOf(t, 'hh.sex', b.sex) : '')}
      ${row(t('hh.field.citizen_id'), b.citizenId ?? '')}
      ${row(t('hh.one'), b.householdId ? html`<a href="/households/${b.householdId}">${t('cs.openHousehold')}</a>` : '')}
    </dl>
    <h2>${t('cs.eligibility')}</h2>
    <dl class="facts" data-testid="case-eligibility">
      ${row(t('cs.field.category_codes'), c.eligibility.categoryCodes.join(', ') || '—')}
      ${row(t('cs.field.disability_level'), c.eligibility.disabilityLevel ? labelOf(t, 'cs.disability', c.eligibility.disabilityLevel) : '—')}
      ${row(t('cs.field.care_support_type_code'), c.eligibility.careSupportTypeCode ?? '—')}
      ${row(t('cs.field.channel'), c.payment.channel ? labelOf(t, 'cs.channel', c.payment.channel) : '—')}
      ${c.payment.accountNumber ? row(t('cs.field.account_number'), `${c.payment.bankCode ?? ''} ${c.payment.accountNumber}`) : ''}
      ${c.missingItems.length > 0 ? row(t('cs.field.missing_items'), c.missingItems.join('; ')) : ''}
    </dl>`;
}

function entitlementSection(ctx: PageContext, m: CasePageModel): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="entitlements-h">
    <h2 id="entitlements-h">${t('cs.entitlements')}</h2>
    <form method="get" action="/cases/${m.c.id}" class="toolbar" data-testid="range-form">
      <label
        >${t('cs.fromMonth')}
        <input name="from" type="month" value="${m.range.from}" placeholder="YYYY-MM"
      /></label>
      <label
        >${t('cs.toMonth')}
        <input name="to" type="month" value="${m.range.to}" placeholder="YYYY-MM"
      /></label>
      <button type="submit">${t('units.show')}</button>
    </form>
    ${m.entitlementError ? errorBox(t, m.entitlementError.headline, m.entitlementError.detail) : ''}
    ${m.entitlements ? entitlementTable(ctx, m.entitlements) : ''}
  </section>`;
}

export function casePage(ctx: PageContext, m: CasePageModel): string {
  const { t } = ctx;
  const c = m.c;
  const steps = caseStepForms(ctx, c, m.offered, m.choices, m.posted);
  const variations = caseVariationForms(ctx, c, m.offered, m.choices, m.posted);
  return layout(
    { ...ctx, section: 'cases' },
    `${t('cs.one')} ${c.code}`,
    html`<p class="crumbs"><a href="/cases">${t('cs.heading')}</a></p>
      <h1 data-testid="case-code">${t('cs.one')} ${c.code}</h1>
      ${flashBox(t, m.flash)} ${arrearsBox(ctx, m.arrears)}
      ${
        steps.length + variations.length > 0
          ? html`<section aria-labelledby="actions-h" data-testid="case-actions">
              <h2 id="actions-h">${t('cs.actions')}</h2>
              ${steps}${variations}
            </section>`
          : ''
      }
      ${facts(ctx, c)}
      <h2>${t('cs.steps')}</h2>
      ${stepsTable(ctx, c)}
      <h2>${t('cs.decisions')}</h2>
      ${decisionsTable(ctx, c)} ${periodsTable(ctx, c)} ${flagsTable(ctx, c)}
      ${entitlementSection(ctx, m)}`,
  );
}
