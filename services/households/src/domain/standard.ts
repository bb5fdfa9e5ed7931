/**
 * A poverty standard as the classifier and the API see it: income lines per area (whole
 * dong per person per month), the rule structure, its indicators, and when it is in force.
 */

export type Area = 'rural' | 'urban';
export const AREAS: readonly Area[] = ['rural', 'urban'];

/** [C] confirmed, [S] secondary source only, [M] recalled or inferred (both unverified). */
export type Confidence = 'C' | 'S' | 'M';

export interface AreaRule {
  area: Area;
  /** At or below this income the household is poor on income alone (2016–2020 only). */
  incomeOnlyPoorLine: bigint | null;
  /** At or below this income: poor with enough deprivations, else near-poor. */
  povertyLine: bigint;
  /** Above the poverty line and at or below this: average living standard (null: no band). */
  averageLivingLine: bigint | null;
  /** Deprived indicators needed for poor under the poverty line. */
  minDeprivationsForPoor: number;
  lineConfidence: Confidence;
  averageLivingConfidence: Confidence | null;
  structureConfidence: Confidence;
  sourceNote: string;
}

export interface Indicator {
  code: string;
  nameVi: string;
  dimension: string;
  dimensionNameVi: string;
  confidence: Confidence;
  sourceNote: string;
}

/** A period in which the standard's rules apply; validTo is inclusive, null when open. */
export interface InForcePeriod {
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
}

export interface PovertyStandard {
  code: string;
  legalBasis: string;
  /** Nominal period (the years in its code), YYYY-MM-DD. */
  validFrom: string;
  validTo: string;
  inForce: InForcePeriod[];
  rules: AreaRule[];
  indicators: Indicator[];
}

/** The standard and period in force on a date (YYYY-MM-DD), if any. */
export function standardInForce(
  standards: readonly PovertyStandard[],
  isoDate: string,
): { standard: PovertyStandard; period: InForcePeriod } | undefined {
  for (const standard of standards) {
    for (const period of standard.inForce) {
      if (period.validFrom <= isoDate && (period.validTo === null || isoDate <= period.validTo)) {
        return { standard, period };
      }
    }
  }
  return undefined;
}

export function ruleOf(standard: PovertyStandard, area: Area): AreaRule {
  const rule = standard.rules.find((r) => r.area === area);
  if (rule === undefined) throw new Error(`standard ${standard.code} has no ${area} rule`);
  return rule;
}
