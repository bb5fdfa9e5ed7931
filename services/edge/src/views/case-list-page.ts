/** The case list (danh sách hồ sơ): unit, status, overdue and flagged filters, keyset paging. */
import type { CaseSummaryJson } from '../api/case-json';
import { CASE_STATUSES } from '../api/case-json';
import { pager, type Described } from './account-parts';
import { caseKindText, caseStatusTag, caseStatusText } from './case-parts';
import { html } from './html';
import { errorBox, layout, type PageContext } from './layout';

export interface CaseFilter {
  unit: string;
  status: string;
  overdue: boolean;
  flagged: boolean;
  page: string;
}

export interface CaseListModel {
  filter: CaseFilter;
  cases: CaseSummaryJson[];
  nextPageToken?: string;
  error?: Described;
}

export function caseListPage(ctx: PageContext, m: CaseListModel): string {
  const { t } = ctx;
  const f = m.filter;
  const table =
    m.cases.length === 0
      ? html`<p data-testid="no-cases">${t('cs.none')}</p>`
      : html`<table class="units" data-testid="cases">
          <thead>
            <tr>
              <th scope="col">${t('cs.code')}</th>
              <th scope="col">${t('cs.field.kind')}</th>
              <th scope="col">${t('cs.beneficiary')}</th>
              <th scope="col">${t('hh.field.citizen_id')}</th>
              <th scope="col">${t('field.commune_code')}</th>
              <th scope="col">${t('cs.field.application_date')}</th>
              <th scope="col">${t('cs.stepDueOn')}</th>
              <th scope="col">${t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.cases.map(
              (c) =>
                html`<tr data-testid="case-row">
                  <td><a href="/cases/${c.id}">${c.code}</a></td>
                  <td>${caseKindText(t, c.kind)}</td>
                  <td>${c.beneficiaryName}</td>
                  <td>${c.citizenIdMasked ?? ''}</td>
                  <td>${c.communeCode}</td>
                  <td>${c.applicationDate ?? ''}</td>
                  <td>
                    ${c.stepDueOn ?? ''}
                    ${c.overdue ? html`<span class="tag status-locked">${t('cs.overdue')}</span>` : ''}
                  </td>
                  <td>
                    ${caseStatusTag(t, c.status)}
                    ${c.flagged ? html`<span class="tag status-pending" data-testid="flagged">${t('cs.flagged')}</span>` : ''}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  const params = {
    unit: f.unit || undefined,
    status: f.status || undefined,
    overdue: f.overdue ? '1' : undefined,
    flagged: f.flagged ? '1' : undefined,
  };
  return layout(
    { ...ctx, section: 'cases' },
    t('cs.heading'),
    html`<h1>${t('cs.heading')}</h1>
      <p>${t('cs.intro')}</p>
      <p class="toolbar"><a href="/policy-catalogue">${t('cs.catalogue')}</a></p>
      <form method="get" action="/cases" class="toolbar" data-testid="case-filter">
        <label
          >${t('hh.unit')}
          <input name="unit" value="${f.unit}" size="6" placeholder="${t('hh.unitHint')}"
        /></label>
        <label
          >${t('field.status')}
          <select name="status">
            <option value="">${t('cs.allStatuses')}</option>
            ${CASE_STATUSES.map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${caseStatusText(t, s)}</option>`)}
          </select></label
        >
        <label class="check"
          ><input type="checkbox" name="overdue" value="1" ${f.overdue ? html` checked` : ''} />
          ${t('cs.overdueOnly')}</label
        >
        <label class="check"
          ><input type="checkbox" name="flagged" value="1" ${f.flagged ? html` checked` : ''} />
          ${t('cs.flaggedOnly')}</label
        >
        <button type="submit">${t('units.show')}</button>
      </form>
      ${m.error ? errorBox(t, m.error.headline, m.error.detail) : table}
      ${pager(t, '/cases', params, m.nextPageToken, f.page !== '')}`,
  );
}
