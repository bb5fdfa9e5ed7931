import { isLive, rulesMatched, type CandidateSubject, type PersonOnFile } from './candidate-rules';

const person = (over: Partial<PersonOnFile> = {}): PersonOnFile => ({
  memberId: 'm-1',
  householdId: 'h-1',
  householdCode: '00004-2026-000001',
  communeCode: '00004',
  provinceCode: '01',
  fullName: 'Nguyễn Văn Đức',
  nameSearch: 'nguyen van duc',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  citizenId: '001085012345',
  present: true,
  deceased: false,
  mergedIntoMemberId: null,
  ...over,
});

const subject = (over: Partial<CandidateSubject> = {}): CandidateSubject => ({
  citizenId: '001085012345',
  nameSearch: 'nguyen van duc',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  communeCode: '00004',
  ...over,
});

describe('duplicate candidate rules', () => {
  it('matches the same citizen ID anywhere in the country', () => {
    const elsewhere = person({
      communeCode: '26734',
      provinceCode: '79',
      nameSearch: 'le thi hoa',
    });
    expect(rulesMatched(subject(), elsewhere)).toEqual(['citizen_id']);
  });

  it('matches name and date of birth only within the same commune', () => {
    const noId = subject({ citizenId: null });
    expect(rulesMatched(noId, person())).toEqual(['name_birth_commune']);
    expect(rulesMatched(noId, person({ communeCode: '00008' }))).toEqual([]);
    expect(rulesMatched(subject(), person())).toEqual(['citizen_id', 'name_birth_commune']);
  });

  it('compares every part of the birth date, an unknown part only with an unknown part', () => {
    const noId = subject({ citizenId: null });
    expect(rulesMatched(noId, person({ dateOfBirth: { year: 1985, month: 3, day: 15 } }))).toEqual(
      [],
    );
    expect(
      rulesMatched(noId, person({ dateOfBirth: { year: 1985, month: 3, day: null } })),
    ).toEqual([]);
    const yearOnly = subject({
      citizenId: null,
      dateOfBirth: { year: 1985, month: null, day: null },
    });
    expect(
      rulesMatched(yearOnly, person({ dateOfBirth: { year: 1985, month: null, day: null } })),
    ).toEqual(['name_birth_commune']);
  });

  it('never matches deceased, moved-out or merged members', () => {
    for (const gone of [
      person({ deceased: true }),
      person({ present: false }),
      person({ mergedIntoMemberId: 'm-9' }),
    ]) {
      expect(isLive(gone)).toBe(false);
      expect(rulesMatched(subject(), gone)).toEqual([]);
    }
  });

  it('does not match on an empty citizen ID or an empty name', () => {
    expect(
      rulesMatched(
        subject({ citizenId: null, nameSearch: '' }),
        person({ citizenId: null, nameSearch: '' }),
      ),
    ).toEqual([]);
  });
});
