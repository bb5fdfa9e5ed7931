/** GetCase, ListCases and GetEntitlements (the amount of each month with its explanation). */
import { principalOf } from '@posa/auth';
import {
  InvalidArgumentError,
  PermissionDeniedError,
  type CallContext,
  compareMonths,
  monthsBetween,
  monthToProto,
} from '@posa/platform';
import type {
  GetCaseRequest,
  GetCaseResponse,
  GetEntitlementsRequest,
  GetEntitlementsResponse,
  ListCasesRequest,
  ListCasesResponse,
} from '@posa/proto';
import type { CasesDeps } from '../deps';
import { factsOf, periodInputsOf } from '../domain/case-record';
import { entitlementSchedule } from '../domain/entitlement';

import { checkCaseId, loadCase, loadPeriods } from '../store/case-store';
import { communesWithCases, listCases, type CaseListFilter } from '../store/case-list-store';
import { loadCatalogue } from '../store/policy-store';
import { assertCaseReadable, canReadCases } from './case-access';
import { fullCase } from './case-commit';
import {
  caseListScopeOf,
  decodePageToken,
  encodePageToken,
  pageSizeOf,
  type CaseListScope,
} from './case-list-request';
import { monthFromProto, statusFromProto, summaryToProto } from './case-mapping';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;
export const MAX_ENTITLEMENT_MONTHS = 120;

export function caseReadHandlers(deps: CasesDeps) {
  const { pool, today } = deps;

  async function scopeFilter(scope: CaseListScope): Promise<Partial<CaseListFilter>> {
    if (scope.level === 'national') return {};
    if (scope.level === 'province') return { provinceCode: scope.provinceCode };
    if (scope.level === 'commune') return { communeCodes: [scope.communeCode] };
    const communes = (await communesWithCases(pool)).filter((c) =>
      deps.predecessors.of(c).includes(scope.districtCode),
    );
    return { communeCodes: communes };
  }

  async function getCase(request: GetCaseRequest, ctx: CallContext): Promise<GetCaseResponse> {
    const principal = principalOf(ctx);
    const id = checkCaseId(request.caseId);
    const row = assertCaseReadable(principal, await loadCase(pool, id), id, deps);
    return { case: await fullCase(pool, row, today()) };
  }

  async function listCasesOf(
    request: ListCasesRequest,
    ctx: CallContext,
  ): Promise<ListCasesResponse> {
    const principal = principalOf(ctx);
    if (!canReadCases(principal)) {
      throw new PermissionDeniedError(
        'reading cases needs the role officer, approver, analyst or auditor',
      );
    }
    const scope = caseListScopeOf(principal, request.unitCode, deps);
    const status = statusFromProto(request.status, 'status');
    const day = today();
    const query = JSON.stringify([
      scope,
      status ?? '',
      request.overdueOnly ? day : '',
      request.flaggedOnly,
    ]);
    const pageSize = pageSizeOf(request.page?.pageSize ?? 0, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const rows = await listCases(pool, {
      ...(await scopeFilter(scope)),
      status,
      overdueBefore: request.overdueOnly ? day : undefined,
      flaggedOnly: request.flaggedOnly,
      afterCode: decodePageToken(query, request.page?.pageToken ?? ''),
      limit: pageSize + 1,
    });
    const page = rows.slice(0, pageSize);
    const more = rows.length > pageSize;
    return {
      cases: page.map((c) => summaryToProto(c.row, c.flagged, day)),
      page: { nextPageToken: more ? encodePageToken(query, page[page.length - 1]!.row.code) : '' },
    };
  }

  async function getEntitlements(
    request: GetEntitlementsRequest,
    ctx: CallContext,
  ): Promise<GetEntitlementsResponse> {
    const principal = principalOf(ctx);
    const id = checkCaseId(request.caseId);
    const from = monthFromProto(request.fromMonth, 'from_month');
    if (from === undefined) throw new InvalidArgumentError('from_month', 'is required');
    const to = monthFromProto(request.toMonth, 'to_month') ?? from;
    if (compareMonths(to, from) < 0) {
      throw new InvalidArgumentError('to_month', 'is before from_month');
    }
    if (monthsBetween(from, to).length > MAX_ENTITLEMENT_MONTHS) {
      throw new InvalidArgumentError(
        'to_month',
        `spans more than ${MAX_ENTITLEMENT_MONTHS} months`,
      );
    }
    const row = assertCaseReadable(principal, await loadCase(pool, id), id, deps);
    const periods = await loadPeriods(pool, row.id);
    const catalogue = await loadCatalogue(pool);
    const months = entitlementSchedule(
      catalogue,
      row.kind,
      factsOf(row),
      periodInputsOf(periods),
      from,
      to,
    );
    return {
      months: months.map((m) => ({
        caseId: row.id,
        month: monthToProto(m.month),
        amountVnd: String(m.amountVnd),
        state: m.state,
        categoryCode: m.categoryCode ?? '',
        coefficientHundredths: m.coefficientHundredths,
        baseLevelVnd: String(m.baseLevelVnd),
        baseLevelProvinceCode: m.baseLevelProvinceCode ?? '',
        decisionId: m.decisionId ?? '',
        decisionNumber: m.decisionNumber ?? '',
        explanation: m.explanation,
      })),
    };
  }

  return { getCase, listCases: listCasesOf, getEntitlements };
}
