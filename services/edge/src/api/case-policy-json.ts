/**
 * JSON shapes of the policy catalogue (danh mục chính sách trợ giúp xã hội): base levels (mức
 * chuẩn), categories (diện hưởng), coefficients (hệ số, integer hundredths), care-support and
 * emergency types, procedure rules. Each version carries its validity, legal source and source
 * tag: C (confirmed), S (secondary source) or M (unverified).
 */
import {
  SourceTag,
  type GetCatalogueResponse,
  type PolicyValidity,
  type ProcedureRule,
} from '@posa/proto';
import { dayText, nameIn } from './case-json';
import { vnd } from './case-money-json';

export const TAG_OF_NAME = {
  C: SourceTag.SOURCE_TAG_CONFIRMED,
  S: SourceTag.SOURCE_TAG_SECONDARY,
  M: SourceTag.SOURCE_TAG_UNVERIFIED,
} as const;
export type TagName = keyof typeof TAG_OF_NAME;
export const TAGS = Object.keys(TAG_OF_NAME) as TagName[];

export interface ValidityJson {
  validFrom: string | null;
  validTo: string | null;
  legalSource: string;
  tag: TagName | null;
}

function validityJson(v: PolicyValidity | undefined): ValidityJson {
  return {
    validFrom: dayText(v?.validFrom),
    validTo: dayText(v?.validTo),
    legalSource: v?.legalSource ?? '',
    tag: nameIn(TAG_OF_NAME, v?.tag ?? 0),
  };
}

const orNull = (s: string): string | null => (s === '' ? null : s);

export interface CatalogueJson {
  asOf: string | null;
  baseLevels: ({ id: string; provinceCode: string | null; amountVnd: number } & ValidityJson)[];
  categories: ({ code: string; group: string; decree: string; nameVi: string } & ValidityJson)[];
  coefficientRules: ({
    id: string;
    categoryCode: string;
    minAgeMonths: number | null;
    maxAgeMonths: number | null;
    disabilityLevel: string | null;
    coefficientHundredths: number;
  } & ValidityJson)[];
  careSupportTypes: ({
    code: string;
    nameVi: string;
    coefficientHundredths: number;
  } & ValidityJson)[];
  emergencyTypes: ({ code: string; nameVi: string; descriptionVi: string } & ValidityJson)[];
}

export function catalogueJson(c: GetCatalogueResponse): CatalogueJson {
  return {
    asOf: dayText(c.asOf),
    baseLevels: c.baseLevels.map((b) => ({
      id: b.id,
      provinceCode: orNull(b.provinceCode),
      amountVnd: vnd(b.amountVnd),
      ...validityJson(b.validity),
    })),
    categories: c.categories.map((k) => ({
      code: k.code,
      group: k.group,
      decree: k.decree,
      nameVi: k.nameVi,
      ...validityJson(k.validity),
    })),
    coefficientRules: c.coefficientRules.map((r) => ({
      id: r.id,
      categoryCode: r.categoryCode,
      minAgeMonths: r.minAgeMonths ?? null,
      maxAgeMonths: r.maxAgeMonths ?? null,
      disabilityLevel: orNull(r.disabilityLevel),
      coefficientHundredths: r.coefficientHundredths,
      ...validityJson(r.validity),
    })),
    careSupportTypes: c.careSupportTypes.map((x) => ({
      code: x.code,
      nameVi: x.nameVi,
      coefficientHundredths: x.coefficientHundredths,
      ...validityJson(x.validity),
    })),
    emergencyTypes: c.emergencyAssistanceTypes.map((x) => ({
      code: x.code,
      nameVi: x.nameVi,
      descriptionVi: x.descriptionVi,
      ...validityJson(x.validity),
    })),
  };
}

export interface ProcedureRuleJson extends ValidityJson {
  code: string;
  appraisalLevel: string;
  decisionLevel: string;
  completenessDays: number;
  appraisalDays: number;
  decisionDays: number;
}

export function procedureRuleJson(r: ProcedureRule): ProcedureRuleJson {
  return {
    code: r.code,
    appraisalLevel: r.appraisalLevel,
    decisionLevel: r.decisionLevel,
    completenessDays: r.completenessDays,
    appraisalDays: r.appraisalDays,
    decisionDays: r.decisionDays,
    ...validityJson(r.validity),
  };
}
