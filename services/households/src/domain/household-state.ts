/**
 * A household as its change log describes it. Each change carries the full record it
 * changed (the household's own fields, or one member) after the change; replaying the log up
 * to an instant therefore rebuilds the household as it was at that instant.
 */
import type { HouseholdFormC, MemberFormC } from './form-c';

export type Sex = 'male' | 'female';
export type Area = 'rural' | 'urban';
export type HouseholdStatus = 'active' | 'dissolved';
export type ChangeKind =
  | 'household_created'
  | 'household_updated'
  | 'member_added'
  | 'member_updated'
  | 'member_deceased'
  // chuyển đến / chuyển đi: a member joins or leaves the household (moves, tách hộ, nhập hộ)
  | 'member_moved_in'
  | 'member_moved_out'
  // trùng lặp: a member absorbed by a confirmed duplicate merge (kept, marked merged)
  | 'member_merged'
  // đối chiếu CSDL dân cư: the outcome of a verification stored on the member
  | 'member_verified';

export interface BirthDate {
  year: number;
  month: number | null;
  day: number | null;
}

export interface PopulationCheck {
  outcome: 'match' | 'mismatch' | 'not_found';
  /** full_name, date_of_birth, sex: those the population database holds otherwise. */
  mismatchedFields: string[];
  /** ISO instant. */
  verifiedAt: string;
}

export interface MemberRecord {
  id: string;
  fullName: string;
  dateOfBirth: BirthDate;
  sex: Sex;
  ethnicGroupCode: string;
  citizenId: string | null;
  relation: string;
  /** YYYY-MM-DD, or null while alive. */
  deceasedOn: string | null;
  /** trùng lặp: the member this record was merged into by a confirmed duplicate merge. */
  mergedInto?: string;
  /**
   * The last check against the national population database (đối chiếu CSDL dân cư) of
   * the identity fields as they are now; dropped when one of them changes.
   */
  populationCheck?: PopulationCheck;
  /** Form C / C1 fields; absent in records written before they existed. */
  formC?: MemberFormC;
}

export interface HouseholdRecord {
  id: string;
  code: string;
  communeCode: string;
  provinceCode: string;
  villageCode: string | null;
  streetAddress: string;
  area: Area;
  headMemberId: string | null;
  status: HouseholdStatus;
  /** nhập hộ: the household this one was merged into (set only when dissolved so). */
  mergedInto?: string | null;
  /** tách hộ: the household this one was split from. */
  splitFrom?: string | null;
  version: number;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
  /** Form C / C1 fields; absent in records written before they existed. */
  formC?: HouseholdFormC;
}

export interface HouseholdSnapshot {
  household: HouseholdRecord;
  /** In the order they were added. */
  members: MemberRecord[];
}

export interface HouseholdChangeEntry {
  seq: number;
  kind: ChangeKind;
  memberId: string | null;
  /** ISO instant. */
  at: string;
  after: HouseholdRecord | MemberRecord;
}

const HOUSEHOLD_KINDS: ReadonlySet<ChangeKind> = new Set([
  'household_created',
  'household_updated',
]);

/** The snapshot after one change (the input is not modified). */
export function applyChange(
  snapshot: HouseholdSnapshot | undefined,
  change: HouseholdChangeEntry,
): HouseholdSnapshot {
  if (HOUSEHOLD_KINDS.has(change.kind)) {
    const household = { ...(change.after as HouseholdRecord) };
    return { household, members: snapshot?.members ?? [] };
  }
  if (snapshot === undefined) {
    throw new Error(`change ${change.seq}: a member change before the household was created`);
  }
  const member = { ...(change.after as MemberRecord) };
  if (change.kind === 'member_moved_out') {
    return {
      household: snapshot.household,
      members: snapshot.members.filter((m) => m.id !== member.id),
    };
  }
  const members = snapshot.members.some((m) => m.id === member.id)
    ? snapshot.members.map((m) => (m.id === member.id ? member : m))
    : [...snapshot.members, member];
  return { household: snapshot.household, members };
}

/** The household as it was at `asOf`: every change made at or before it, in log order. */
export function stateAsOf(
  changes: readonly HouseholdChangeEntry[],
  asOf: Date,
): HouseholdSnapshot | undefined {
  const limit = asOf.getTime();
  return [...changes]
    .sort((a, b) => a.seq - b.seq)
    .filter((c) => Date.parse(c.at) <= limit)
    .reduce<HouseholdSnapshot | undefined>(applyChange, undefined);
}
