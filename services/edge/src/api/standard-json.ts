/** JSON shapes of the poverty standards (chuẩn nghèo) with their certainty tags. */
import {
  Confidence,
  type AreaRule,
  type Indicator,
  type InForcePeriod,
  type Money,
  type PovertyStandard,
} from '@posa/proto';
import { areaName, partialDateText, type AreaName } from './household-json';

/** confirmed (C), secondary (S, unverified), unverified (M: recalled or inferred). */
export type ConfidenceName = 'confirmed' | 'secondary' | 'unverified';

export function confidenceName(c: Confidence): ConfidenceName | null {
  if (c === Confidence.CONFIDENCE_CONFIRMED) return 'confirmed';
  if (c === Confidence.CONFIDENCE_SECONDARY) return 'secondary';
  if (c === Confidence.CONFIDENCE_UNVERIFIED) return 'unverified';
  return null;
}

export interface RuleJson {
  area: AreaName | null;
  /** Whole dong per person per month, as a decimal string; null when the line does not apply. */
  incomeOnlyPoorLine: string | null;
  povertyLine: string | null;
  averageLivingLine: string | null;
  minDeprivationsForPoor: number;
  lineConfidence: ConfidenceName | null;
  averageLivingConfidence: ConfidenceName | null;
  structureConfidence: ConfidenceName | null;
  sourceNote: string;
}

export interface IndicatorJson {
  code: string;
  nameVi: string;
  dimension: string;
  dimensionNameVi: string;
  confidence: ConfidenceName | null;
  sourceNote: string;
}

export interface StandardJson {
  code: string;
  legalBasis: string;
  validFrom: string | null;
  validTo: string | null;
  inForce: { validFrom: string | null; validTo: string | null; legalBasis: string }[];
  rules: RuleJson[];
  indicators: IndicatorJson[];
}

const money = (m: Money | undefined): string | null => (m === undefined ? null : m.vnd);

function ruleJson(r: AreaRule): RuleJson {
  return {
    area: areaName(r.area),
    incomeOnlyPoorLine: money(r.incomeOnlyPoorLine),
    povertyLine: money(r.povertyLine),
    averageLivingLine: money(r.averageLivingLine),
    minDeprivationsForPoor: r.minDeprivationsForPoor,
    lineConfidence: confidenceName(r.lineConfidence),
    averageLivingConfidence: confidenceName(r.averageLivingConfidence),
    structureConfidence: confidenceName(r.structureConfidence),
    sourceNote: r.sourceNote,
  };
}

function indicatorJson(i: Indicator): IndicatorJson {
  return {
    code: i.code,
    nameVi: i.nameVi,
    dimension: i.dimension,
    dimensionNameVi: i.dimensionNameVi,
    confidence: confidenceName(i.confidence),
    sourceNote: i.sourceNote,
  };
}

const periodJson = (p: InForcePeriod) => ({
  validFrom: partialDateText(p.validFrom),
  validTo: partialDateText(p.validTo),
  legalBasis: p.legalBasis,
});

export function standardJson(s: PovertyStandard): StandardJson {
  return {
    code: s.code,
    legalBasis: s.legalBasis,
    validFrom: partialDateText(s.validFrom),
    validTo: partialDateText(s.validTo),
    inForce: s.inForce.map(periodJson),
    rules: s.rules.map(ruleJson),
    indicators: s.indicators.map(indicatorJson),
  };
}
