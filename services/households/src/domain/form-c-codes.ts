/**
 * The enumerated codes of the form C / C1 fields, in one place. The official form layouts
 * are not in our sources: the lists below are our design after the deprivation indicators
 * of Decree 07/2021 and Decree 351/2025 ([M] = to be confirmed against the official forms).
 * Each code has its Vietnamese label, which the import template shows and also accepts.
 */

export interface CodeEntry {
  code: string;
  /** Label on the form and in the template. */
  labelVi: string;
}

export type CodeList = readonly CodeEntry[];

/** Phiếu C (hộ nghèo, hộ cận nghèo) or C1 (hộ có người hưởng trợ cấp xã hội hàng tháng). */
export const FORM_TYPES: CodeList = [
  { code: 'C', labelVi: 'Phiếu C' },
  { code: 'C1', labelVi: 'Phiếu C1' },
];

/** Chất lượng nhà ở [M]. */
export const HOUSING_QUALITY: CodeList = [
  { code: 'durable', labelVi: 'Nhà kiên cố' },
  { code: 'semi_durable', labelVi: 'Nhà bán kiên cố' },
  { code: 'less_durable', labelVi: 'Nhà thiếu kiên cố' },
  { code: 'makeshift', labelVi: 'Nhà đơn sơ' },
  { code: 'none', labelVi: 'Không có nhà ở' },
];

/** Nguồn nước sinh hoạt chính [M]. */
export const DRINKING_WATER: CodeList = [
  { code: 'piped', labelVi: 'Nước máy' },
  { code: 'drilled_well', labelVi: 'Giếng khoan' },
  { code: 'protected_dug_well', labelVi: 'Giếng đào được bảo vệ' },
  { code: 'protected_spring', labelVi: 'Nước khe/mó được bảo vệ' },
  { code: 'rainwater', labelVi: 'Nước mưa' },
  { code: 'bottled', labelVi: 'Nước đóng bình' },
  { code: 'unprotected', labelVi: 'Giếng đào/khe mó không được bảo vệ' },
  { code: 'surface', labelVi: 'Nước sông, suối, ao, hồ' },
  { code: 'other', labelVi: 'Khác' },
];

/** Loại nhà tiêu [M]. */
export const SANITATION: CodeList = [
  { code: 'septic', labelVi: 'Tự hoại' },
  { code: 'semi_septic', labelVi: 'Bán tự hoại' },
  { code: 'double_vault', labelVi: 'Hai ngăn' },
  { code: 'ventilated_pit', labelVi: 'Chìm có ống thông hơi' },
  { code: 'pit_without_slab', labelVi: 'Hố xí đơn giản' },
  { code: 'none', labelVi: 'Không có nhà tiêu' },
];

/** Tài sản, phương tiện tiếp cận thông tin (several per household) [M]. */
export const ASSETS: CodeList = [
  { code: 'tv', labelVi: 'Ti vi' },
  { code: 'radio', labelVi: 'Radio' },
  { code: 'computer', labelVi: 'Máy vi tính' },
  { code: 'smartphone', labelVi: 'Điện thoại thông minh' },
  { code: 'phone', labelVi: 'Điện thoại thường' },
  { code: 'tablet', labelVi: 'Máy tính bảng' },
  { code: 'motorbike', labelVi: 'Xe máy' },
  { code: 'fridge', labelVi: 'Tủ lạnh' },
];

/** Trình độ giáo dục cao nhất [M]. */
export const EDUCATION_LEVEL: CodeList = [
  { code: 'none', labelVi: 'Chưa đi học' },
  { code: 'primary', labelVi: 'Tiểu học' },
  { code: 'lower_secondary', labelVi: 'Trung học cơ sở' },
  { code: 'upper_secondary', labelVi: 'Trung học phổ thông' },
  { code: 'vocational', labelVi: 'Sơ cấp/trung cấp nghề' },
  { code: 'college', labelVi: 'Cao đẳng' },
  { code: 'university', labelVi: 'Đại học trở lên' },
];

/** Tình trạng đi học [M]. */
export const SCHOOL_ATTENDANCE: CodeList = [
  { code: 'attending', labelVi: 'Đang đi học' },
  { code: 'dropped_out', labelVi: 'Đã bỏ học' },
  { code: 'never_attended', labelVi: 'Chưa bao giờ đi học' },
  { code: 'finished', labelVi: 'Đã học xong' },
  { code: 'not_applicable', labelVi: 'Không thuộc diện' },
];

/** Bảo hiểm y tế [M]: `none` is the deprivation. */
export const HEALTH_INSURANCE: CodeList = [
  { code: 'none', labelVi: 'Không có thẻ BHYT' },
  { code: 'state_budget', labelVi: 'Ngân sách nhà nước đóng/hỗ trợ' },
  { code: 'compulsory', labelVi: 'Bắt buộc (người lao động)' },
  { code: 'voluntary', labelVi: 'Tự nguyện/hộ gia đình' },
  { code: 'student', labelVi: 'Học sinh, sinh viên' },
  { code: 'other', labelVi: 'Khác' },
];

/** Tình trạng việc làm [M]. */
export const EMPLOYMENT: CodeList = [
  { code: 'employed_contract', labelVi: 'Có việc làm, có hợp đồng lao động' },
  { code: 'employed_no_contract', labelVi: 'Có việc làm, không có hợp đồng' },
  { code: 'self_employed', labelVi: 'Tự làm' },
  { code: 'unemployed', labelVi: 'Thất nghiệp' },
  { code: 'student', labelVi: 'Đang đi học' },
  { code: 'retired', labelVi: 'Nghỉ hưu' },
  { code: 'unable_to_work', labelVi: 'Không có khả năng lao động' },
  { code: 'homemaker', labelVi: 'Nội trợ' },
  { code: 'below_working_age', labelVi: 'Dưới tuổi lao động' },
];

/** Mức độ khuyết tật (khuyết tật nhẹ, nặng, đặc biệt nặng). */
export const DISABILITY: CodeList = [
  { code: 'none', labelVi: 'Không khuyết tật' },
  { code: 'mild', labelVi: 'Khuyết tật nhẹ' },
  { code: 'severe', labelVi: 'Khuyết tật nặng' },
  { code: 'extremely_severe', labelVi: 'Khuyết tật đặc biệt nặng' },
];

/** Nhóm đối tượng hưởng trợ cấp xã hội hàng tháng, Decree 20/2021 Art. 5 (groups 1-8). */
export const SOCIAL_ASSISTANCE_CATEGORY: CodeList = [
  { code: '1', labelVi: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng' },
  { code: '2', labelVi: 'Người 16-22 tuổi thuộc nhóm 1 đang đi học' },
  { code: '3', labelVi: 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo' },
  { code: '4', labelVi: 'Người đơn thân nghèo đang nuôi con' },
  { code: '5a', labelVi: 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng' },
  { code: '5b', labelVi: 'Người 75-80 tuổi thuộc hộ nghèo, cận nghèo vùng đặc biệt khó khăn' },
  { code: '5c', labelVi: 'Người từ 80 tuổi không có lương hưu, trợ cấp' },
  { code: '5d', labelVi: 'Người cao tuổi thuộc hộ nghèo được nhận chăm sóc tại cộng đồng' },
  { code: '6', labelVi: 'Người khuyết tật nặng, đặc biệt nặng' },
  { code: '7', labelVi: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo vùng đặc biệt khó khăn' },
  { code: '8', labelVi: 'Người nhiễm HIV/AIDS thuộc hộ nghèo' },
];

function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** The code for a code or a Vietnamese label (case-insensitive), or undefined. */
export function codeOf(list: CodeList, raw: string): string | undefined {
  const key = fold(raw);
  return list.find((e) => e.code.toLowerCase() === key || fold(e.labelVi) === key)?.code;
}

/** "durable, semi_durable, ..." for error messages. */
export function codesText(list: CodeList): string {
  return list.map((e) => e.code).join(', ');
}
