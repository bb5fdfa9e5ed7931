import type { MemberRecord } from './household-state';
import { changedMember } from './member-change';

const verified: MemberRecord = {
  id: 'm-1',
  fullName: 'Nguyễn Văn Đức',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  sex: 'male',
  ethnicGroupCode: '01',
  citizenId: '001085012345',
  relation: 'head',
  deceasedOn: null,
  populationCheck: { outcome: 'match', mismatchedFields: [], verifiedAt: '2026-11-20T03:00:00Z' },
};

describe('changedMember', () => {
  it('keeps the population check when only other fields change', () => {
    const after = changedMember(verified, { relation: 'spouse', ethnicGroupCode: '02' });
    expect(after.populationCheck).toEqual(verified.populationCheck);
    expect(after.relation).toBe('spouse');
  });

  it.each([
    ['fullName', { fullName: 'Nguyễn Văn Đực' }],
    ['dateOfBirth', { dateOfBirth: { year: 1985, month: 3, day: 15 } }],
    ['sex', { sex: 'female' as const }],
    ['citizenId', { citizenId: null }],
  ])('drops it when %s changes', (_field, fields) => {
    expect(changedMember(verified, fields).populationCheck).toBeUndefined();
  });

  it('does not modify the record it was given', () => {
    changedMember(verified, { fullName: 'Trần Văn B' });
    expect(verified.populationCheck).toBeDefined();
  });
});
