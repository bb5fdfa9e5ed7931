import type { InvalidArgumentError } from '@posa/platform';
import {
  validateBirthDate,
  validateMember,
  validateNewMembers,
  type RawMember,
} from './household-input';

const TODAY = '2026-11-23';
const head: RawMember = {
  fullName: ' Nguyễn Văn Đức ',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  sex: 'male',
  ethnicGroupCode: '01',
  citizenId: '001085012345',
  relation: 'head',
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as InvalidArgumentError).field;
  }
  throw new Error('expected a validation error');
}

describe('household input', () => {
  it('normalises a valid member', () => {
    const m = validateMember(head, 'members[0]', TODAY);
    expect(m.fullName).toBe('Nguyễn Văn Đức');
    expect(m.dateOfBirth).toEqual({ year: 1985, month: 3, day: 14 });
    expect(m.citizenId).toBe('001085012345');
  });

  it('names the field of each error', () => {
    expect(fieldOf(() => validateMember({ ...head, fullName: ' ' }, 'm', TODAY))).toBe(
      'm.full_name',
    );
    expect(
      fieldOf(() => validateMember({ ...head, citizenId: '001185012345' }, 'members[0]', TODAY)),
    ).toBe('members[0].citizen_id');
    expect(fieldOf(() => validateMember({ ...head, relation: 'cousin' }, 'm', TODAY))).toBe(
      'm.relation',
    );
    expect(fieldOf(() => validateMember({ ...head, ethnicGroupCode: '55' }, 'm', TODAY))).toBe(
      'm.ethnic_group_code',
    );
    expect(fieldOf(() => validateMember({ ...head, sex: undefined }, 'm', TODAY))).toBe('m.sex');
  });

  it('refuses future, implausible and impossible dates of birth', () => {
    expect(fieldOf(() => validateBirthDate({ year: 2026, month: 12, day: 1 }, 'd', TODAY))).toBe(
      'd',
    );
    expect(fieldOf(() => validateBirthDate({ year: 2027, month: 0, day: 0 }, 'd', TODAY))).toBe(
      'd',
    );
    expect(fieldOf(() => validateBirthDate({ year: 1890, month: 0, day: 0 }, 'd', TODAY))).toBe(
      'd',
    );
    expect(fieldOf(() => validateBirthDate({ year: 1990, month: 2, day: 30 }, 'd', TODAY))).toBe(
      'd',
    );
    expect(fieldOf(() => validateBirthDate({ year: 1990, month: 0, day: 3 }, 'd', TODAY))).toBe(
      'd',
    );
    expect(validateBirthDate({ year: 1950, month: 0, day: 0 }, 'd', TODAY)).toEqual({
      year: 1950,
      month: null,
      day: null,
    });
    expect(validateBirthDate({ year: 2026, month: 11, day: 0 }, 'd', TODAY).month).toBe(11);
  });

  it('needs exactly one head and no ID twice', () => {
    const child: RawMember = { ...head, relation: 'child', citizenId: '' };
    expect(validateNewMembers([head, child], TODAY)).toHaveLength(2);
    expect(fieldOf(() => validateNewMembers([child], TODAY))).toBe('members');
    expect(fieldOf(() => validateNewMembers([], TODAY))).toBe('members');
    expect(fieldOf(() => validateNewMembers([head, { ...head, relation: 'spouse' }], TODAY))).toBe(
      'members[1].citizen_id',
    );
  });
});
