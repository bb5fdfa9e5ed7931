/**
 * How a variation decision changes the allowance periods (giai đoạn hưởng) of a case: the open
 * period ends the month before the effective month and, unless the allowance stops (thôi hưởng,
 * chuyển đi), a new open period starts in the effective month. Months before the effective month
 * are never touched, and periods never overlap.
 */
import {
  FailedPreconditionError,
  InvalidArgumentError,
  addMonths,
  compareMonths,
  type Month,
} from '@posa/platform';
import type { PeriodInput } from './entitlement';
import type { DisabilityLevel } from './policy-catalogue';

/** A stored period with the id of its row. */
export interface CurrentPeriod extends PeriodInput {
  periodId: string;
}

/** What a period decides about the person (diện hưởng, mức độ khuyết tật, loại hỗ trợ). */
export interface PeriodEligibility {
  categoryCodes: string[];
  disabilityLevel: DisabilityLevel | null;
  careSupportTypeCode: string | null;
}

export type PeriodVariation =
  | { kind: 'category_change'; eligibility: PeriodEligibility }
  | { kind: 'suspension' }
  | { kind: 'resumption' }
  | { kind: 'termination' }
  | { kind: 'transfer_out' };

/** A period to open from the effective month, open-ended. */
export interface NewPeriod extends PeriodEligibility {
  fromMonth: Month;
  suspended: boolean;
}

export interface PeriodPlan {
  /** The open period that ends, and its new last month (the month before the effective month). */
  closePeriodId: string;
  closeToMonth: Month;
  open: NewPeriod | null;
}

const FIELD = 'decision.effective_month';

function sorted(periods: readonly CurrentPeriod[]): CurrentPeriod[] {
  return [...periods].sort((a, b) => compareMonths(a.fromMonth, b.fromMonth));
}

function sameEligibility(a: PeriodEligibility, b: PeriodEligibility): boolean {
  const codes = (e: PeriodEligibility): string => [...e.categoryCodes].sort().join(',');
  return (
    codes(a) === codes(b) &&
    a.disabilityLevel === b.disabilityLevel &&
    a.careSupportTypeCode === b.careSupportTypeCode
  );
}

function eligibilityOf(period: PeriodInput): PeriodEligibility {
  return {
    categoryCodes: [...period.categoryCodes],
    disabilityLevel: period.disabilityLevel,
    careSupportTypeCode: period.careSupportTypeCode,
  };
}

/**
 * The change a variation makes, or an error naming why it cannot be made: no open period
 * (ended, terminated, transferred), an effective month not after the first month of the open
 * period (the case's start or the last variation's month), suspending a suspended allowance,
 * resuming a running one, or a change of eligibility that changes nothing.
 */
export function planPeriodChange(
  periods: readonly CurrentPeriod[],
  variation: PeriodVariation,
  effectiveMonth: Month,
): PeriodPlan {
  const ordered = sorted(periods);
  const first = ordered[0];
  const open = ordered[ordered.length - 1];
  if (first === undefined || open === undefined) {
    throw new FailedPreconditionError('the case has no decided allowance period to vary');
  }
  if (open.toMonth !== null) {
    throw new FailedPreconditionError(
      `the allowance already ended with ${open.toMonth} (decision ${open.decisionNumber})`,
    );
  }
  if (compareMonths(effectiveMonth, first.fromMonth) < 0) {
    throw new InvalidArgumentError(FIELD, `is before the case started (${first.fromMonth})`);
  }
  if (compareMonths(effectiveMonth, open.fromMonth) <= 0) {
    throw new InvalidArgumentError(
      FIELD,
      `must be after ${open.fromMonth}, the first month of the current period ` +
        `(decision ${open.decisionNumber})`,
    );
  }
  const plan = { closePeriodId: open.periodId, closeToMonth: addMonths(effectiveMonth, -1) };
  const keep = eligibilityOf(open);
  switch (variation.kind) {
    case 'category_change':
      if (sameEligibility(keep, variation.eligibility)) {
        throw new FailedPreconditionError('eligibility: the decision changes nothing');
      }
      return {
        ...plan,
        open: { ...variation.eligibility, fromMonth: effectiveMonth, suspended: open.suspended },
      };
    case 'suspension':
      if (open.suspended) {
        throw new FailedPreconditionError(
          `the allowance is already suspended since ${open.fromMonth}`,
        );
      }
      return { ...plan, open: { ...keep, fromMonth: effectiveMonth, suspended: true } };
    case 'resumption':
      if (!open.suspended) throw new FailedPreconditionError('the allowance is not suspended');
      return { ...plan, open: { ...keep, fromMonth: effectiveMonth, suspended: false } };
    case 'termination':
    case 'transfer_out':
      return { ...plan, open: null };
  }
}

/** The periods after the plan, the new one carrying the deciding decision. */
export function applyPeriodPlan(
  periods: readonly CurrentPeriod[],
  plan: PeriodPlan,
  decision: { decisionId: string; decisionNumber: string; periodId: string },
): CurrentPeriod[] {
  const result = periods.map((p) =>
    p.periodId === plan.closePeriodId ? { ...p, toMonth: plan.closeToMonth } : { ...p },
  );
  if (plan.open !== null) {
    result.push({
      periodId: decision.periodId,
      fromMonth: plan.open.fromMonth,
      toMonth: null,
      suspended: plan.open.suspended,
      categoryCodes: [...plan.open.categoryCodes],
      disabilityLevel: plan.open.disabilityLevel,
      careSupportTypeCode: plan.open.careSupportTypeCode,
      decisionId: decision.decisionId,
      decisionNumber: decision.decisionNumber,
    });
  }
  return sorted(result);
}
