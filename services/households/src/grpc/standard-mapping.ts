/** Conversions between the domain's poverty standards and the households proto. */
import { InvalidArgumentError, isoFromParts, partsFromIso } from '@posa/platform';
import {
  Area as ProtoArea,
  Classification as ProtoClassification,
  Confidence as ProtoConfidence,
  type AreaRule as ProtoAreaRule,
  type CalendarDate,
  type InForcePeriod as ProtoInForcePeriod,
  type Money,
  type PovertyStandard as ProtoStandard,
} from '@posa/proto';
import type { Classification } from '../domain/classify';
import type {
  Area,
  AreaRule,
  Confidence,
  InForcePeriod,
  PovertyStandard,
} from '../domain/standard';

const CONFIDENCE: Record<Confidence, ProtoConfidence> = {
  C: ProtoConfidence.CONFIDENCE_CONFIRMED,
  S: ProtoConfidence.CONFIDENCE_SECONDARY,
  M: ProtoConfidence.CONFIDENCE_UNVERIFIED,
};

const CLASSIFICATION: Record<Classification, ProtoClassification> = {
  poor: ProtoClassification.CLASSIFICATION_POOR,
  near_poor: ProtoClassification.CLASSIFICATION_NEAR_POOR,
  average_living: ProtoClassification.CLASSIFICATION_AVERAGE_LIVING,
  not_poor: ProtoClassification.CLASSIFICATION_NOT_POOR,
};

export const classificationToProto = (c: Classification): ProtoClassification => CLASSIFICATION[c];

export function areaFromProto(area: ProtoArea, field: string): Area {
  if (area === ProtoArea.AREA_RURAL) return 'rural';
  if (area === ProtoArea.AREA_URBAN) return 'urban';
  throw new InvalidArgumentError(field, 'must be AREA_RURAL or AREA_URBAN');
}

const areaToProto = (area: Area): ProtoArea =>
  area === 'rural' ? ProtoArea.AREA_RURAL : ProtoArea.AREA_URBAN;

/** YYYY-MM-DD of a request date; `fallback` when absent. */
export function dateFromProto(
  date: CalendarDate | undefined,
  field: string,
  fallback: () => string,
): string {
  if (date === undefined) return fallback();
  const iso = isoFromParts(date);
  if (iso === null) throw new InvalidArgumentError(field, 'must be a full calendar date');
  return iso;
}

/** Whole dong of a Money field; absent means 0. */
export function moneyFromProto(money: Money | undefined, field: string): bigint {
  const text = money?.vnd ?? '0';
  if (!/^-?[0-9]+$/.test(text)) throw new InvalidArgumentError(field, 'must be whole dong');
  const amount = BigInt(text);
  if (amount < 0n) throw new InvalidArgumentError(field, 'must not be negative');
  return amount;
}

const money = (amount: bigint | null): Money | undefined =>
  amount === null ? undefined : { vnd: amount.toString() };

export function ruleToProto(rule: AreaRule): ProtoAreaRule {
  return {
    area: areaToProto(rule.area),
    incomeOnlyPoorLine: money(rule.incomeOnlyPoorLine),
    povertyLine: money(rule.povertyLine),
    averageLivingLine: money(rule.averageLivingLine),
    minDeprivationsForPoor: rule.minDeprivationsForPoor,
    lineConfidence: CONFIDENCE[rule.lineConfidence],
    averageLivingConfidence:
      rule.averageLivingConfidence === null
        ? ProtoConfidence.CONFIDENCE_UNSPECIFIED
        : CONFIDENCE[rule.averageLivingConfidence],
    structureConfidence: CONFIDENCE[rule.structureConfidence],
    sourceNote: rule.sourceNote,
  };
}

export function periodToProto(period: InForcePeriod): ProtoInForcePeriod {
  return {
    validFrom: partsFromIso(period.validFrom),
    validTo: period.validTo === null ? undefined : partsFromIso(period.validTo),
    legalBasis: period.legalBasis,
  };
}

export function standardToProto(standard: PovertyStandard): ProtoStandard {
  return {
    code: standard.code,
    legalBasis: standard.legalBasis,
    validFrom: partsFromIso(standard.validFrom),
    validTo: partsFromIso(standard.validTo),
    inForce: standard.inForce.map(periodToProto),
    rules: standard.rules.map(ruleToProto),
    indicators: standard.indicators.map((i) => ({
      code: i.code,
      nameVi: i.nameVi,
      dimension: i.dimension,
      dimensionNameVi: i.dimensionNameVi,
      confidence: CONFIDENCE[i.confidence],
      sourceNote: i.sourceNote,
    })),
  };
}
