import type { HouseholdSnapshot, MemberRecord } from './household-state';
import { remainderOf, validateMemberRelations, type HeadChoice } from './household-moves';

function member(id: string, relation: string, deceasedOn: string | null = null): MemberRecord {
  return {
    id,
    fullName: id,
    dateOfBirth: { year: 1980, month: null, day: null },
    sex: 'male',
    ethnicGroupCode: '01',
    citizenId: null,
    relation,
    deceasedOn,
  };
}

const household: HouseholdSnapshot = {
  household: {
    id: 'h',
    code: '00004-2026-000001',
    communeCode: '00004',
    provinceCode: '01',
    villageCode: null,
    streetAddress: 's',
    area: 'urban',
    headMemberId: 'head',
    status: 'active',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  members: [
    member('head', 'head'),
    member('wife', 'spouse'),
    member('late', 'parent', '2020-01-01'),
  ],
};

const choice = (over: Partial<HeadChoice> = {}): HeadChoice => ({
  newHeadId: '',
  newHeadField: 'new_head_member_id',
  allowRename: false,
  formerHeadRelation: '',
  formerHeadRelationField: 'former_head_relation',
  ...over,
});

describe('remainderOf', () => {
  it('keeps the head when another member leaves', () => {
    expect(remainderOf(household, new Set(['wife']), choice())).toEqual({
      headMemberId: 'head',
      dissolved: false,
      changes: [],
    });
  });

  it('needs a living successor when the head leaves', () => {
    expect(() => remainderOf(household, new Set(['head']), choice())).toThrow(/new_head_member_id/);
    expect(() => remainderOf(household, new Set(['head']), choice({ newHeadId: 'late' }))).toThrow(
      /living member who stays/,
    );
    const r = remainderOf(household, new Set(['head']), choice({ newHeadId: 'wife' }));
    expect(r.headMemberId).toBe('wife');
    expect(r.changes.map((c) => [c.after.id, c.after.relation])).toEqual([['wife', 'head']]);
  });

  it('dissolves a household no living member stays in (the deceased do not count)', () => {
    const r = remainderOf(household, new Set(['head', 'wife']), choice());
    expect(r).toEqual({ headMemberId: null, dissolved: true, changes: [] });
  });

  it('renames a staying head only when allowed, with the former head’s relation', () => {
    expect(() => remainderOf(household, new Set(), choice({ newHeadId: 'wife' }))).toThrow(
      /must be empty/,
    );
    expect(() =>
      remainderOf(household, new Set(), choice({ newHeadId: 'wife', allowRename: true })),
    ).toThrow(/former_head_relation/);
    const r = remainderOf(
      household,
      new Set(),
      choice({ newHeadId: 'wife', allowRename: true, formerHeadRelation: 'spouse' }),
    );
    expect(r.changes.map((c) => [c.after.id, c.after.relation])).toEqual([
      ['head', 'spouse'],
      ['wife', 'head'],
    ]);
  });
});

describe('validateMemberRelations', () => {
  it('names the field of each problem', () => {
    expect(() => validateMemberRelations(household, [], 'members', 1)).toThrow(/members/);
    expect(() =>
      validateMemberRelations(household, [{ memberId: 'late', relation: 'head' }], 'members', 1),
    ).toThrow(/members\[0\].member_id: .*deceased/);
    expect(() =>
      validateMemberRelations(
        household,
        [
          { memberId: 'wife', relation: 'head' },
          { memberId: 'wife', relation: 'child' },
        ],
        'members',
        1,
      ),
    ).toThrow(/members\[1\].member_id: is named twice/);
    expect(() =>
      validateMemberRelations(household, [{ memberId: 'wife', relation: 'head' }], 'members', 0),
    ).toThrow(/members\[0\].relation/);
    expect(() =>
      validateMemberRelations(household, [{ memberId: 'wife', relation: 'cousin' }], 'members', 0),
    ).toThrow(/members\[0\].relation: must be one of/);
  });
});
