/** Conversions between the review domain and the ReviewRoundService proto. */
import { InvalidArgumentError, isoFromParts, partsFromIso } from '@posa/platform';
import {
  Classification as ProtoClassification,
  ReviewChangeKind,
  ReviewListingSource,
  ReviewRequestForm,
  ReviewRoundKind,
  ReviewRoundStatus,
  type CalendarDate,
  type ReviewRound as ProtoRound,
  type ReviewRoundHousehold,
  type ReviewVillageMeeting,
} from '@posa/proto';
import type { Classification } from '../../domain/classify';
import { classificationToProto } from '../../grpc/standard-mapping';
import type { ChangeKind } from '../domain/review-changes';
import { isOverdue } from '../domain/review-procedure';
import type {
  ListedHousehold,
  ListingSource,
  ReviewRound,
  RoundKind,
  RoundStatus,
  VillageMeeting,
} from '../domain/review-round';

const date = (iso: string | null): CalendarDate | undefined =>
  iso === null ? undefined : partsFromIso(iso);

/** A required full date of a request. */
export function requiredDate(value: CalendarDate | undefined, field: string): string {
  if (value === undefined) throw new InvalidArgumentError(field, 'is required');
  const iso = isoFromParts(value);
  if (iso === null) throw new InvalidArgumentError(field, 'must be a full calendar date');
  return iso;
}

/** Trimmed text; required unless `optional`, at most `max` characters. */
export function textOf(value: string, field: string, max: number, optional = false): string {
  const text = value.normalize('NFC').trim();
  if (text === '' && !optional) throw new InvalidArgumentError(field, 'is required');
  if (text.length > max) throw new InvalidArgumentError(field, `is longer than ${max} characters`);
  return text;
}

export function kindFromProto(kind: ReviewRoundKind): RoundKind {
  if (kind === ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC) return 'periodic';
  if (kind === ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY) return 'monthly';
  throw new InvalidArgumentError('kind', 'must be PERIODIC or MONTHLY');
}

export function formFromProto(form: ReviewRequestForm): '01' | '04' {
  if (form === ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_01) return '01';
  if (form === ReviewRequestForm.REVIEW_REQUEST_FORM_FORM_04) return '04';
  throw new InvalidArgumentError('form', 'must be FORM_01 or FORM_04');
}

const STATUS: Record<RoundStatus, ReviewRoundStatus> = {
  open: ReviewRoundStatus.REVIEW_ROUND_STATUS_OPEN,
  posted: ReviewRoundStatus.REVIEW_ROUND_STATUS_POSTED,
  recognized: ReviewRoundStatus.REVIEW_ROUND_STATUS_RECOGNIZED,
};

/** undefined for UNSPECIFIED (every status). */
export function statusFromProto(status: ReviewRoundStatus): RoundStatus | undefined {
  if (status === ReviewRoundStatus.REVIEW_ROUND_STATUS_UNSPECIFIED) return undefined;
  const found = (Object.keys(STATUS) as RoundStatus[]).find((s) => STATUS[s] === status);
  if (found === undefined) throw new InvalidArgumentError('status', 'is not a round status');
  return found;
}

const SOURCE: Record<ListingSource, ReviewListingSource> = {
  current_list: ReviewListingSource.REVIEW_LISTING_SOURCE_CURRENT_LIST,
  form_01: ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_01,
  form_04: ReviewListingSource.REVIEW_LISTING_SOURCE_FORM_04,
  added: ReviewListingSource.REVIEW_LISTING_SOURCE_ADDED,
};

const CHANGE: Record<ChangeKind, ReviewChangeKind> = {
  newly_poor: ReviewChangeKind.REVIEW_CHANGE_KIND_NEWLY_POOR,
  near_poor_to_poor: ReviewChangeKind.REVIEW_CHANGE_KIND_NEAR_POOR_TO_POOR,
  poor_to_near_poor: ReviewChangeKind.REVIEW_CHANGE_KIND_POOR_TO_NEAR_POOR,
  out_of_poverty: ReviewChangeKind.REVIEW_CHANGE_KIND_OUT_OF_POVERTY,
  new_near_poor: ReviewChangeKind.REVIEW_CHANGE_KIND_NEW_NEAR_POOR,
  unchanged: ReviewChangeKind.REVIEW_CHANGE_KIND_UNCHANGED,
};

export const changeKindToProto = (k: ChangeKind): ReviewChangeKind => CHANGE[k];

export const previousToProto = (c: Classification | null): ProtoClassification =>
  c === null ? ProtoClassification.CLASSIFICATION_UNSPECIFIED : classificationToProto(c);

export interface RoundCounts {
  householdCount: number;
  assessedCount: number;
}

export function roundToProto(
  r: ReviewRound,
  counts: RoundCounts,
  needsDistrictOpinion: boolean,
  today: string,
): ProtoRound {
  return {
    id: r.id,
    communeCode: r.communeCode,
    provinceCode: r.provinceCode,
    year: r.year,
    kind:
      r.kind === 'periodic'
        ? ReviewRoundKind.REVIEW_ROUND_KIND_PERIODIC
        : ReviewRoundKind.REVIEW_ROUND_KIND_MONTHLY,
    startedOn: date(r.startedOn),
    deadline: date(r.deadline),
    overdue: isOverdue(r.deadline, r.decision?.decidedOn ?? null, today),
    standardCode: r.standardCode,
    procedureCode: r.procedureCode,
    needsDistrictOpinion,
    status: STATUS[r.status],
    householdCount: counts.householdCount,
    assessedCount: counts.assessedCount,
    postedFrom: date(r.postedFrom),
    postedTo: date(r.postedTo),
    districtOpinion:
      r.districtOpinion === null
        ? undefined
        : {
            districtCode: r.districtOpinion.districtCode,
            givenOn: date(r.districtOpinion.givenOn),
            documentNumber: r.districtOpinion.document,
            opinion: r.districtOpinion.opinion,
          },
    decision:
      r.decision === null
        ? undefined
        : {
            decisionNumber: r.decision.number,
            decidedOn: date(r.decision.decidedOn),
            signer: r.decision.signer,
          },
  };
}

export function listedToProto(h: ListedHousehold): ReviewRoundHousehold {
  const a = h.assessment;
  return {
    householdId: h.householdId,
    householdCode: h.householdCode,
    villageCode: h.villageCode ?? '',
    source: SOURCE[h.source],
    reason: h.reason,
    previousClassification: previousToProto(h.previous),
    assessment:
      a === null
        ? undefined
        : {
            incomePerPerson: { vnd: a.incomePerPerson.toString() },
            deprivedIndicatorCodes: a.deprived,
            classification: classificationToProto(a.classification),
            rule: a.rule,
            standardCode: a.standardCode,
          },
  };
}

export const meetingToProto = (m: VillageMeeting): ReviewVillageMeeting => ({
  villageCode: m.villageCode,
  heldOn: partsFromIso(m.heldOn),
  attendees: m.attendees,
  agreedCount: m.agreed,
});
