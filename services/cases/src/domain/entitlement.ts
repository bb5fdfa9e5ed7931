/**
 * The entitlement engine: what a case owes for a month (trợ cấp xã hội hàng tháng or hỗ trợ
 * kinh phí chăm sóc), with the reason in Vietnamese. Amount = base level (mức chuẩn) in force on
 * the first day of the month × the highest coefficient among the person's categories in force
 * that day (care support: the type's coefficient), rounded half up to the dong.
 */
import {
  FailedPreconditionError,
  compareMonths,
  firstDayOf,
  monthsBetween,
  type Month,
} from '@posa/platform';
import {
  amountOf,
  coefficientFor,
  formatCoefficient,
  formatVnd,
  type BeneficiaryFacts,
} from './coefficient';
import {
  baseLevelFor,
  careSupportTypeInForce,
  categoryInForce,
  type AllowanceCategory,
  type DisabilityLevel,
  type PolicyCatalogue,
} from './policy-catalogue';

export type { BeneficiaryFacts } from './coefficient';

export type CaseKind = 'monthly_allowance' | 'care_support';

/** A decided period (giai đoạn hưởng), toMonth inclusive and null while open. */
export interface PeriodInput {
  fromMonth: Month;
  toMonth: Month | null;
  suspended: boolean;
  categoryCodes: string[];
  disabilityLevel: DisabilityLevel | null;
  careSupportTypeCode: string | null;
  decisionId: string;
  decisionNumber: string;
}

export type EntitlementState = 'active' | 'not_decided' | 'before_start' | 'suspended' | 'ended';

export interface MonthlyAmount {
  month: Month;
  amountVnd: number;
  state: EntitlementState;
  /** The category (or care-support type) whose coefficient applied. */
  categoryCode: string | null;
  coefficientHundredths: number;
  baseLevelVnd: number;
  /** Null when the national base level applied. */
  baseLevelProvinceCode: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  explanation: string;
}

/** The period covering the month, if any. */
export function periodCovering(
  periods: readonly PeriodInput[],
  month: Month,
): PeriodInput | undefined {
  return periods.find(
    (p) =>
      compareMonths(p.fromMonth, month) <= 0 &&
      (p.toMonth === null || compareMonths(month, p.toMonth) <= 0),
  );
}

function nothingOwed(
  month: Month,
  state: EntitlementState,
  period: PeriodInput | undefined,
  explanation: string,
): MonthlyAmount {
  return {
    month,
    amountVnd: 0,
    state,
    categoryCode: null,
    coefficientHundredths: 0,
    baseLevelVnd: 0,
    baseLevelProvinceCode: null,
    decisionId: period?.decisionId ?? null,
    decisionNumber: period?.decisionNumber ?? null,
    explanation,
  };
}

interface Chosen {
  code: string;
  coefficientHundredths: number;
  label: string;
}

/** The category with the highest coefficient among those in force (ties: the first listed). */
function chooseCategory(
  catalogue: PolicyCatalogue,
  person: BeneficiaryFacts,
  period: PeriodInput,
  day: string,
): Chosen {
  let best: { category: AllowanceCategory; coefficient: number } | undefined;
  for (const code of period.categoryCodes) {
    const category = categoryInForce(catalogue, code, day);
    if (category === undefined) continue;
    const rule = coefficientFor(catalogue, code, person, period.disabilityLevel, day);
    if (best === undefined || rule.coefficientHundredths > best.coefficient) {
      best = { category, coefficient: rule.coefficientHundredths };
    }
  }
  if (best === undefined) {
    const codes = period.categoryCodes.join(', ') || '(none)';
    throw new FailedPreconditionError(
      `categories ${codes}: none is in force on ${day} (decision ${period.decisionNumber})`,
    );
  }
  return {
    code: best.category.code,
    coefficientHundredths: best.coefficient,
    label: `nhóm ${best.category.group}`,
  };
}

function chooseCareSupport(catalogue: PolicyCatalogue, period: PeriodInput, day: string): Chosen {
  const code = period.careSupportTypeCode;
  const type = code === null ? undefined : careSupportTypeInForce(catalogue, code, day);
  if (code === null || type === undefined) {
    throw new FailedPreconditionError(
      `care support type ${code ?? '(none)'}: not in force on ${day} (decision ${period.decisionNumber})`,
    );
  }
  return {
    code,
    coefficientHundredths: type.coefficientHundredths,
    label: `hỗ trợ chăm sóc ${code}`,
  };
}

/** The amount owed for one month, with its state and explanation. */
export function monthlyEntitlement(
  catalogue: PolicyCatalogue,
  kind: CaseKind,
  person: BeneficiaryFacts,
  periods: readonly PeriodInput[],
  month: Month,
): MonthlyAmount {
  const period = periodCovering(periods, month);
  if (period === undefined) {
    if (periods.length === 0) {
      return nothingOwed(month, 'not_decided', undefined, 'Chưa có quyết định hưởng');
    }
    const first = periods.reduce((a, b) => (compareMonths(b.fromMonth, a.fromMonth) < 0 ? b : a));
    if (compareMonths(month, first.fromMonth) < 0) {
      return nothingOwed(month, 'before_start', undefined, `Hưởng từ tháng ${first.fromMonth}`);
    }
    return nothingOwed(
      month,
      'ended',
      undefined,
      'Không có giai đoạn hưởng trong tháng (thôi hưởng)',
    );
  }
  if (period.suspended) {
    return nothingOwed(
      month,
      'suspended',
      period,
      `Tạm dừng hưởng theo QĐ ${period.decisionNumber}`,
    );
  }
  const day = firstDayOf(month);
  const chosen =
    kind === 'care_support'
      ? chooseCareSupport(catalogue, period, day)
      : chooseCategory(catalogue, person, period, day);
  const base = baseLevelFor(catalogue, person.provinceCode, day);
  const amountVnd = amountOf(base.amountVnd, chosen.coefficientHundredths);
  const where = base.provinceCode === null ? '' : ` (tỉnh ${base.provinceCode})`;
  return {
    month,
    amountVnd,
    state: 'active',
    categoryCode: chosen.code,
    coefficientHundredths: chosen.coefficientHundredths,
    baseLevelVnd: base.amountVnd,
    baseLevelProvinceCode: base.provinceCode,
    decisionId: period.decisionId,
    decisionNumber: period.decisionNumber,
    explanation:
      `Mức chuẩn ${formatVnd(base.amountVnd)} đ${where} × hệ số ` +
      `${formatCoefficient(chosen.coefficientHundredths)} (${chosen.label}, QĐ ` +
      `${period.decisionNumber}) = ${formatVnd(amountVnd)} đ`,
  };
}

/** The amounts of every month from `from` to `to` inclusive. */
export function entitlementSchedule(
  catalogue: PolicyCatalogue,
  kind: CaseKind,
  person: BeneficiaryFacts,
  periods: readonly PeriodInput[],
  from: Month,
  to: Month,
): MonthlyAmount[] {
  return monthsBetween(from, to).map((m) =>
    monthlyEntitlement(catalogue, kind, person, periods, m),
  );
}
