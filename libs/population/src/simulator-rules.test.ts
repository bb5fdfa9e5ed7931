import { answer, datesAgree, derivePerson, isWellFormedQuery } from './simulator-rules';

const query = {
  citizenId: '001085012345',
  fullName: 'Nguyễn Văn Đức',
  dateOfBirth: '1985-03-14',
  sex: 'male' as const,
};

describe('population simulator rules', () => {
  it('does not find IDs whose last digit is 0', () => {
    expect(answer({ ...query, citizenId: '001085012340' }, new Map())).toEqual({ found: false });
  });

  it('derives sex and birth year from the ID when it holds no record', () => {
    expect(derivePerson('001085012345')).toEqual({
      fullName: null,
      dateOfBirth: '1985',
      sex: 'male',
    });
    expect(derivePerson('079305000111')).toEqual({
      fullName: null,
      dateOfBirth: '2005',
      sex: 'female',
    });
    expect(answer(query, new Map())).toEqual({ found: true, mismatchedFields: [] });
    expect(answer({ ...query, dateOfBirth: '1986-03-14', sex: 'female' }, new Map())).toEqual({
      found: true,
      mismatchedFields: ['date_of_birth', 'sex'],
    });
  });

  it('compares a held record without case or diacritics', () => {
    const held = new Map([
      [
        query.citizenId,
        { fullName: 'NGUYEN VAN DUC', dateOfBirth: '1985-03-14', sex: 'male' as const },
      ],
    ]);
    expect(answer(query, held)).toEqual({ found: true, mismatchedFields: [] });
    expect(answer({ ...query, fullName: 'Nguyễn Văn Đạt' }, held)).toEqual({
      found: true,
      mismatchedFields: ['full_name'],
    });
  });

  it('compares dates on the parts both sides give', () => {
    expect(datesAgree('1985', '1985-03-14')).toBe(true);
    expect(datesAgree('1985-04', '1985-03-14')).toBe(false);
  });

  it('refuses malformed queries', () => {
    expect(isWellFormedQuery(query)).toBe(true);
    expect(isWellFormedQuery({ ...query, citizenId: '12' })).toBe(false);
    expect(isWellFormedQuery({ ...query, dateOfBirth: '14/03/1985' })).toBe(false);
    expect(isWellFormedQuery({ ...query, fullName: ' ' })).toBe(false);
  });
});
