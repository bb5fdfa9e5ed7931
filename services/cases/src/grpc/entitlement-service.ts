/**
 * EntitlementService: what every case of a unit owes in a month, streamed for payroll jobs
 * (danh sách chi trả) and analysts. Reads periods through a server-side cursor, prices each
 * with the entitlement engine (the catalogue loaded once per call) and yields batches; the
 * server helper waits for the client to drain before asking for the next batch, so memory
 * stays flat whatever the size of the unit.
 */
import { isInJurisdiction, NATIONAL_UNIT_CODE, principalOf, type Principal } from '@posa/auth';
import {
  FailedPreconditionError,
  InvalidArgumentError,
  PermissionDeniedError,
  service,
  type CallContext,
  type ServiceRegistration,
  parseMonth,
  type Month,
} from '@posa/platform';
import {
  CaseKind as ProtoCaseKind,
  EntitlementServiceService,
  type MonthEntitlementLine as ProtoLine,
  type StreamMonthEntitlementsRequest,
  type StreamMonthEntitlementsResponse,
} from '@posa/proto';
import type { Units } from '@posa/units';
import type { CasesDeps } from '../deps';
import {
  hasNationalBaseLevel,
  MonthPricer,
  type CoveredCase,
  type MonthEntitlementLine,
} from '../domain/month-entitlement-line';
import {
  coveringPeriods,
  type CoveringPeriodRow,
  type UnitScope,
} from '../store/month-entitlement-store';
import { loadCatalogue } from '../store/policy-store';

export const MONTH_READ_ROLES = ['officer', 'approver', 'analyst', 'auditor'] as const;

function assertReadRole(principal: Principal): void {
  if (principal.isService || MONTH_READ_ROLES.some((r) => principal.roles.has(r))) return;
  throw new PermissionDeniedError(
    `month entitlements are read with one of the roles ${MONTH_READ_ROLES.join(', ')}`,
  );
}

/** The month of the request as 'YYYY-MM'; INVALID_ARGUMENT naming `month` otherwise. */
export function requestedMonth(request: StreamMonthEntitlementsRequest): Month {
  const m = request.month;
  if (m === undefined) throw new InvalidArgumentError('month', 'is required');
  if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) {
    throw new InvalidArgumentError('month.month', 'must be 1 to 12');
  }
  const text = `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;
  return parseMonth(text, 'month');
}

/** A commune, a province or VN of the 2025 structure; INVALID_ARGUMENT naming `unit_code`. */
export function unitScopeOf(unitCode: string, units: Units): UnitScope {
  if (unitCode === NATIONAL_UNIT_CODE) return { level: 'national' };
  if (/^[0-9]{2}$/.test(unitCode) && units.isProvince(unitCode)) {
    return { level: 'province', provinceCode: unitCode };
  }
  if (/^[0-9]{5}$/.test(unitCode) && units.provinceOfCommune(unitCode) !== undefined) {
    return { level: 'commune', communeCode: unitCode };
  }
  throw new InvalidArgumentError(
    'unit_code',
    'must be a commune (5 digits) or a province (2 digits) of the 2025 structure, or VN',
  );
}

function coveredOf(row: CoveringPeriodRow): CoveredCase {
  return {
    caseId: row.caseId,
    caseCode: row.caseCode,
    kind: row.kind,
    communeCode: row.communeCode,
    citizenId: row.citizenId,
    person: {
      birthYear: row.birthYear,
      birthMonth: row.birthMonth,
      birthDay: row.birthDay,
      provinceCode: row.provinceCode,
    },
    period: {
      fromMonth: row.fromMonth,
      toMonth: row.toMonth,
      suspended: row.suspended,
      categoryCodes: row.categoryCodes,
      disabilityLevel: row.disabilityLevel,
      careSupportTypeCode: row.careSupportTypeCode,
      decisionId: row.decisionId,
      decisionNumber: row.decisionNumber,
    },
  };
}

function toProto(line: MonthEntitlementLine): ProtoLine {
  return {
    caseId: line.caseId,
    caseCode: line.caseCode,
    communeCode: line.communeCode,
    citizenId: line.citizenId,
    amountVnd: String(line.amountVnd),
    coefficientHundredths: line.coefficientHundredths,
    baseLevelVnd: String(line.baseLevelVnd),
    categoryCode: line.categoryCode ?? '',
    decisionId: line.decisionId,
    state: line.state,
    kind:
      line.kind === 'care_support'
        ? ProtoCaseKind.CASE_KIND_CARE_SUPPORT
        : ProtoCaseKind.CASE_KIND_MONTHLY_ALLOWANCE,
    provinceCode: line.provinceCode,
    baseLevelProvinceCode: line.baseLevelProvinceCode ?? '',
    problem: line.problem ?? '',
  };
}

async function* streamMonthEntitlements(
  deps: Pick<CasesDeps, 'pool' | 'units'>,
  request: StreamMonthEntitlementsRequest,
  ctx: CallContext,
): AsyncGenerator<StreamMonthEntitlementsResponse> {
  const principal = principalOf(ctx);
  assertReadRole(principal);
  const month = requestedMonth(request);
  const scope = unitScopeOf(request.unitCode, deps.units);
  if (!isInJurisdiction(principal, request.unitCode, deps.units.tree)) {
    throw new PermissionDeniedError(
      `unit ${request.unitCode} is outside the jurisdiction of unit ${principal.unitCode}`,
    );
  }
  const catalogue = await loadCatalogue(deps.pool);
  if (!hasNationalBaseLevel(catalogue, month)) {
    throw new FailedPreconditionError(`no national base level (mức chuẩn) is in force in ${month}`);
  }
  const pricer = new MonthPricer(catalogue, month);
  for await (const rows of coveringPeriods(deps.pool, scope, month)) {
    const lines = rows.map((row) => toProto(pricer.line(coveredOf(row))));
    yield { lines };
  }
}

export function entitlementService(deps: Pick<CasesDeps, 'pool' | 'units'>): ServiceRegistration {
  return service(EntitlementServiceService, {
    streamMonthEntitlements: (request, ctx) => streamMonthEntitlements(deps, request, ctx),
  });
}
