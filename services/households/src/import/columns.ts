/**
 * The documented columns of an import file (XLSX village file or CSV bulk file), in order.
 * The key is the machine name (CSV header, second header row of the XLSX sheet); the
 * label is the Vietnamese heading shown above it in the template. Household columns are
 * read from the head's row (chủ hộ); on other member rows they may be left empty.
 */

export type ColumnLevel = 'household' | 'member';

export interface ImportColumn {
  key: string;
  labelVi: string;
  level: ColumnLevel;
  /** Help shown in the template's notes sheet. */
  note: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'household_no',
    labelVi: 'Số TT hộ',
    level: 'household',
    note: 'groups the member rows of one household; the same number on every member row',
  },
  {
    key: 'household_code',
    labelVi: 'Mã hộ',
    level: 'household',
    note: 'national code of a household already registered; empty for a new one',
  },
  {
    key: 'village_code',
    labelVi: 'Mã thôn/tổ dân phố',
    level: 'household',
    note: 'CSV only; a village file takes it from the header',
  },
  {
    key: 'street_address',
    labelVi: 'Địa chỉ',
    level: 'household',
    note: 'required on the head row',
  },
  {
    key: 'area',
    labelVi: 'Khu vực',
    level: 'household',
    note: 'rural (nông thôn) or urban (thành thị)',
  },
  {
    key: 'form_type',
    labelVi: 'Loại phiếu',
    level: 'household',
    note: 'C or C1; empty = the form chosen for the upload',
  },
  {
    key: 'housing_quality',
    labelVi: 'Chất lượng nhà ở',
    level: 'household',
    note: 'code or label of the list',
  },
  {
    key: 'housing_area_m2',
    labelVi: 'Diện tích nhà ở (m²)',
    level: 'household',
    note: 'whole square metres',
  },
  {
    key: 'drinking_water',
    labelVi: 'Nguồn nước sinh hoạt',
    level: 'household',
    note: 'code or label of the list',
  },
  {
    key: 'sanitation',
    labelVi: 'Loại nhà tiêu',
    level: 'household',
    note: 'code or label of the list',
  },
  {
    key: 'telecom_use',
    labelVi: 'Sử dụng dịch vụ viễn thông',
    level: 'household',
    note: 'có/không',
  },
  {
    key: 'assets',
    labelVi: 'Tài sản tiếp cận thông tin',
    level: 'household',
    note: 'codes separated by ";" or ","',
  },
  {
    key: 'income_per_capita_month',
    labelVi: 'Thu nhập bình quân (đồng/người/tháng)',
    level: 'household',
    note: 'whole dong',
  },
  { key: 'full_name', labelVi: 'Họ và tên', level: 'member', note: 'required' },
  {
    key: 'date_of_birth',
    labelVi: 'Ngày sinh',
    level: 'member',
    note: 'dd/mm/yyyy, mm/yyyy or yyyy; an Excel date is accepted',
  },
  { key: 'sex', labelVi: 'Giới tính', level: 'member', note: 'nam/nữ (male/female)' },
  { key: 'ethnic_group_code', labelVi: 'Mã dân tộc', level: 'member', note: '01-54' },
  {
    key: 'citizen_id',
    labelVi: 'Số định danh cá nhân',
    level: 'member',
    note: '12 digits as text (keep the leading zero)',
  },
  {
    key: 'relation',
    labelVi: 'Quan hệ với chủ hộ',
    level: 'member',
    note: 'chủ hộ, vợ/chồng, con, ... or the codes head, spouse, child, ...',
  },
  {
    key: 'education_level',
    labelVi: 'Trình độ giáo dục',
    level: 'member',
    note: 'code or label of the list',
  },
  {
    key: 'school_attendance',
    labelVi: 'Tình trạng đi học',
    level: 'member',
    note: 'code or label of the list',
  },
  {
    key: 'health_insurance',
    labelVi: 'Bảo hiểm y tế',
    level: 'member',
    note: 'code or label of the list',
  },
  { key: 'employment', labelVi: 'Việc làm', level: 'member', note: 'code or label of the list' },
  { key: 'occupation', labelVi: 'Nghề nghiệp', level: 'member', note: 'free text' },
  { key: 'disability', labelVi: 'Khuyết tật', level: 'member', note: 'code or label of the list' },
  {
    key: 'social_assistance',
    labelVi: 'Đang hưởng trợ cấp xã hội hàng tháng',
    level: 'member',
    note: 'có/không',
  },
  {
    key: 'social_assistance_category',
    labelVi: 'Nhóm đối tượng (NĐ 20/2021)',
    level: 'member',
    note: '1, 2, 3, 4, 5a, 5b, 5c, 5d, 6, 7, 8',
  },
];

export const COLUMN_KEYS: readonly string[] = IMPORT_COLUMNS.map((c) => c.key);

/** Labels (lower case, NFC) accepted for the relation codes of household-input.ts. */
export const RELATION_LABELS: Readonly<Record<string, string>> = {
  'chủ hộ': 'head',
  vợ: 'spouse',
  chồng: 'spouse',
  'vợ/chồng': 'spouse',
  con: 'child',
  bố: 'parent',
  mẹ: 'parent',
  'bố/mẹ': 'parent',
  'bố/mẹ vợ/chồng': 'parent_in_law',
  'con dâu/rể': 'child_in_law',
  cháu: 'grandchild',
  'ông/bà': 'grandparent',
  'anh/chị/em': 'sibling',
  'họ hàng khác': 'other_relative',
  khác: 'other',
};

/** Header-block labels of a village file (rows above the column headings). */
export const HEADER_COMMUNE = 'Mã xã/phường';
export const HEADER_VILLAGE = 'Mã thôn/tổ dân phố';
export const HEADER_FORM = 'Loại phiếu';
