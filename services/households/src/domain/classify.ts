/**
 * The household classification of a poverty standard, as a pure function. Rules, in order:
 * 1. income ≤ income-only poor line (2016–2020) → poor;
 * 2. income ≤ poverty line and ≥ N deprived indicators → poor;
 * 3. income ≤ poverty line and fewer → near-poor;
 * 4. income ≤ average living line (when the standard has one) → average living standard;
 * 5. otherwise not poor.
 */
import type { AreaRule, PovertyStandard } from './standard';

export type Classification = 'poor' | 'near_poor' | 'average_living' | 'not_poor';

/** Most severe first; used by callers and tests to compare outcomes. */
export const SEVERITY: Record<Classification, number> = {
  poor: 3,
  near_poor: 2,
  average_living: 1,
  not_poor: 0,
};

export interface ClassifyInput {
  standard: PovertyStandard;
  rule: AreaRule;
  /** Monthly income per person, whole dong. */
  incomePerPerson: bigint;
  deprivedIndicatorCodes: readonly string[];
}

export interface ClassifyResult {
  classification: Classification;
  /** Identifier of the deciding rule, e.g. "2022-2025/poor". */
  rule: string;
  ruleDescription: string;
  /** The deprived indicators of the standard, deduplicated and sorted. */
  deprived: string[];
}

/** A bad input; `field` names it as the API does. */
export class ClassifyInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

function dong(amount: bigint): string {
  return `${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} VND`;
}

function checkedDeprived(input: ClassifyInput): string[] {
  const known = new Set(input.standard.indicators.map((i) => i.code));
  input.deprivedIndicatorCodes.forEach((code, index) => {
    if (!known.has(code)) {
      throw new ClassifyInputError(
        `deprived_indicator_codes[${index}]`,
        `"${code}" is not an indicator of standard ${input.standard.code}`,
      );
    }
  });
  return [...new Set(input.deprivedIndicatorCodes)].sort();
}

export function classify(input: ClassifyInput): ClassifyResult {
  const { standard, rule, incomePerPerson: income } = input;
  if (income < 0n) throw new ClassifyInputError('income_per_person', 'must not be negative');
  const deprived = checkedDeprived(input);
  const where = `${rule.area}, standard ${standard.code}`;
  const result = (classification: Classification, id: string, description: string) => ({
    classification,
    rule: `${standard.code}/${id}`,
    ruleDescription: `${description} (${where})`,
    deprived,
  });
  const min = rule.minDeprivationsForPoor;
  if (rule.incomeOnlyPoorLine !== null && income <= rule.incomeOnlyPoorLine) {
    return result('poor', 'poor-income-only', `income ≤ ${dong(rule.incomeOnlyPoorLine)}`);
  }
  const band =
    rule.incomeOnlyPoorLine === null
      ? `income ≤ ${dong(rule.povertyLine)}`
      : `${dong(rule.incomeOnlyPoorLine)} < income ≤ ${dong(rule.povertyLine)}`;
  if (income <= rule.povertyLine) {
    return deprived.length >= min
      ? result('poor', 'poor-income-and-deprivation', `${band} and ≥ ${min} deprived indicators`)
      : result('near_poor', 'near-poor', `${band} and < ${min} deprived indicators`);
  }
  if (rule.averageLivingLine !== null && income <= rule.averageLivingLine) {
    return result(
      'average_living',
      'average-living',
      `${dong(rule.povertyLine)} < income ≤ ${dong(rule.averageLivingLine)}`,
    );
  }
  const top = rule.averageLivingLine ?? rule.povertyLine;
  return result('not_poor', 'not-poor', `income > ${dong(top)}`);
}
