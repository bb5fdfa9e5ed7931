/**
 * Public holidays (ngày nghỉ lễ, Tết) of Vietnam that fall on weekdays, for every time limit
 * counted in working days (ngày làm việc): case steps, complaints, online applications, the
 * public posting of a review round. Bộ luật Lao động 2019, Điều 112, with the day off given
 * in lieu when a holiday falls on a weekend, as announced each year. Tag M: the dates are
 * ours until each year's announcement is checked (Tết of 2027, the day next to 2/9).
 * One list for every service; a new year is added here.
 */
export interface PublicHoliday {
  /** YYYY-MM-DD, a weekday. */
  day: string;
  nameVi: string;
  tag: 'C' | 'S' | 'M';
}

export const PUBLIC_HOLIDAYS: readonly PublicHoliday[] = Object.freeze([
  { day: '2024-01-01', nameVi: 'Tết Dương lịch', tag: 'M' },
  { day: '2024-02-08', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2024-02-09', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2024-02-12', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2024-02-13', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2024-02-14', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2024-04-18', nameVi: 'Giỗ Tổ Hùng Vương', tag: 'M' },
  { day: '2024-04-30', nameVi: 'Ngày Chiến thắng', tag: 'M' },
  { day: '2024-05-01', nameVi: 'Ngày Quốc tế lao động', tag: 'M' },
  { day: '2024-09-02', nameVi: 'Quốc khánh', tag: 'M' },
  { day: '2024-09-03', nameVi: 'Quốc khánh (ngày liền kề)', tag: 'M' },
  { day: '2025-01-01', nameVi: 'Tết Dương lịch', tag: 'M' },
  { day: '2025-01-27', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2025-01-28', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2025-01-29', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2025-01-30', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2025-01-31', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2025-04-07', nameVi: 'Giỗ Tổ Hùng Vương', tag: 'M' },
  { day: '2025-04-30', nameVi: 'Ngày Chiến thắng', tag: 'M' },
  { day: '2025-05-01', nameVi: 'Ngày Quốc tế lao động', tag: 'M' },
  { day: '2025-09-01', nameVi: 'Quốc khánh (ngày liền kề)', tag: 'M' },
  { day: '2025-09-02', nameVi: 'Quốc khánh', tag: 'M' },
  { day: '2026-01-01', nameVi: 'Tết Dương lịch', tag: 'M' },
  { day: '2026-02-16', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2026-02-17', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2026-02-18', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2026-02-19', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2026-02-20', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2026-04-27', nameVi: 'Giỗ Tổ Hùng Vương (nghỉ bù)', tag: 'M' },
  { day: '2026-04-30', nameVi: 'Ngày Chiến thắng', tag: 'M' },
  { day: '2026-05-01', nameVi: 'Ngày Quốc tế lao động', tag: 'M' },
  { day: '2026-09-01', nameVi: 'Quốc khánh (ngày liền kề)', tag: 'M' },
  { day: '2026-09-02', nameVi: 'Quốc khánh', tag: 'M' },
  { day: '2027-01-01', nameVi: 'Tết Dương lịch', tag: 'M' },
  { day: '2027-02-05', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2027-02-08', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2027-02-09', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2027-02-10', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2027-02-11', nameVi: 'Tết Nguyên đán', tag: 'M' },
  { day: '2027-04-16', nameVi: 'Giỗ Tổ Hùng Vương', tag: 'M' },
  { day: '2027-04-30', nameVi: 'Ngày Chiến thắng', tag: 'M' },
  { day: '2027-05-03', nameVi: 'Ngày Quốc tế lao động (nghỉ bù)', tag: 'M' },
  { day: '2027-09-02', nameVi: 'Quốc khánh', tag: 'M' },
  { day: '2027-09-03', nameVi: 'Quốc khánh (ngày liền kề)', tag: 'M' },
]);

/** The days of PUBLIC_HOLIDAYS, for the working-day functions. */
export const PUBLIC_HOLIDAY_DAYS: ReadonlySet<string> = new Set(PUBLIC_HOLIDAYS.map((h) => h.day));
