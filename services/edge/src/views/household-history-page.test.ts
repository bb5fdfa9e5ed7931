import { changedFields } from './household-history-page';

describe('household change diff', () => {
  it('lists the fields that changed, dates as partial dates, without technical fields', () => {
    expect(
      changedFields(
        {
          fullName: 'Trần Thị Hoa',
          dateOfBirth: { year: 1982, month: null, day: null },
          version: 1,
        },
        { fullName: 'Trần Thị Hòa', dateOfBirth: { year: 1982, month: 5, day: 0 }, version: 2 },
      ),
    ).toEqual([
      ['fullName', 'Trần Thị Hoa', 'Trần Thị Hòa'],
      ['dateOfBirth', '1982', '1982-05'],
    ]);
    expect(changedFields(null, { area: 'urban', updatedAt: 'x' })).toEqual([['area', '', 'urban']]);
  });
});
