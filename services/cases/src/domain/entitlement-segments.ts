/**
 * The amounts of a case from a month on, compressed into segments for the EntitlementChanged
 * event: runs of consecutive owed months with the same amount, category, coefficient, base level
 * and decision. Amounts change by themselves only at known boundaries (a period starting or
 * ending, a catalogue version starting or ending, the person entering another age band); after
 * the last boundary the amount stays, so the last segment is open-ended when its period is.
 */
import {
  addMonths,
  compareMonths,
  firstMonthStartingOnOrAfter,
  monthOfDate,
  type Month,
} from '@posa/platform';
import { type BeneficiaryFacts } from './coefficient';
import {
  entitlementSchedule,
  periodCovering,
  type CaseKind,
  type MonthlyAmount,
  type PeriodInput,
} from './entitlement';
import type { PolicyCatalogue, Versioned } from './policy-catalogue';

export interface Segment {
  fromMonth: Month;
  /** Inclusive; null = open-ended. */
  toMonth: Month | null;
  amountVnd: number;
  coefficientHundredths: number;
  baseLevelVnd: number;
  categoryCode: string;
  decisionId: string;
}

/** Months in which a version starts or stops applying (judged on first days of months). */
function versionBoundaries(version: Versioned): Month[] {
  const months = [firstMonthStartingOnOrAfter(version.validFrom)];
  if (version.validTo !== null) months.push(addMonths(monthOfDate(version.validTo), 1));
  return months;
}

/** Months in which the person's age reaches a band limit of a coefficient rule. */
function ageBoundaries(catalogue: PolicyCatalogue, person: BeneficiaryFacts): Month[] {
  const birth = `${String(person.birthYear).padStart(4, '0')}-${String(person.birthMonth ?? 1).padStart(2, '0')}`;
  const shift = (person.birthDay ?? 1) > 1 ? 1 : 0;
  const months: Month[] = [];
  for (const rule of catalogue.coefficientRules) {
    for (const limit of [rule.minAgeMonths, rule.maxAgeMonths]) {
      if (limit !== null) months.push(addMonths(birth, limit + shift));
    }
  }
  return months;
}

/** The last month in which an amount can change by itself, or `fromMonth` if later. */
export function lastBoundary(
  catalogue: PolicyCatalogue,
  person: BeneficiaryFacts,
  periods: readonly PeriodInput[],
  fromMonth: Month,
): Month {
  const candidates: Month[] = [fromMonth, ...ageBoundaries(catalogue, person)];
  for (const p of periods) {
    candidates.push(p.fromMonth);
    if (p.toMonth !== null) candidates.push(addMonths(p.toMonth, 1));
  }
  const versions: Versioned[] = [
    ...catalogue.baseLevels.filter(
      (b) => b.provinceCode === null || b.provinceCode === person.provinceCode,
    ),
    ...catalogue.categories,
    ...catalogue.coefficientRules,
    ...catalogue.careSupportTypes,
  ];
  for (const v of versions) candidates.push(...versionBoundaries(v));
  return candidates.reduce((a, b) => (compareMonths(b, a) > 0 ? b : a));
}

const owed = (m: MonthlyAmount): boolean => m.state === 'active' && m.amountVnd > 0;

function sameSegment(segment: Segment, m: MonthlyAmount): boolean {
  return (
    segment.amountVnd === m.amountVnd &&
    segment.coefficientHundredths === m.coefficientHundredths &&
    segment.baseLevelVnd === m.baseLevelVnd &&
    segment.categoryCode === m.categoryCode &&
    segment.decisionId === m.decisionId
  );
}

/** The segments of owed months from `fromMonth` on; months owing nothing are gaps. */
export function entitlementSegments(
  catalogue: PolicyCatalogue,
  kind: CaseKind,
  person: BeneficiaryFacts,
  periods: readonly PeriodInput[],
  fromMonth: Month,
): Segment[] {
  const horizon = lastBoundary(catalogue, person, periods, fromMonth);
  const schedule = entitlementSchedule(catalogue, kind, person, periods, fromMonth, horizon);
  const segments: Segment[] = [];
  let previous: MonthlyAmount | undefined;
  for (const m of schedule) {
    const last = segments[segments.length - 1];
    if (!owed(m)) {
      previous = m;
      continue;
    }
    if (last !== undefined && previous !== undefined && owed(previous) && sameSegment(last, m)) {
      last.toMonth = m.month;
    } else {
      segments.push({
        fromMonth: m.month,
        toMonth: m.month,
        amountVnd: m.amountVnd,
        coefficientHundredths: m.coefficientHundredths,
        baseLevelVnd: m.baseLevelVnd,
        categoryCode: m.categoryCode ?? '',
        decisionId: m.decisionId ?? '',
      });
    }
    previous = m;
  }
  const tail = segments[segments.length - 1];
  if (tail !== undefined && tail.toMonth === horizon) {
    const period = periodCovering(periods, horizon);
    if (period !== undefined && period.toMonth === null) tail.toMonth = null;
  }
  return segments;
}

/** The amount a list of segments gives a month (0 in a gap): to check and to read segments. */
export function amountInSegments(segments: readonly Segment[], month: Month): number {
  const s = segments.find(
    (seg) =>
      compareMonths(seg.fromMonth, month) <= 0 &&
      (seg.toMonth === null || compareMonths(month, seg.toMonth) <= 0),
  );
  return s === undefined ? 0 : s.amountVnd;
}
