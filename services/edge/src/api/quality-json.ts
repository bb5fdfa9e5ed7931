/**
 * JSON shapes of identity quality in the API and the pages: duplicate pairs (trùng lặp),
 * merge proposals (gộp hồ sơ) and population-database verifications (đối chiếu CSDL dân
 * cư). A record outside the caller's jurisdiction keeps only `visible: false` and its
 * province code: the service sends nothing else about it.
 */
import {
  DuplicateRule,
  MergeStatus,
  VerificationOutcome,
  type CandidateRecord,
  type DuplicatePair,
  type MergeProposal,
  type VerifyMemberResponse,
} from '@posa/proto';
import { badRequest } from '../http/errors';
import { partialDateText } from './household-json';

export const MERGE_STATUS_OF_NAME = {
  proposed: MergeStatus.MERGE_STATUS_PROPOSED,
  confirmed: MergeStatus.MERGE_STATUS_CONFIRMED,
  rejected: MergeStatus.MERGE_STATUS_REJECTED,
} as const;
export type MergeStatusName = keyof typeof MERGE_STATUS_OF_NAME;

const RULE_NAMES: Record<number, string> = {
  [DuplicateRule.DUPLICATE_RULE_CITIZEN_ID]: 'citizen_id',
  [DuplicateRule.DUPLICATE_RULE_NAME_BIRTH_COMMUNE]: 'name_birth_commune',
};
const OUTCOME_NAMES: Record<number, string> = {
  [VerificationOutcome.VERIFICATION_OUTCOME_MATCH]: 'match',
  [VerificationOutcome.VERIFICATION_OUTCOME_MISMATCH]: 'mismatch',
  [VerificationOutcome.VERIFICATION_OUTCOME_NOT_FOUND]: 'not_found',
};

const orNull = (s: string): string | null => (s === '' ? null : s);
const iso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export interface CandidateRecordJson {
  visible: boolean;
  provinceCode: string;
  communeCode: string | null;
  memberId: string | null;
  householdId: string | null;
  householdCode: string | null;
  fullName: string | null;
  dateOfBirth: string | null;
  citizenId: string | null;
}

export interface DuplicatePairJson {
  id: string;
  rules: string[];
  first: CandidateRecordJson;
  second: CandidateRecordJson;
  sameCommune: boolean;
  openMergeId: string | null;
}

export interface MergeProposalJson {
  id: string;
  keptMemberId: string;
  mergedMemberId: string;
  communeCode: string;
  status: MergeStatusName | null;
  reason: string;
  proposedBy: string;
  proposedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  differences: { field: string; keptValue: string; mergedValue: string }[];
}

export interface VerificationJson {
  outcome: string | null;
  mismatchedFields: string[];
  verifiedAt: string | null;
  householdVersion: number;
}

function recordJson(r: CandidateRecord | undefined): CandidateRecordJson {
  const visible = r?.visible === true;
  const shown = (s: string | undefined): string | null => (visible ? orNull(s ?? '') : null);
  return {
    visible,
    provinceCode: r?.provinceCode ?? '',
    communeCode: shown(r?.communeCode),
    memberId: shown(r?.memberId),
    householdId: shown(r?.householdId),
    householdCode: shown(r?.householdCode),
    fullName: shown(r?.fullName),
    dateOfBirth: visible ? partialDateText(r?.dateOfBirth) : null,
    citizenId: shown(r?.citizenId),
  };
}

export function duplicatePairJson(p: DuplicatePair): DuplicatePairJson {
  return {
    id: p.id,
    rules: p.rules.map((r) => RULE_NAMES[r] ?? 'unknown'),
    first: recordJson(p.first),
    second: recordJson(p.second),
    sameCommune: p.sameCommune,
    openMergeId: orNull(p.openMergeId),
  };
}

export function mergeStatusName(s: MergeStatus): MergeStatusName | null {
  const found = (Object.keys(MERGE_STATUS_OF_NAME) as MergeStatusName[]).find(
    (k) => MERGE_STATUS_OF_NAME[k] === s,
  );
  return found ?? null;
}

export function mergeProposalJson(p: MergeProposal): MergeProposalJson {
  return {
    id: p.id,
    keptMemberId: p.keptMemberId,
    mergedMemberId: p.mergedMemberId,
    communeCode: p.communeCode,
    status: mergeStatusName(p.status),
    reason: p.reason,
    proposedBy: p.proposedBy,
    proposedAt: iso(p.proposedAt),
    decidedBy: orNull(p.decidedBy),
    decidedAt: iso(p.decidedAt),
    decisionReason: orNull(p.decisionReason),
    differences: p.differences.map((d) => ({
      field: d.field,
      keptValue: d.keptValue,
      mergedValue: d.mergedValue,
    })),
  };
}

export function verificationJson(v: VerifyMemberResponse): VerificationJson {
  return {
    outcome: OUTCOME_NAMES[v.outcome] ?? null,
    mismatchedFields: [...v.mismatchedFields],
    verifiedAt: iso(v.verifiedAt),
    householdVersion: v.householdVersion,
  };
}

/** `proposed` | `confirmed` | `rejected` → status; empty → every status. */
export function mergeStatusOf(text: string, field = 'status'): MergeStatus {
  const value = text.trim();
  if (value === '') return MergeStatus.MERGE_STATUS_UNSPECIFIED;
  if (!(value in MERGE_STATUS_OF_NAME))
    throw badRequest(field, 'must be proposed, confirmed or rejected');
  return MERGE_STATUS_OF_NAME[value as MergeStatusName];
}
