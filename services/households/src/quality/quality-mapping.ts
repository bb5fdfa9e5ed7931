/** Mapping between IdentityQualityService messages and the quality records. */
import {
  DuplicateRule as ProtoRule,
  MergeStatus as ProtoMergeStatus,
  VerificationOutcome,
  type CandidateRecord,
  type MergeProposal,
} from '@posa/proto';
import type { DuplicateRule } from './candidate-rules';
import type { CandidateView } from './candidate-view';
import type { MergeStatus } from './merge-access';
import type { StoredProposal } from './merge-store';

export function ruleToProto(rule: DuplicateRule): ProtoRule {
  return rule === 'citizen_id'
    ? ProtoRule.DUPLICATE_RULE_CITIZEN_ID
    : ProtoRule.DUPLICATE_RULE_NAME_BIRTH_COMMUNE;
}

export function viewToProto(v: CandidateView): CandidateRecord {
  if (!v.visible) {
    return {
      visible: false,
      provinceCode: v.provinceCode,
      communeCode: '',
      memberId: '',
      householdId: '',
      householdCode: '',
      fullName: '',
      citizenId: '',
    };
  }
  return {
    visible: true,
    provinceCode: v.provinceCode,
    communeCode: v.communeCode,
    memberId: v.memberId,
    householdId: v.householdId,
    householdCode: v.householdCode,
    fullName: v.fullName,
    dateOfBirth: {
      year: v.dateOfBirth.year,
      month: v.dateOfBirth.month ?? 0,
      day: v.dateOfBirth.day ?? 0,
    },
    citizenId: v.citizenId ?? '',
  };
}

const STATUS_TO_PROTO: Record<MergeStatus, ProtoMergeStatus> = {
  proposed: ProtoMergeStatus.MERGE_STATUS_PROPOSED,
  confirmed: ProtoMergeStatus.MERGE_STATUS_CONFIRMED,
  rejected: ProtoMergeStatus.MERGE_STATUS_REJECTED,
};

/** The status filter of a list call (undefined: every status). */
export function statusFromProto(status: ProtoMergeStatus): MergeStatus | undefined {
  const found = (Object.keys(STATUS_TO_PROTO) as MergeStatus[]).find(
    (s) => STATUS_TO_PROTO[s] === status,
  );
  return found;
}

export function proposalToProto(p: StoredProposal): MergeProposal {
  return {
    id: p.id,
    keptMemberId: p.keptMemberId,
    mergedMemberId: p.mergedMemberId,
    communeCode: p.communeCode,
    status: STATUS_TO_PROTO[p.status],
    reason: p.reason,
    proposedBy: p.proposedBy,
    proposedAt: p.proposedAt,
    decidedBy: p.decidedBy ?? '',
    decidedAt: p.decidedAt ?? undefined,
    decisionReason: p.decisionReason ?? '',
    differences: p.differences ?? [],
  };
}

export function outcomeToProto(outcome: 'match' | 'mismatch' | 'not_found'): VerificationOutcome {
  if (outcome === 'match') return VerificationOutcome.VERIFICATION_OUTCOME_MATCH;
  if (outcome === 'mismatch') return VerificationOutcome.VERIFICATION_OUTCOME_MISMATCH;
  return VerificationOutcome.VERIFICATION_OUTCOME_NOT_FOUND;
}
