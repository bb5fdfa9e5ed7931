/** Mapping of the form C / C1 messages to and from the domain records. */
import { InvalidArgumentError } from '@posa/platform';
import type {
  HouseholdFormC as HouseholdFormCProto,
  MemberFormC as MemberFormCProto,
} from '@posa/proto';
import {
  checkFormType,
  EMPTY_MEMBER_FORM_C,
  validateHouseholdFormC,
  type HouseholdFormC,
  type MemberFormC,
  type RawHouseholdFormC,
  type RawMemberFormC,
} from '../domain/form-c';

function wholeOf(raw: string | undefined, field: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(field, 'is out of range');
  return n;
}

export function rawHouseholdFormCOf(m: HouseholdFormCProto, field: string): RawHouseholdFormC {
  return {
    formType: m.formType,
    housingQuality: m.housingQuality,
    housingAreaM2: m.housingAreaM2,
    drinkingWater: m.drinkingWater,
    sanitation: m.sanitation,
    telecomUse: m.telecomUse,
    assets: m.assets,
    incomePerCapitaMonth: wholeOf(m.incomePerCapitaMonth, `${field}.income_per_capita_month`),
  };
}

export function rawMemberFormCOf(m: MemberFormCProto): RawMemberFormC {
  return { ...m, socialAssistance: m.socialAssistance };
}

export function householdFormCToProto(
  f: HouseholdFormC | undefined,
): HouseholdFormCProto | undefined {
  if (f === undefined) return undefined;
  return {
    formType: f.formType ?? '',
    housingQuality: f.housingQuality ?? '',
    housingAreaM2: f.housingAreaM2 ?? undefined,
    drinkingWater: f.drinkingWater ?? '',
    sanitation: f.sanitation ?? '',
    telecomUse: f.telecomUse ?? undefined,
    assets: f.assets ?? [],
    incomePerCapitaMonth:
      f.incomePerCapitaMonth === null ? undefined : String(f.incomePerCapitaMonth),
  };
}

export function memberFormCToProto(f: MemberFormC | undefined): MemberFormCProto | undefined {
  if (f === undefined) return undefined;
  return {
    educationLevel: f.educationLevel ?? '',
    schoolAttendance: f.schoolAttendance ?? '',
    healthInsurance: f.healthInsurance ?? '',
    employment: f.employment ?? '',
    occupation: f.occupation ?? '',
    disability: f.disability ?? '',
    socialAssistance: f.socialAssistance ?? undefined,
    socialAssistanceCategory: f.socialAssistanceCategory ?? '',
  };
}

/** The validated household part, or undefined when the message is absent. */
export function householdFormCOf(
  m: HouseholdFormCProto | undefined,
  field: string,
): HouseholdFormC | undefined {
  return m === undefined ? undefined : validateHouseholdFormC(rawHouseholdFormCOf(m, field), field);
}

/** Form C1 needs a member on monthly social assistance (see checkFormType). */
export function checkMembersFormType(
  formC: HouseholdFormC | undefined,
  members: readonly { formC?: MemberFormC }[],
  field: string,
): void {
  if (formC === undefined) return;
  checkFormType(
    formC,
    members.map((m) => m.formC ?? EMPTY_MEMBER_FORM_C),
    field,
  );
}
