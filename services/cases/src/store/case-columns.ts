/** The columns of social_case and their mapping to CaseRow, for the case stores. */
import type { CaseRow } from '../domain/case-record';

export const CASE_COLUMNS = `
  id, code, kind, status, commune_code, province_code, member_id, household_id, full_name,
  birth_year, birth_month, birth_day, sex, citizen_id, category_codes, disability_level,
  care_support_type_code, payment_channel, bank_code, account_number,
  application_date::text AS application_date, channel, documents, missing_items, procedure_code,
  to_char(proposed_month, 'YYYY-MM') AS proposed_month, appraisal_opinion, population_check,
  step_due_on::text AS step_due_on, transferred_from_case_id, request_id, created_by, version,
  created_at, updated_at`;

export interface CaseSqlRow {
  id: string;
  code: string;
  kind: CaseRow['kind'];
  status: CaseRow['status'];
  commune_code: string;
  province_code: string;
  member_id: string;
  household_id: string;
  full_name: string;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  sex: CaseRow['sex'];
  citizen_id: string | null;
  category_codes: string[];
  disability_level: CaseRow['disabilityLevel'];
  care_support_type_code: string | null;
  payment_channel: CaseRow['paymentChannel'];
  bank_code: string | null;
  account_number: string | null;
  application_date: string;
  channel: CaseRow['channel'];
  documents: string[];
  missing_items: string[];
  procedure_code: string;
  proposed_month: string | null;
  appraisal_opinion: string | null;
  population_check: CaseRow['populationCheck'];
  step_due_on: string | null;
  transferred_from_case_id: string | null;
  request_id: string | null;
  created_by: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function caseOf(r: CaseSqlRow): CaseRow {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    status: r.status,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    memberId: r.member_id,
    householdId: r.household_id,
    fullName: r.full_name,
    birthYear: r.birth_year,
    birthMonth: r.birth_month,
    birthDay: r.birth_day,
    sex: r.sex,
    citizenId: r.citizen_id,
    categoryCodes: r.category_codes,
    disabilityLevel: r.disability_level,
    careSupportTypeCode: r.care_support_type_code,
    paymentChannel: r.payment_channel,
    bankCode: r.bank_code,
    accountNumber: r.account_number,
    applicationDate: r.application_date,
    channel: r.channel,
    documents: r.documents,
    missingItems: r.missing_items,
    procedureCode: r.procedure_code,
    proposedMonth: r.proposed_month,
    appraisalOpinion: r.appraisal_opinion,
    populationCheck: r.population_check,
    stepDueOn: r.step_due_on,
    transferredFromCaseId: r.transferred_from_case_id,
    requestId: r.request_id,
    createdBy: r.created_by,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Every column of the row, in the order of the INSERT and UPDATE statements below. */
export function valuesOf(c: CaseRow): unknown[] {
  return [
    c.id,
    c.code,
    c.kind,
    c.status,
    c.communeCode,
    c.provinceCode,
    c.memberId,
    c.householdId,
    c.fullName,
    c.birthYear,
    c.birthMonth,
    c.birthDay,
    c.sex,
    c.citizenId,
    c.categoryCodes,
    c.disabilityLevel,
    c.careSupportTypeCode,
    c.paymentChannel,
    c.bankCode,
    c.accountNumber,
    c.applicationDate,
    c.channel,
    c.documents,
    c.missingItems,
    c.procedureCode,
    c.proposedMonth === null ? null : `${c.proposedMonth}-01`,
    c.appraisalOpinion,
    c.populationCheck,
    c.stepDueOn,
    c.transferredFromCaseId,
    c.requestId,
    c.createdBy,
    c.version,
    c.createdAt,
    c.updatedAt,
  ];
}
