/**
 * Rules of household moves (biến động nhân khẩu): who may leave a household, who heads what
 * remains, and the member changes each side records. Pure: the caller loads the households,
 * applies the plan and writes the change log.
 */
import { InvalidArgumentError } from '@posa/platform';
import { RELATIONS } from './household-input';
import type { HouseholdSnapshot, MemberRecord } from './household-state';

/** One member-level entry of the change log. */
export interface MemberChange {
  kind: 'member_updated' | 'member_moved_in' | 'member_moved_out';
  before: MemberRecord | null;
  after: MemberRecord;
}

/** What remains of a household after some members leave. */
export interface Remainder {
  headMemberId: string | null;
  /** No living member remains (the household becomes dissolved). */
  dissolved: boolean;
  /** member_updated for a renamed head and for a former head who stays, then the leavers. */
  changes: MemberChange[];
}

export interface HeadChoice {
  /** The named head of the remainder, '' for none. */
  newHeadId: string;
  /** Request field naming the new head, for errors. */
  newHeadField: string;
  /** Whether a new head may be named while the current head stays (tách hộ only). */
  allowRename: boolean;
  /** Relation of a current head who stays but is replaced. */
  formerHeadRelation: string;
  formerHeadRelationField: string;
}

/** A relation a member takes in a household they join; `head` only when allowed. */
export function validateJoinRelation(raw: string, field: string, allowHead: boolean): string {
  const relation = raw.trim();
  if (!RELATIONS.has(relation)) {
    throw new InvalidArgumentError(field, `must be one of ${[...RELATIONS].join(', ')}`);
  }
  if (relation === 'head' && !allowHead) {
    throw new InvalidArgumentError(field, 'the household joined already has a head');
  }
  return relation;
}

/** The living member with this id, or INVALID_ARGUMENT naming the field. */
export function livingMember(s: HouseholdSnapshot, id: string, field: string): MemberRecord {
  const member = s.members.find((m) => m.id === id);
  if (member === undefined) {
    throw new InvalidArgumentError(field, `is not a member of household ${s.household.id}`);
  }
  if (member.deceasedOn !== null) {
    throw new InvalidArgumentError(field, 'the member is recorded as deceased and cannot move');
  }
  return member;
}

/**
 * The head of what remains when `leaving` members go: a head who leaves needs a successor
 * among the living who stay, unless nobody living stays (the household is dissolved).
 */
export function remainderOf(
  s: HouseholdSnapshot,
  leaving: ReadonlySet<string>,
  choice: HeadChoice,
): Remainder {
  const head = s.household.headMemberId;
  const stays = s.members.filter((m) => !leaving.has(m.id) && m.deceasedOn === null);
  const headLeaves = head !== null && leaving.has(head);
  const changes: MemberChange[] = [];
  if (choice.newHeadId === '') {
    if (headLeaves && stays.length > 0) {
      throw new InvalidArgumentError(
        choice.newHeadField,
        'the head leaves: name a new head among the members who stay',
      );
    }
    return {
      headMemberId: stays.length === 0 ? null : head,
      dissolved: stays.length === 0,
      changes,
    };
  }
  const next = stays.find((m) => m.id === choice.newHeadId);
  if (next === undefined) {
    throw new InvalidArgumentError(choice.newHeadField, 'is not a living member who stays');
  }
  if (next.id === head) return { headMemberId: head, dissolved: false, changes };
  if (!headLeaves && head !== null) {
    if (!choice.allowRename) {
      throw new InvalidArgumentError(choice.newHeadField, 'must be empty: the head stays');
    }
    const former = s.members.find((m) => m.id === head);
    if (former !== undefined) {
      const relation = validateJoinRelation(
        choice.formerHeadRelation,
        choice.formerHeadRelationField,
        false,
      );
      changes.push({ kind: 'member_updated', before: former, after: { ...former, relation } });
    }
  }
  changes.push({ kind: 'member_updated', before: next, after: { ...next, relation: 'head' } });
  return { headMemberId: next.id, dissolved: false, changes };
}

/** The leave and join entries of one member moving with a (possibly new) relation. */
export function moveEntries(
  member: MemberRecord,
  relation: string,
): { out: MemberChange; in: MemberChange } {
  return {
    out: { kind: 'member_moved_out', before: member, after: member },
    in: { kind: 'member_moved_in', before: member, after: { ...member, relation } },
  };
}

/**
 * Validates a list of (member id, relation) pairs naming distinct living members of `s`.
 * `heads` is how many must have relation head (0 or 1).
 */
export function validateMemberRelations(
  s: HouseholdSnapshot,
  pairs: ReadonlyArray<{ memberId: string; relation: string }>,
  field: string,
  heads: 0 | 1,
): Array<{ member: MemberRecord; relation: string }> {
  if (pairs.length === 0) throw new InvalidArgumentError(field, 'must name at least one member');
  const seen = new Set<string>();
  const out = pairs.map((p, i) => {
    const member = livingMember(s, p.memberId, `${field}[${i}].member_id`);
    if (seen.has(member.id)) {
      throw new InvalidArgumentError(`${field}[${i}].member_id`, 'is named twice');
    }
    seen.add(member.id);
    const relation = validateJoinRelation(p.relation, `${field}[${i}].relation`, heads === 1);
    return { member, relation };
  });
  const headCount = out.filter((p) => p.relation === 'head').length;
  if (headCount !== heads) {
    throw new InvalidArgumentError(
      field,
      heads === 1 ? 'exactly one member must have relation head' : 'no member may be head',
    );
  }
  return out;
}

/** A citizen ID may be held by one member of a household only (as AddMember checks). */
export function assertNoCitizenIdClash(
  target: HouseholdSnapshot,
  joining: readonly MemberRecord[],
  field: string,
): void {
  const held = new Set(target.members.map((m) => m.citizenId).filter((c) => c !== null));
  const clash = joining.find((m) => m.citizenId !== null && held.has(m.citizenId));
  if (clash !== undefined) {
    throw new InvalidArgumentError(
      field,
      `member ${clash.id} has a citizen ID already held by a member of household ${target.household.id}`,
    );
  }
}
