/** Requests the registry integration tests share. */
import { Area, Sex, type CreateHouseholdRequest, type MemberInput } from '@posa/proto';

export const COMMUNE = '00004'; // Phường Ba Đình, Hà Nội (01)
export const OTHER_COMMUNE = '00008'; // Phường Ngọc Hà, Hà Nội

export const head: MemberInput = {
  fullName: 'Nguyễn Văn Đức',
  dateOfBirth: { year: 1985, month: 3, day: 14 },
  sex: Sex.SEX_MALE,
  ethnicGroupCode: '01',
  citizenId: '001085012345',
  relation: 'head',
};
export const child: MemberInput = {
  fullName: 'Nguyễn Thị Mai',
  dateOfBirth: { year: 2012, month: 0, day: 0 },
  sex: Sex.SEX_FEMALE,
  ethnicGroupCode: '01',
  citizenId: '',
  relation: 'child',
};

export const request = (over: Partial<CreateHouseholdRequest> = {}): CreateHouseholdRequest => ({
  communeCode: COMMUNE,
  villageCode: 'TDP-01',
  streetAddress: '12 Phố Đội Cấn',
  area: Area.AREA_URBAN,
  members: [head, child],
  reason: 'đăng ký hộ mới',
  ...over,
});
