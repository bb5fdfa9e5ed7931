/**
 * GetReconciliation (đối soát): planned, paid, unpaid, returned, pending and carried over of a
 * unit and month over its closed payrolls, computed per commune by SQL and rolled up, with the
 * units one level below. Nothing is adjusted: the roll-up is checked against a direct sum of
 * the whole unit, each commune's payroll must balance, and whatever differs or is missing is
 * listed as an exception.
 */
import type { Principal } from '@posa/auth';
import { NATIONAL_UNIT_CODE } from '@posa/auth';
import { InvalidArgumentError, PermissionDeniedError } from '@posa/platform';
import type {
  CalendarMonth,
  GetReconciliationResponse,
  ReconciliationException,
  ReconciliationFigures,
  UnitReconciliation,
} from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { readsUnit } from '../results/result-access';
import { differences, imbalance, sumFigures, ZERO, type Figures } from './figures';
import {
  communeFigures,
  foundExceptions,
  payrollsOfMonth,
  unitFigures,
  type PayrollStatusRow,
} from './reconciliation-store';
import { unitChildren } from './unit-children';

/** At most this many exceptions are listed; a last one says how many more there are. */
export const EXCEPTION_LIMIT = 2000;

export function monthOf(m: CalendarMonth | undefined): string {
  if (m === undefined || !Number.isInteger(m.year) || m.year < 2000 || m.year > 2100) {
    throw new InvalidArgumentError('month', 'is required (year 2000 to 2100, month 1 to 12)');
  }
  if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) {
    throw new InvalidArgumentError('month', 'month must be 1 to 12');
  }
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export function figuresToProto(f: Figures): ReconciliationFigures {
  return {
    lines: f.lines,
    plannedVnd: String(f.planned),
    paidVnd: String(f.paid),
    unpaidVnd: String(f.unpaid),
    returnedVnd: String(f.returned),
    pendingVnd: String(f.pending),
    carriedOverVnd: String(f.carriedOver),
  };
}

interface UnitTotals {
  unitCode: string;
  figures: Figures;
  communes: string[];
  payrolls: PayrollStatusRow[];
}

function unitToProto(u: UnitTotals): UnitReconciliation {
  const withPayroll = new Set(u.payrolls.map((p) => p.communeCode));
  return {
    unitCode: u.unitCode,
    figures: figuresToProto(u.figures),
    communesWithoutPayroll: u.communes.filter((c) => !withPayroll.has(c)).length,
    payrollsOpen: u.payrolls.filter((p) => p.status !== 'closed').length,
    payrollsClosed: u.payrolls.filter((p) => p.status === 'closed').length,
  };
}

function levelOf(deps: PaymentsDeps, unitCode: string): 'country' | 'province' | 'commune' {
  if (unitCode === NATIONAL_UNIT_CODE) return 'country';
  if (deps.units.isProvince(unitCode)) return 'province';
  if (deps.units.provinceOfCommune(unitCode) !== undefined) return 'commune';
  throw new InvalidArgumentError('unit_code', 'must be VN, a province or a commune code');
}

export async function reconcile(
  deps: PaymentsDeps,
  principal: Principal,
  unitCode: string,
  monthMessage: CalendarMonth | undefined,
): Promise<GetReconciliationResponse> {
  const level = levelOf(deps, unitCode);
  const month = monthOf(monthMessage);
  if (!readsUnit(principal, unitCode, deps.units)) {
    throw new PermissionDeniedError(`unit ${unitCode} is outside the caller's jurisdiction`);
  }
  const [communes, direct, payrolls, found] = await Promise.all([
    communeFigures(deps.pool, unitCode, month),
    unitFigures(deps.pool, unitCode, month),
    payrollsOfMonth(deps.pool, unitCode, month),
    foundExceptions(
      deps.pool,
      unitCode,
      month,
      deps.today().slice(0, 7) > month,
      EXCEPTION_LIMIT + 1,
    ),
  ]);
  const byCommune = new Map(communes.map((c) => [c.communeCode, c.figures]));
  const tree = unitChildren();
  const communesOfUnit = (code: string): string[] =>
    code === NATIONAL_UNIT_CODE
      ? tree.provinces.flatMap((p) => tree.communesOf(p))
      : deps.units.isProvince(code)
        ? tree.communesOf(code)
        : [code];
  const totalsOf = (code: string): UnitTotals => {
    const list = communesOfUnit(code);
    const inUnit = new Set(list);
    return {
      unitCode: code,
      figures: sumFigures(list.map((c) => byCommune.get(c) ?? ZERO)),
      communes: list,
      payrolls: payrolls.filter((p) => inUnit.has(p.communeCode)),
    };
  };
  const childCodes =
    level === 'country' ? tree.provinces : level === 'province' ? tree.communesOf(unitCode) : [];
  const children = childCodes.map(totalsOf);
  const unit =
    level === 'commune'
      ? totalsOf(unitCode)
      : { ...totalsOf(unitCode), figures: sumFigures(children.map((c) => c.figures)) };

  const exceptions: ReconciliationException[] = [];
  const mismatch = differences(unit.figures, direct);
  if (mismatch !== '') {
    exceptions.push({
      unitCode,
      kind: 'totals_mismatch',
      payrollId: '',
      lineId: '',
      amountVnd: String(unit.figures.planned - direct.planned),
      detail: `the communes add up to other figures than the unit's direct sum: ${mismatch}`,
    });
  }
  for (const c of communes) {
    const gap = imbalance(c.figures);
    if (gap !== 0) {
      exceptions.push({
        unitCode: c.communeCode,
        kind: 'totals_mismatch',
        payrollId: payrolls.find((p) => p.communeCode === c.communeCode)?.payrollId ?? '',
        lineId: '',
        amountVnd: String(gap),
        detail: 'planned ≠ paid + unpaid + returned + pending',
      });
    }
  }
  for (const e of found.slice(0, EXCEPTION_LIMIT)) {
    exceptions.push({
      unitCode: e.communeCode,
      kind: e.kind,
      payrollId: e.payrollId,
      lineId: e.lineId,
      amountVnd: e.amountVnd,
      detail: e.detail,
    });
  }
  if (found.length > EXCEPTION_LIMIT) {
    exceptions.push({
      unitCode,
      kind: 'exceptions_truncated',
      payrollId: '',
      lineId: '',
      amountVnd: '0',
      detail: `more than ${EXCEPTION_LIMIT} exceptions: reconcile the units below one by one`,
    });
  }
  return {
    unit: unitToProto(unit),
    children: children.map(unitToProto),
    exceptions,
    computedAt: new Date(),
  };
}
