/**
 * The policy catalogue of social assistance (danh mục chính sách trợ giúp xã hội) as data:
 * base levels (mức chuẩn trợ giúp xã hội), allowance categories (diện hưởng), coefficients
 * (hệ số), care-support types and emergency-assistance forms. It holds every version; the
 * functions here choose the version in force on a date. Validity is [validFrom, validTo],
 * both inclusive, validTo null while open.
 */
import { FailedPreconditionError, InvalidArgumentError } from '@posa/platform';

/** How sure the project is of a value: C confirmed, S secondary source, M recalled/inferred. */
export type SourceTag = 'C' | 'S' | 'M';

export type DisabilityLevel = 'severe' | 'extremely_severe';

/** Mức chuẩn trợ giúp xã hội: national (provinceCode null) or set by a province. */
export interface BaseLevel {
  id: string;
  provinceCode: string | null;
  amountVnd: number;
  validFrom: string;
  validTo: string | null;
  legalSource: string;
  tag: SourceTag;
}

/** A category of monthly-allowance beneficiaries (đối tượng hưởng trợ cấp hàng tháng). */
export interface AllowanceCategory {
  code: string;
  /** The group of Decree 20/2021 Art. 5 it belongs to: '1'…'4', '5a'…'5d', '6', '7', '8'. */
  group: string;
  decree: string;
  nameVi: string;
  validFrom: string;
  validTo: string | null;
  legalSource: string;
  tag: SourceTag;
}

/**
 * One line of the coefficient table: the coefficient of a category for an age band
 * [minAgeMonths, maxAgeMonths) and a disability level (null = any).
 */
export interface CoefficientRule {
  id: string;
  categoryCode: string;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  disabilityLevel: DisabilityLevel | null;
  /** Hệ số in integer hundredths (1.5 -> 150). */
  coefficientHundredths: number;
  validFrom: string;
  validTo: string | null;
  legalSource: string;
  tag: SourceTag;
}

/** Hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng: a type with its coefficient. */
export interface CareSupportType {
  code: string;
  nameVi: string;
  coefficientHundredths: number;
  validFrom: string;
  validTo: string | null;
  legalSource: string;
  tag: SourceTag;
}

/** A form of emergency assistance (trợ giúp khẩn cấp). */
export interface EmergencyAssistanceType {
  code: string;
  nameVi: string;
  descriptionVi: string;
  validFrom: string;
  validTo: string | null;
  legalSource: string;
  tag: SourceTag;
}

export interface PolicyCatalogue {
  baseLevels: BaseLevel[];
  categories: AllowanceCategory[];
  coefficientRules: CoefficientRule[];
  careSupportTypes: CareSupportType[];
  emergencyTypes: EmergencyAssistanceType[];
}

/** Anything with a validity. */
export interface Versioned {
  validFrom: string;
  validTo: string | null;
}

/** True when `date` (YYYY-MM-DD) lies in the version's validity. */
export function inForceOn(version: Versioned, date: string): boolean {
  return version.validFrom <= date && (version.validTo === null || date <= version.validTo);
}

/**
 * The base level that applies to a province on a date: the province's own level when one is in
 * force and it is not below the national one (a province may only raise the level, Decree
 * 20/2021 Art. 4), else the national level. FailedPreconditionError when no national level is
 * in force.
 */
export function baseLevelFor(
  catalogue: PolicyCatalogue,
  provinceCode: string,
  date: string,
): BaseLevel {
  const national = catalogue.baseLevels.find((b) => b.provinceCode === null && inForceOn(b, date));
  if (national === undefined) {
    throw new FailedPreconditionError(`no national base level (mức chuẩn) is in force on ${date}`);
  }
  const own = catalogue.baseLevels.find(
    (b) => b.provinceCode === provinceCode && inForceOn(b, date),
  );
  return own !== undefined && own.amountVnd >= national.amountVnd ? own : national;
}

/** The category if it exists and is in force on the date. */
export function categoryInForce(
  catalogue: PolicyCatalogue,
  code: string,
  date: string,
): AllowanceCategory | undefined {
  return catalogue.categories.find((c) => c.code === code && inForceOn(c, date));
}

/** The version of a care-support type in force on the date. */
export function careSupportTypeInForce(
  catalogue: PolicyCatalogue,
  code: string,
  date: string,
): CareSupportType | undefined {
  return catalogue.careSupportTypes.find((t) => t.code === code && inForceOn(t, date));
}

/** The version of every entity in force on the date (GetCatalogue without history). */
export function catalogueOn(catalogue: PolicyCatalogue, date: string): PolicyCatalogue {
  const on = <T extends Versioned>(items: T[]): T[] => items.filter((i) => inForceOn(i, date));
  return {
    baseLevels: on(catalogue.baseLevels),
    categories: on(catalogue.categories),
    coefficientRules: on(catalogue.coefficientRules),
    careSupportTypes: on(catalogue.careSupportTypes),
    emergencyTypes: on(catalogue.emergencyTypes),
  };
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A change takes effect from a date and never rewrites the past: `validFrom` must be after
 * today, no version of the same thing may start on or after it, and the versions in force on
 * it are returned to be closed the day before.
 */
export function versionsToClose<T extends Versioned>(
  existing: readonly T[],
  validFrom: string,
  today: string,
): T[] {
  if (validFrom <= today) {
    throw new InvalidArgumentError(
      'valid_from',
      `must be after today (${today}): the past is never rewritten`,
    );
  }
  const later = existing.find((v) => v.validFrom >= validFrom);
  if (later !== undefined) {
    throw new FailedPreconditionError(
      `valid_from: a version starting on ${later.validFrom} already exists; a new version must start after it`,
    );
  }
  return existing.filter((v) => inForceOn(v, validFrom));
}
