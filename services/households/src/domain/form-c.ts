/**
 * The socio-economic fields of forms C and C1 (R2.4): their records and validation. Every
 * field is nullable (null = not recorded); codes are checked against form-c-codes.ts and
 * every error names the field.
 */
import { InvalidArgumentError } from '@posa/platform';
import {
  ASSETS,
  codeOf,
  codesText,
  DISABILITY,
  DRINKING_WATER,
  EDUCATION_LEVEL,
  EMPLOYMENT,
  FORM_TYPES,
  HEALTH_INSURANCE,
  HOUSING_QUALITY,
  SANITATION,
  SCHOOL_ATTENDANCE,
  SOCIAL_ASSISTANCE_CATEGORY,
  type CodeList,
} from './form-c-codes';

/** Household part of a form C / C1. */
export interface HouseholdFormC {
  formType: 'C' | 'C1' | null;
  housingQuality: string | null;
  housingAreaM2: number | null;
  drinkingWater: string | null;
  sanitation: string | null;
  telecomUse: boolean | null;
  /** Asset codes, sorted, no duplicates; null when not recorded. */
  assets: string[] | null;
  /** Whole dong per person per month. */
  incomePerCapitaMonth: number | null;
}

/** Member part of a form C / C1. */
export interface MemberFormC {
  educationLevel: string | null;
  schoolAttendance: string | null;
  healthInsurance: string | null;
  employment: string | null;
  occupation: string | null;
  disability: string | null;
  socialAssistance: boolean | null;
  socialAssistanceCategory: string | null;
}

/** As received: codes as text ('' = not recorded), numbers and flags possibly absent. */
export interface RawHouseholdFormC {
  formType: string;
  housingQuality: string;
  housingAreaM2: number | undefined;
  drinkingWater: string;
  sanitation: string;
  telecomUse: boolean | undefined;
  assets: readonly string[];
  incomePerCapitaMonth: number | undefined;
}

export interface RawMemberFormC {
  educationLevel: string;
  schoolAttendance: string;
  healthInsurance: string;
  employment: string;
  occupation: string;
  disability: string;
  socialAssistance: boolean | undefined;
  socialAssistanceCategory: string;
}

export const EMPTY_HOUSEHOLD_FORM_C: HouseholdFormC = {
  formType: null,
  housingQuality: null,
  housingAreaM2: null,
  drinkingWater: null,
  sanitation: null,
  telecomUse: null,
  assets: null,
  incomePerCapitaMonth: null,
};

export const EMPTY_MEMBER_FORM_C: MemberFormC = {
  educationLevel: null,
  schoolAttendance: null,
  healthInsurance: null,
  employment: null,
  occupation: null,
  disability: null,
  socialAssistance: null,
  socialAssistanceCategory: null,
};

/** A code of the list (or its label), null when empty. */
export function validateCode(list: CodeList, raw: string, field: string): string | null {
  if (raw.trim() === '') return null;
  const code = codeOf(list, raw);
  if (code === undefined)
    throw new InvalidArgumentError(field, `must be one of ${codesText(list)}`);
  return code;
}

function validateWhole(raw: number | undefined, field: string, max: number): number | null {
  if (raw === undefined) return null;
  if (!Number.isSafeInteger(raw) || raw < 0 || raw > max) {
    throw new InvalidArgumentError(field, `must be a whole number from 0 to ${max}`);
  }
  return raw;
}

export function validateHouseholdFormC(raw: RawHouseholdFormC, field: string): HouseholdFormC {
  const assets = [
    ...new Set(raw.assets.map((a, i) => validateCode(ASSETS, a, `${field}.assets[${i}]`))),
  ]
    .filter((a): a is string => a !== null)
    .sort();
  return {
    formType: validateCode(FORM_TYPES, raw.formType, `${field}.form_type`) as 'C' | 'C1' | null,
    housingQuality: validateCode(HOUSING_QUALITY, raw.housingQuality, `${field}.housing_quality`),
    housingAreaM2: validateWhole(raw.housingAreaM2, `${field}.housing_area_m2`, 100_000),
    drinkingWater: validateCode(DRINKING_WATER, raw.drinkingWater, `${field}.drinking_water`),
    sanitation: validateCode(SANITATION, raw.sanitation, `${field}.sanitation`),
    telecomUse: raw.telecomUse ?? null,
    assets: raw.assets.length === 0 ? null : assets,
    incomePerCapitaMonth: validateWhole(
      raw.incomePerCapitaMonth,
      `${field}.income_per_capita_month`,
      1_000_000_000,
    ),
  };
}

export function validateMemberFormC(raw: RawMemberFormC, field: string): MemberFormC {
  const occupation = raw.occupation.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (occupation.length > 100) {
    throw new InvalidArgumentError(`${field}.occupation`, 'is longer than 100 characters');
  }
  const category = validateCode(
    SOCIAL_ASSISTANCE_CATEGORY,
    raw.socialAssistanceCategory,
    `${field}.social_assistance_category`,
  );
  if (category !== null && raw.socialAssistance !== true) {
    throw new InvalidArgumentError(
      `${field}.social_assistance_category`,
      'is given only for a member receiving monthly social assistance',
    );
  }
  return {
    educationLevel: validateCode(EDUCATION_LEVEL, raw.educationLevel, `${field}.education_level`),
    schoolAttendance: validateCode(
      SCHOOL_ATTENDANCE,
      raw.schoolAttendance,
      `${field}.school_attendance`,
    ),
    healthInsurance: validateCode(
      HEALTH_INSURANCE,
      raw.healthInsurance,
      `${field}.health_insurance`,
    ),
    employment: validateCode(EMPLOYMENT, raw.employment, `${field}.employment`),
    occupation: occupation === '' ? null : occupation,
    disability: validateCode(DISABILITY, raw.disability, `${field}.disability`),
    socialAssistance: raw.socialAssistance ?? null,
    socialAssistanceCategory: category,
  };
}

/**
 * Form C1 is for a household with a member on monthly social assistance: at least one
 * member must say so, with a category.
 */
export function checkFormType(
  household: HouseholdFormC,
  members: readonly MemberFormC[],
  field: string,
): void {
  if (household.formType !== 'C1') return;
  if (!members.some((m) => m.socialAssistance === true && m.socialAssistanceCategory !== null)) {
    throw new InvalidArgumentError(
      `${field}.form_type`,
      'form C1 needs a member receiving monthly social assistance with its category',
    );
  }
}
