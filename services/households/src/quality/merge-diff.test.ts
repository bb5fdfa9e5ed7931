import type { MemberRecord } from '../domain/household-state';
import { mergeDifferences } from './merge-diff';

const kept: MemberRecord = {
  id: 'x',
  fullName: 'Nguyễn Văn Đức',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  sex: 'male',
  ethnicGroupCode: '01',
  citizenId: '001085012345',
  relation: 'head',
  deceasedOn: null,
};

describe('merge field differences', () => {
  it('is empty for records that agree (ids aside)', () => {
    expect(mergeDifferences(kept, { ...kept, id: 'y' })).toEqual([]);
  });

  it('lists each differing field with both values as text', () => {
    const merged: MemberRecord = {
      ...kept,
      id: 'y',
      fullName: 'Nguyen Van Duc',
      dateOfBirth: { year: 1985, month: 3, day: null },
      citizenId: null,
      relation: 'other',
    };
    expect(mergeDifferences(kept, merged)).toEqual([
      { field: 'full_name', keptValue: 'Nguyễn Văn Đức', mergedValue: 'Nguyen Van Duc' },
      { field: 'date_of_birth', keptValue: '1985-03-14', mergedValue: '1985-03' },
      { field: 'citizen_id', keptValue: '001085012345', mergedValue: '' },
      { field: 'relation', keptValue: 'head', mergedValue: 'other' },
    ]);
  });

  it('lists form fields present on either side', () => {
    const a = { ...kept, formC: { employment: 'employed' } } as unknown as MemberRecord;
    const b = { ...kept, id: 'y', formC: { employment: 'unemployed', disability: 'severe' } };
    expect(mergeDifferences(a, b as unknown as MemberRecord)).toEqual([
      { field: 'form_c.disability', keptValue: '', mergedValue: '"severe"' },
      { field: 'form_c.employment', keptValue: '"employed"', mergedValue: '"unemployed"' },
    ]);
  });
});
