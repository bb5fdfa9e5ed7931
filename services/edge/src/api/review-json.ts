/** JSON shapes of review rounds (rà soát hộ nghèo, hộ cận nghèo) and the names of their enums. */
import {
  Classification,
  ReviewChangeKind,
  ReviewListingSource,
  ReviewRequestForm,
  ReviewRequestStatus,
  ReviewRoundKind,
  ReviewRoundStatus,
  type CalendarDate,
  type ReviewAssessment,
  type ReviewHouseholdChange,
  type ReviewRequest,
  type ReviewRound,
  type ReviewRoundHousehold,
  type ReviewVillageMeeting,
} from '@posa/proto';
import { badRequest } from '../http/errors';

export type RoundKindName = 'periodic' | 'monthly';
export type RoundStatusName = 'open' | 'posted' | 'recognized';
export type ClassificationName = 'poor' | 'near_poor' | 'average_living' | 'not_poor';
export type ChangeKindName =
  | 'newly_poor'
  | 'near_poor_to_poor'
  | 'poor_to_near_poor'
  | 'out_of_poverty'
  | 'new_near_poor'
  | 'unchanged';
export type ListingSourceName = 'current_list' | 'form_01' | 'form_04' | 'added';
export type RequestStatusName = 'pending' | 'in_round' | 'refused';

export const ROUND_KINDS: readonly RoundKindName[] = ['periodic', 'monthly'];
export const ROUND_STATUSES: readonly RoundStatusName[] = ['open', 'posted', 'recognized'];
export const REQUEST_STATUSES: readonly RequestStatusName[] = ['pending', 'in_round', 'refused'];

const KIND_NAME: Partial<Record<ReviewRoundKind, RoundKindName>> = {
  [ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC]: 'periodic',
  [ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY]: 'monthly',
};
const STATUS_NAME: Partial<Record<ReviewRoundStatus, RoundStatusName>> = {
  [ReviewRoundStatus.REVIEW_ROUND_STATUS_OPEN]: 'open',
  [ReviewRoundStatus.REVIEW_ROUND_STATUS_POSTED]: 'posted',
  [ReviewRoundStatus.REVIEW_ROUND_STATUS_RECOGNIZED]: 'recognized',
};
const REQUEST_STATUS_NAME: Partial<Record<ReviewRequestStatus, RequestStatusName>> = {
  [ReviewRequestStatus.REVIEW_REQUEST_STATUS_PENDING]: 'pending',
  [ReviewRequestStatus.REVIEW_REQUEST_STATUS_IN_ROUND]: 'in_round',
  [ReviewRequestStatus.REVIEW_REQUEST_STATUS_REFUSED]: 'refused',
};
const CLASS_NAME: Partial<Record<Classification, ClassificationName>> = {
  [Classification.CLASSIFICATION_POOR]: 'poor',
  [Classification.CLASSIFICATION_NEAR_POOR]: 'near_poor',
  [Classification.CLASSIFICATION_AVERAGE_LIVING]: 'average_living',
  [Classification.CLASSIFICATION_NOT_POOR]: 'not_poor',
};
const CHANGE_NAME: Partial<Record<ReviewChangeKind, ChangeKindName>> = {
  [ReviewChangeKind.REVIEW_CHANGE_KIND_NEWLY_POOR]: 'newly_poor',
  [ReviewChangeKind.REVIEW_CHANGE_KIND_NEAR_POOR_TO_POOR]: 'near_poor_to_poor',
  [ReviewChangeKind.REVIEW_CHANGE_KIND_POOR_TO_NEAR_POOR]: 'poor_to_near_poor',
  [ReviewChangeKind.REVIEW_CHANGE_KIND_OUT_OF_POVERTY]: 'out_of_poverty',
  [ReviewChangeKind.REVIEW_CHANGE_KIND_NEW_NEAR_POOR]: 'new_near_poor',
  [ReviewChangeKind.REVIEW_CHANGE_KIND_UNCHANGED]: 'unchanged',
};
const SOURCE_NAME: Partial<Record<ReviewListingSource, ListingSourceName>> = {
  [ReviewListingSource.REVIEW_LISTING_SOURCE_CURRENT_LIST]: 'current_list',
  [ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_01]: 'form_01',
  [ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_04]: 'form_04',
  [ReviewListingSource.REVIEW_LISTING_SOURCE_ADDED]: 'added',
};

/** `periodic` or `monthly`, else 400 naming `field`. */
export function roundKindOf(text: string, field = 'kind'): ReviewRoundKind {
  if (text === 'periodic') return ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC;
  if (text === 'monthly') return ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY;
  throw badRequest(field, 'must be periodic or monthly');
}

/** '' (every status), `open`, `posted` or `recognized`, else 400 naming `field`. */
export function roundStatusOf(text: string, field = 'status'): ReviewRoundStatus {
  if (text === '') return ReviewRoundStatus.REVIEW_ROUND_STATUS_UNSPECIFIED;
  const found = Object.entries(STATUS_NAME).find(([, name]) => name === text);
  if (found === undefined) throw badRequest(field, 'must be open, posted or recognized');
  return Number(found[0]) as ReviewRoundStatus;
}

/** `form_01` or `form_04`, else 400 naming `field`. */
export function requestFormOf(text: string, field = 'form'): ReviewRequestForm {
  if (text === 'form_01') return ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_01;
  if (text === 'form_04') return ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04;
  throw badRequest(field, 'must be form_01 or form_04');
}

/** '' (every status), `pending`, `in_round` or `refused`, else 400 naming `field`. */
export function requestStatusOf(text: string, field = 'status'): ReviewRequestStatus {
  if (text === '') return ReviewRequestStatus.REVIEW_REQUEST_STATUS_UNSPECIFIED;
  const found = Object.entries(REQUEST_STATUS_NAME).find(([, name]) => name === text);
  if (found === undefined) throw badRequest(field, 'must be pending, in_round or refused');
  return Number(found[0]) as ReviewRequestStatus;
}

export const classificationName = (c: Classification): ClassificationName | null =>
  CLASS_NAME[c] ?? null;

/** A calendar date as YYYY-MM-DD, or null when absent. */
export function dayText(d: CalendarDate | undefined): string | null {
  if (d === undefined || d.year === 0) return null;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export interface RoundJson {
  id: string;
  communeCode: string;
  provinceCode: string;
  year: number;
  kind: RoundKindName | null;
  startedOn: string | null;
  deadline: string | null;
  overdue: boolean;
  standardCode: string;
  procedureCode: string;
  needsDistrictOpinion: boolean;
  status: RoundStatusName | null;
  householdCount: number;
  assessedCount: number;
  postedFrom: string | null;
  postedTo: string | null;
  districtOpinion: {
    districtCode: string;
    givenOn: string | null;
    documentNumber: string;
    opinion: string;
  } | null;
  decision: { decisionNumber: string; decidedOn: string | null; signer: string } | null;
}

export function roundJson(r: ReviewRound): RoundJson {
  const o = r.districtOpinion;
  const d = r.decision;
  return {
    id: r.id,
    communeCode: r.communeCode,
    provinceCode: r.provinceCode,
    year: r.year,
    kind: KIND_NAME[r.kind] ?? null,
    startedOn: dayText(r.startedOn),
    deadline: dayText(r.deadline),
    overdue: r.overdue,
    standardCode: r.standardCode,
    procedureCode: r.procedureCode,
    needsDistrictOpinion: r.needsDistrictOpinion,
    status: STATUS_NAME[r.status] ?? null,
    householdCount: r.householdCount,
    assessedCount: r.assessedCount,
    postedFrom: dayText(r.postedFrom),
    postedTo: dayText(r.postedTo),
    districtOpinion:
      o === undefined || o.documentNumber === ''
        ? null
        : {
            districtCode: o.districtCode,
            givenOn: dayText(o.givenOn),
            documentNumber: o.documentNumber,
            opinion: o.opinion,
          },
    decision:
      d === undefined || d.decisionNumber === ''
        ? null
        : { decisionNumber: d.decisionNumber, decidedOn: dayText(d.decidedOn), signer: d.signer },
  };
}

export interface AssessmentJson {
  incomePerPerson: string | null;
  deprivedIndicatorCodes: string[];
  classification: ClassificationName | null;
  rule: string;
  standardCode: string;
}

function assessmentJson(a: ReviewAssessment): AssessmentJson {
  return {
    incomePerPerson: a.incomePerPerson?.vnd ?? null,
    deprivedIndicatorCodes: a.deprivedIndicatorCodes,
    classification: classificationName(a.classification),
    rule: a.rule,
    standardCode: a.standardCode,
  };
}

export interface RoundHouseholdJson {
  householdId: string;
  householdCode: string;
  villageCode: string | null;
  source: ListingSourceName | null;
  reason: string;
  previousClassification: ClassificationName | null;
  assessment: AssessmentJson | null;
}

export function roundHouseholdJson(h: ReviewRoundHousehold): RoundHouseholdJson {
  return {
    householdId: h.householdId,
    householdCode: h.householdCode,
    villageCode: h.villageCode === '' ? null : h.villageCode,
    source: SOURCE_NAME[h.source] ?? null,
    reason: h.reason,
    previousClassification: classificationName(h.previousClassification),
    assessment: h.assessment === undefined ? null : assessmentJson(h.assessment),
  };
}

export function meetingJson(m: ReviewVillageMeeting) {
  return {
    villageCode: m.villageCode,
    heldOn: dayText(m.heldOn),
    attendees: m.attendees,
    agreedCount: m.agreedCount,
  };
}
export type MeetingJson = ReturnType<typeof meetingJson>;

export function changeJson(c: ReviewHouseholdChange) {
  return {
    householdId: c.householdId,
    householdCode: c.householdCode,
    previousClassification: classificationName(c.previousClassification),
    classification: classificationName(c.classification),
    kind: CHANGE_NAME[c.kind] ?? null,
  };
}
export type ChangeJson = ReturnType<typeof changeJson>;

export interface RequestJson {
  id: string;
  householdId: string;
  householdCode: string;
  communeCode: string;
  year: number;
  form: 'form_01' | 'form_04' | null;
  receivedOn: string | null;
  note: string;
  status: RequestStatusName | null;
  roundId: string | null;
  refusal: {
    documentNumber: string;
    refusedOn: string | null;
    reason: string;
    signer: string;
  } | null;
}

export function requestJson(r: ReviewRequest): RequestJson {
  const f = r.refusal;
  return {
    id: r.id,
    householdId: r.householdId,
    householdCode: r.householdCode,
    communeCode: r.communeCode,
    year: r.year,
    form:
      r.form === ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_01
        ? 'form_01'
        : r.form === ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04
          ? 'form_04'
          : null,
    receivedOn: dayText(r.receivedOn),
    note: r.note,
    status: REQUEST_STATUS_NAME[r.status] ?? null,
    roundId: r.roundId || null,
    refusal: f
      ? {
          documentNumber: f.documentNumber,
          refusedOn: dayText(f.refusedOn),
          reason: f.reason,
          signer: f.signer,
        }
      : null,
  };
}
