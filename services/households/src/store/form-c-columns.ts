/**
 * The form C / C1 columns of `household` and `member` (migration 0005): their SQL lists,
 * query parameters and the record read back (undefined when nothing was recorded).
 */
import type { HouseholdFormC, MemberFormC } from '../domain/form-c';

/** Column names in parameter order. */
export const HOUSEHOLD_FORM_C_COLUMNS = [
  'form_type',
  'housing_quality',
  'housing_area_m2',
  'drinking_water',
  'sanitation',
  'telecom_use',
  'assets',
  'income_per_capita_month',
] as const;

export const MEMBER_FORM_C_COLUMNS = [
  'education_level',
  'school_attendance',
  'health_insurance',
  'employment',
  'occupation',
  'disability',
  'social_assistance',
  'social_assistance_category',
] as const;

/** `h.form_type AS "fc_form_type", ...` for a SELECT list. */
export function formCSelect(columns: readonly string[], alias: string): string {
  return columns.map((c) => `${alias}.${c} AS "fc_${c}"`).join(', ');
}

export function householdFormCParams(f: HouseholdFormC | undefined): unknown[] {
  if (f === undefined) return HOUSEHOLD_FORM_C_COLUMNS.map(() => null);
  return [
    f.formType,
    f.housingQuality,
    f.housingAreaM2,
    f.drinkingWater,
    f.sanitation,
    f.telecomUse,
    f.assets,
    f.incomePerCapitaMonth,
  ];
}

export function memberFormCParams(f: MemberFormC | undefined): unknown[] {
  if (f === undefined) return MEMBER_FORM_C_COLUMNS.map(() => null);
  return [
    f.educationLevel,
    f.schoolAttendance,
    f.healthInsurance,
    f.employment,
    f.occupation,
    f.disability,
    f.socialAssistance,
    f.socialAssistanceCategory,
  ];
}

type Row = Record<string, unknown>;

function allNull(row: Row, columns: readonly string[]): boolean {
  return columns.every((c) => row[`fc_${c}`] === null || row[`fc_${c}`] === undefined);
}

export function householdFormCOfRow(row: Row): HouseholdFormC | undefined {
  if (allNull(row, HOUSEHOLD_FORM_C_COLUMNS)) return undefined;
  const income = row.fc_income_per_capita_month as string | null;
  return {
    formType: row.fc_form_type as HouseholdFormC['formType'],
    housingQuality: row.fc_housing_quality as string | null,
    housingAreaM2: row.fc_housing_area_m2 as number | null,
    drinkingWater: row.fc_drinking_water as string | null,
    sanitation: row.fc_sanitation as string | null,
    telecomUse: row.fc_telecom_use as boolean | null,
    assets: row.fc_assets as string[] | null,
    incomePerCapitaMonth: income === null ? null : Number(income),
  };
}

export function memberFormCOfRow(row: Row): MemberFormC | undefined {
  if (allNull(row, MEMBER_FORM_C_COLUMNS)) return undefined;
  return {
    educationLevel: row.fc_education_level as string | null,
    schoolAttendance: row.fc_school_attendance as string | null,
    healthInsurance: row.fc_health_insurance as string | null,
    employment: row.fc_employment as string | null,
    occupation: row.fc_occupation as string | null,
    disability: row.fc_disability as string | null,
    socialAssistance: row.fc_social_assistance as boolean | null,
    socialAssistanceCategory: row.fc_social_assistance_category as string | null,
  };
}

/** Drops the fc_ columns from a row (so the rest maps as before). */
export function withoutFormC<T extends Row>(row: T): T {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (!k.startsWith('fc_')) out[k] = v;
  return out as T;
}
