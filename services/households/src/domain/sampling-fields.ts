/**
 * Field catalogue of acceptance sampling (nghiệm thu). The plan for collecting and updating
 * poor-household data holds identity information of the household and its members (họ tên,
 * ngày tháng năm sinh, giới tính, địa chỉ, số định danh / CMND, họ tên chủ hộ) to an error
 * rate of at most 0.5 %, every other field to at most 2 %. This list is the one place that
 * says which checked field is an identity field; any other field code counts as "other".
 */
export type FieldKind = 'identity' | 'other';

/** Identity fields (thông tin định danh), with whether they belong to a member. */
export const IDENTITY_FIELDS: ReadonlyMap<string, { memberField: boolean; nameVi: string }> =
  new Map([
    ['full_name', { memberField: true, nameVi: 'Họ và tên' }],
    ['date_of_birth', { memberField: true, nameVi: 'Ngày tháng năm sinh' }],
    ['sex', { memberField: true, nameVi: 'Giới tính' }],
    ['citizen_id', { memberField: true, nameVi: 'Số định danh cá nhân / CMND' }],
    ['relation', { memberField: true, nameVi: 'Quan hệ với chủ hộ' }],
    ['household_code', { memberField: false, nameVi: 'Mã hộ' }],
    ['address', { memberField: false, nameVi: 'Địa chỉ' }],
    ['head_name', { memberField: false, nameVi: 'Họ tên chủ hộ' }],
  ]);

/** Limits as exact fractions: identity ≤ 1/200 (0,5 %), other ≤ 1/50 (2 %). */
export const ERROR_LIMITS: Readonly<Record<FieldKind, { numerator: number; denominator: number }>> =
  {
    identity: { numerator: 1, denominator: 200 },
    other: { numerator: 1, denominator: 50 },
  };

const FIELD_CODE = /^[a-z][a-z0-9_]{0,63}$/;

export function isFieldCode(code: string): boolean {
  return FIELD_CODE.test(code);
}

export function kindOfField(code: string): FieldKind {
  return IDENTITY_FIELDS.has(code) ? 'identity' : 'other';
}
