/**
 * One line of the month's entitlements of a unit (danh sách hưởng trong tháng): the amount a
 * case owes for the month from the period covering it, computed by the entitlement engine.
 * A case the catalogue cannot price that month (no coefficient line for the person's age band,
 * a category no longer in force) is reported as not computable with the reason, never as 0
 * owed, and never stops the lines of the other cases.
 */
import { FailedPreconditionError, firstDayOf, type Month } from '@posa/platform';
import { ageInMonthsOn, type BeneficiaryFacts } from './coefficient';
import { monthlyEntitlement, type CaseKind, type PeriodInput } from './entitlement';
import { inForceOn, type PolicyCatalogue } from './policy-catalogue';

/** The case, its beneficiary facts and the one period covering the month. */
export interface CoveredCase {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  communeCode: string;
  citizenId: string;
  person: BeneficiaryFacts;
  period: PeriodInput;
}

export type MonthLineState = 'active' | 'suspended' | 'not_computable';

export interface MonthEntitlementLine {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  communeCode: string;
  provinceCode: string;
  citizenId: string;
  state: MonthLineState;
  /** Whole dong; 0 unless active. */
  amountVnd: number;
  coefficientHundredths: number;
  baseLevelVnd: number;
  /** Null when the national base level applied. */
  baseLevelProvinceCode: string | null;
  categoryCode: string | null;
  decisionId: string;
  /** Why the amount could not be computed; null otherwise. */
  problem: string | null;
}

/** True when a national base level (mức chuẩn) is in force on the first day of the month. */
export function hasNationalBaseLevel(catalogue: PolicyCatalogue, month: Month): boolean {
  const day = firstDayOf(month);
  return catalogue.baseLevels.some((b) => b.provinceCode === null && inForceOn(b, day));
}

/** The line of one case for the month. */
export function monthEntitlementLine(
  catalogue: PolicyCatalogue,
  month: Month,
  covered: CoveredCase,
): MonthEntitlementLine {
  const common = identityOf(covered);
  const nothing = {
    amountVnd: 0,
    coefficientHundredths: 0,
    baseLevelVnd: 0,
    baseLevelProvinceCode: null,
    categoryCode: null,
  };
  try {
    const owed = monthlyEntitlement(
      catalogue,
      covered.kind,
      covered.person,
      [covered.period],
      month,
    );
    if (owed.state === 'active') {
      return {
        ...common,
        state: 'active',
        amountVnd: owed.amountVnd,
        coefficientHundredths: owed.coefficientHundredths,
        baseLevelVnd: owed.baseLevelVnd,
        baseLevelProvinceCode: owed.baseLevelProvinceCode,
        categoryCode: owed.categoryCode,
        problem: null,
      };
    }
    if (owed.state === 'suspended')
      return { ...common, ...nothing, state: 'suspended', problem: null };
    // The period was chosen because it covers the month: any other state is a reading error.
    throw new Error(`case ${covered.caseCode}: the period does not cover ${month} (${owed.state})`);
  } catch (err) {
    // Only the engine's refusals describe the case; anything else is a bug.
    if (!(err instanceof FailedPreconditionError)) throw err;
    return { ...common, ...nothing, state: 'not_computable', problem: err.message };
  }
}

/**
 * Prices the lines of one month with a memo. The amount of a line depends only on the kind,
 * the categories, disability level, care-support type and suspension of the period, the base
 * level of the province and the person's age in months on the first day of the month; and the
 * age matters only through its place among the age limits of the coefficient lines (48, 192,
 * 720 … months), the province only when it has a base level of its own. So a million cases
 * come down to a few hundred combinations. Lines the catalogue cannot price are not memoised
 * (their reason names the case's decision).
 */
export class MonthPricer {
  private readonly day: string;
  private readonly memo = new Map<string, LineAmount>();
  /** Every age limit of a coefficient line, ascending. */
  private readonly ageLimits: number[];
  /** Provinces with a base level of their own in force that month. */
  private readonly ownBaseLevel: Set<string>;

  constructor(
    private readonly catalogue: PolicyCatalogue,
    private readonly month: Month,
  ) {
    this.day = firstDayOf(month);
    const limits = new Set<number>();
    for (const rule of catalogue.coefficientRules) {
      if (rule.minAgeMonths !== null) limits.add(rule.minAgeMonths);
      if (rule.maxAgeMonths !== null) limits.add(rule.maxAgeMonths);
    }
    this.ageLimits = [...limits].sort((a, b) => a - b);
    this.ownBaseLevel = new Set(
      catalogue.baseLevels
        .filter((b) => b.provinceCode !== null && inForceOn(b, this.day))
        .map((b) => b.provinceCode!),
    );
  }

  /** How many age limits the age has reached: equal for ages every coefficient line treats alike. */
  private ageBand(person: BeneficiaryFacts): number {
    const age = ageInMonthsOn(person, this.day);
    let band = 0;
    while (band < this.ageLimits.length && this.ageLimits[band]! <= age) band++;
    return band;
  }

  private baseKey(person: BeneficiaryFacts): string {
    return this.ownBaseLevel.has(person.provinceCode) ? person.provinceCode : '';
  }

  line(covered: CoveredCase): MonthEntitlementLine {
    const p = covered.period;
    const key =
      `${covered.kind}|${p.categoryCodes.join(',')}|${p.disabilityLevel ?? ''}|` +
      `${p.careSupportTypeCode ?? ''}|${p.suspended ? 1 : 0}|${this.baseKey(covered.person)}|` +
      `${this.ageBand(covered.person)}`;
    const known = this.memo.get(key);
    if (known !== undefined) {
      // Written out rather than spread: this runs once per line of a million-line stream.
      return {
        caseId: covered.caseId,
        caseCode: covered.caseCode,
        kind: covered.kind,
        communeCode: covered.communeCode,
        provinceCode: covered.person.provinceCode,
        citizenId: covered.citizenId,
        decisionId: covered.period.decisionId,
        state: known.state,
        amountVnd: known.amountVnd,
        coefficientHundredths: known.coefficientHundredths,
        baseLevelVnd: known.baseLevelVnd,
        baseLevelProvinceCode: known.baseLevelProvinceCode,
        categoryCode: known.categoryCode,
        problem: null,
      };
    }
    const line = monthEntitlementLine(this.catalogue, this.month, covered);
    if (line.state !== 'not_computable') {
      this.memo.set(key, {
        state: line.state,
        amountVnd: line.amountVnd,
        coefficientHundredths: line.coefficientHundredths,
        baseLevelVnd: line.baseLevelVnd,
        baseLevelProvinceCode: line.baseLevelProvinceCode,
        categoryCode: line.categoryCode,
        problem: null,
      });
    }
    return line;
  }
}

/** The part of a line that depends on the amount, not on the case. */
type LineAmount = Pick<
  MonthEntitlementLine,
  | 'state'
  | 'amountVnd'
  | 'coefficientHundredths'
  | 'baseLevelVnd'
  | 'baseLevelProvinceCode'
  | 'categoryCode'
  | 'problem'
>;

function identityOf(covered: CoveredCase) {
  return {
    caseId: covered.caseId,
    caseCode: covered.caseCode,
    kind: covered.kind,
    communeCode: covered.communeCode,
    provinceCode: covered.person.provinceCode,
    citizenId: covered.citizenId,
    decisionId: covered.period.decisionId,
  };
}
