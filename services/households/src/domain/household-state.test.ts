import fc from 'fast-check';
import {
  stateAsOf,
  type HouseholdChangeEntry,
  type HouseholdRecord,
  type HouseholdSnapshot,
  type MemberRecord,
} from './household-state';

type Op =
  | { kind: 'household_updated'; street: string }
  | { kind: 'member_added'; name: string }
  | { kind: 'member_updated'; pick: number; name: string }
  | { kind: 'member_deceased'; pick: number }
  | { kind: 'member_moved_in'; name: string }
  | { kind: 'member_moved_out'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('household_updated' as const), street: fc.string() }),
  fc.record({ kind: fc.constant('member_added' as const), name: fc.string() }),
  fc.record({ kind: fc.constant('member_updated' as const), pick: fc.nat(), name: fc.string() }),
  fc.record({ kind: fc.constant('member_deceased' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('member_moved_in' as const), name: fc.string() }),
  fc.record({ kind: fc.constant('member_moved_out' as const), pick: fc.nat() }),
);

function member(id: string, name: string): MemberRecord {
  return {
    id,
    fullName: name,
    dateOfBirth: { year: 1980, month: null, day: null },
    sex: 'female',
    ethnicGroupCode: '01',
    citizenId: null,
    relation: id === 'm0' ? 'head' : 'child',
    deceasedOn: null,
  };
}

/**
 * Runs the operations on a live household (plain mutation, independent of applyChange),
 * writing the log as the store does and remembering the live state after every change.
 */
function simulate(ops: Op[], gaps: number[]) {
  const start = Date.UTC(2026, 0, 1);
  let t = start;
  const household: HouseholdRecord = {
    id: 'h',
    code: '00004-2026-000001',
    communeCode: '00004',
    provinceCode: '01',
    villageCode: null,
    streetAddress: 'start',
    area: 'rural',
    headMemberId: 'm0',
    status: 'active',
    version: 1,
    createdAt: new Date(t).toISOString(),
    updatedAt: new Date(t).toISOString(),
  };
  const members: MemberRecord[] = [member('m0', 'head')];
  const log: HouseholdChangeEntry[] = [
    {
      seq: 1,
      kind: 'household_created',
      memberId: null,
      at: household.createdAt,
      after: { ...household },
    },
    {
      seq: 2,
      kind: 'member_added',
      memberId: 'm0',
      at: household.createdAt,
      after: { ...members[0]! },
    },
  ];
  const timeline: Array<{ at: number; state: HouseholdSnapshot }> = [
    { at: t, state: structuredClone({ household, members }) },
  ];
  ops.forEach((op, i) => {
    t += gaps[i % gaps.length]!;
    const at = new Date(t).toISOString();
    household.version += 1;
    household.updatedAt = at;
    const seq = log.length + 1;
    if (op.kind === 'member_moved_out' && members.length < 2) {
      // Nobody to move out but the last member: record a plain household change.
      log.push({ seq, kind: 'household_updated', memberId: null, at, after: { ...household } });
    } else if (op.kind === 'household_updated') {
      household.streetAddress = op.street;
      log.push({ seq, kind: op.kind, memberId: null, at, after: { ...household } });
    } else {
      let target: MemberRecord;
      if (op.kind === 'member_added' || op.kind === 'member_moved_in') {
        target = member(`m${seq}`, op.name);
        members.push(target);
      } else if (op.kind === 'member_moved_out') {
        target = members.splice(op.pick % members.length, 1)[0]!;
      } else {
        target = members[op.pick % members.length]!;
        if (op.kind === 'member_updated') target.fullName = op.name;
        else target.deceasedOn = at.slice(0, 10);
      }
      // A member change also bumps the household's version, as the store does.
      log.push({ seq, kind: op.kind, memberId: target.id, at, after: { ...target } });
      log.push({
        seq: seq + 1,
        kind: 'household_updated',
        memberId: null,
        at,
        after: { ...household },
      });
    }
    timeline.push({ at: t, state: structuredClone({ household, members }) });
  });
  return { start, log, timeline };
}

describe('state as of a date', () => {
  it('replaying the log up to any instant gives the state current then (property)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 3_600_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: -1000, max: 100 * 3_600_000 }),
        fc.boolean(),
        (ops, gaps, offset, shuffle) => {
          const { start, log, timeline } = simulate(ops, gaps);
          const asOf = start + offset;
          const current = [...timeline].reverse().find((s) => s.at <= asOf);
          const input = shuffle ? [...log].reverse() : log;
          expect(stateAsOf(input, new Date(asOf))).toEqual(current?.state);
        },
      ),
    );
  });

  it('refuses a member change before the household exists', () => {
    const log: HouseholdChangeEntry[] = [
      {
        seq: 1,
        kind: 'member_added',
        memberId: 'm',
        at: '2026-01-01T00:00:00.000Z',
        after: member('m', 'x'),
      },
    ];
    expect(() => stateAsOf(log, new Date('2026-02-01'))).toThrow(/before the household/);
  });
});
