/**
 * A review round (đợt rà soát) of one commune as the domain sees it: its state, the listed
 * households with their assessments, and the village meetings.
 */
import type { Classification } from '../../domain/classify';

/** Periodic (rà soát định kỳ, 1 Sep – 14 Dec) or monthly (rà soát thường xuyên, form 04). */
export type RoundKind = 'periodic' | 'monthly';

/** open: listing, assessing, meetings; posted: results posted, awaiting recognition. */
export type RoundStatus = 'open' | 'posted' | 'recognized';

/** Why a household is on the list. */
export type ListingSource = 'current_list' | 'form_01' | 'form_04' | 'added';

export interface DistrictOpinion {
  /** 2024-structure district (3 digits) whose chair gave the opinion. */
  districtCode: string;
  givenOn: string;
  document: string;
  opinion: string;
  givenBy: string;
}

export interface Decision {
  number: string;
  decidedOn: string;
  signer: string;
  decidedBy: string;
}

export interface ReviewRound {
  id: string;
  communeCode: string;
  provinceCode: string;
  year: number;
  kind: RoundKind;
  startedOn: string;
  /** Monthly rounds: last day for the decision. */
  deadline: string | null;
  standardCode: string;
  procedureCode: string;
  status: RoundStatus;
  postedFrom: string | null;
  postedTo: string | null;
  districtOpinion: DistrictOpinion | null;
  decision: Decision | null;
  openedBy: string;
}

export interface Assessment {
  /** Monthly income per person, whole dong. */
  incomePerPerson: bigint;
  deprived: string[];
  classification: Classification;
  /** The deciding rule of the classifier, e.g. "2022-2025/near-poor". */
  rule: string;
  standardCode: string;
}

export interface ListedHousehold {
  householdId: string;
  householdCode: string;
  villageCode: string | null;
  source: ListingSource;
  reason: string;
  /** Last recognised classification before the round's year (null: never recognised). */
  previous: Classification | null;
  assessment: Assessment | null;
}

export interface VillageMeeting {
  villageCode: string;
  heldOn: string;
  attendees: number;
  agreed: number;
}

export interface RoundState {
  round: ReviewRound;
  households: ListedHousehold[];
  meetings: VillageMeeting[];
}
