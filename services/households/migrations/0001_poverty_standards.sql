-- National poverty standards (chuẩn nghèo) as versioned reference data: the standard, the
-- periods its rules are in force, income lines and rule structure per area, and indicators.
-- Every value carries a confidence tag: 'C' confirmed in a retrieved source, 'S' secondary
-- source only, 'M' recalled or inferred. 'S' and 'M' values are unverified: an administrator
-- corrects them with an UPDATE, no code change. Money is whole dong per person per month.

CREATE TABLE poverty_standard (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{4}-[0-9]{4}$'),
  legal_basis text NOT NULL,
  valid_from  date NOT NULL,                    -- nominal period: the years in the code
  valid_to    date NOT NULL,
  CHECK (valid_from <= valid_to)
);

-- When a standard's rules actually apply. The periods of all standards never overlap, so at
-- most one standard is in force on any date.
CREATE TABLE poverty_standard_in_force (
  standard_code text NOT NULL REFERENCES poverty_standard (code),
  valid_from    date NOT NULL,
  valid_to      date,                           -- inclusive; null while open-ended
  legal_basis   text NOT NULL,
  confidence    text NOT NULL CHECK (confidence IN ('C', 'S', 'M')),
  source_note   text NOT NULL,
  PRIMARY KEY (standard_code, valid_from),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist (daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE poverty_rule (
  standard_code              text NOT NULL REFERENCES poverty_standard (code),
  area                       text NOT NULL CHECK (area IN ('rural', 'urban')),
  income_only_poor_line      bigint CHECK (income_only_poor_line >= 0),
  poverty_line               bigint NOT NULL CHECK (poverty_line >= 0),
  average_living_line        bigint,
  min_deprivations_for_poor  integer NOT NULL CHECK (min_deprivations_for_poor >= 0),
  line_confidence            text NOT NULL CHECK (line_confidence IN ('C', 'S', 'M')),
  average_living_confidence  text CHECK (average_living_confidence IN ('C', 'S', 'M')),
  structure_confidence       text NOT NULL CHECK (structure_confidence IN ('C', 'S', 'M')),
  source_note                text NOT NULL,
  PRIMARY KEY (standard_code, area),
  CHECK (income_only_poor_line IS NULL OR income_only_poor_line < poverty_line),
  CHECK (average_living_line IS NULL OR average_living_line > poverty_line),
  CHECK ((average_living_line IS NULL) = (average_living_confidence IS NULL))
);

CREATE TABLE poverty_indicator (
  standard_code     text NOT NULL REFERENCES poverty_standard (code),
  code              text NOT NULL CHECK (code ~ '^[a-z][a-z_]*$'),
  position          integer NOT NULL,
  name_vi           text NOT NULL,
  dimension         text NOT NULL,
  dimension_name_vi text NOT NULL,
  confidence        text NOT NULL CHECK (confidence IN ('C', 'S', 'M')),
  source_note       text NOT NULL,
  PRIMARY KEY (standard_code, code),
  UNIQUE (standard_code, position)
);

INSERT INTO poverty_standard (code, legal_basis, valid_from, valid_to) VALUES
  ('2016-2020', 'Quyết định 59/2015/QĐ-TTg (19/11/2015)', '2016-01-01', '2020-12-31'),
  ('2022-2025', 'Nghị định 07/2021/NĐ-CP (27/01/2021), Điều 3', '2022-01-01', '2025-12-31'),
  ('2026-2030', 'Nghị định 351/2025/NĐ-CP (30/12/2025)', '2026-01-01', '2030-12-31');

-- 2021 stayed under 2016-2020; 2026 stays under 2022-2025; the 2026-2030 lines apply from 2027.
INSERT INTO poverty_standard_in_force
  (standard_code, valid_from, valid_to, legal_basis, confidence, source_note) VALUES
  ('2016-2020', '2016-01-01', '2020-12-31', 'Quyết định 59/2015/QĐ-TTg', 'C',
   'period of the standard'),
  ('2016-2020', '2021-01-01', '2021-12-31', 'kept for calendar year 2021', 'C',
   'the 2022-2025 standard starts in 2022; 2021 reviews used the 2016-2020 standard'),
  ('2022-2025', '2022-01-01', '2025-12-31', 'Nghị định 07/2021/NĐ-CP', 'C',
   'period of the standard'),
  ('2022-2025', '2026-01-01', '2026-12-31', 'Nghị định 351/2025/NĐ-CP', 'C',
   'Decree 351/2025 keeps the 2022-2025 standard (Decree 07, Art. 3) for calendar year 2026'),
  ('2026-2030', '2027-01-01', '2030-12-31', 'Nghị định 351/2025/NĐ-CP', 'C',
   'the new income lines apply from 2027');

INSERT INTO poverty_rule
  (standard_code, area, income_only_poor_line, poverty_line, average_living_line,
   min_deprivations_for_poor, line_confidence, average_living_confidence, structure_confidence,
   source_note) VALUES
  ('2016-2020', 'rural', 700000, 1000000, 1500000, 3, 'C', 'C', 'M',
   'policy poverty line 700,000 and minimum living standard 1,000,000 confirmed; the '
   'income-only poor band and the "and >= 3 deprivations" band are unverified'),
  ('2016-2020', 'urban', 900000, 1300000, 1950000, 3, 'C', 'C', 'M',
   'policy poverty line 900,000 and minimum living standard 1,300,000 confirmed; the '
   'income-only poor band and the "and >= 3 deprivations" band are unverified'),
  ('2022-2025', 'rural', NULL, 1500000, 2250000, 3, 'C', 'M', 'M',
   'income line confirmed; "income and >= 3 deprived" per Decree 07 Art. 3(2), to verify; '
   'average living line unverified (matches the Decree 30/2025 low-income threshold)'),
  ('2022-2025', 'urban', NULL, 2000000, 3000000, 3, 'C', 'M', 'M',
   'income line confirmed; "income and >= 3 deprived" per Decree 07 Art. 3(2), to verify; '
   'average living line unverified (matches the Decree 30/2025 low-income threshold)'),
  ('2026-2030', 'rural', NULL, 2200000, NULL, 3, 'C', NULL, 'C',
   'income line and structure confirmed; no average living line retrieved'),
  ('2026-2030', 'urban', NULL, 2800000, NULL, 3, 'C', NULL, 'C',
   'income line and structure confirmed; no average living line retrieved');

INSERT INTO poverty_indicator
  (standard_code, code, position, name_vi, dimension, dimension_name_vi, confidence,
   source_note) VALUES
  ('2016-2020', 'health_service_access', 1, 'Tiếp cận các dịch vụ y tế', 'health', 'Y tế',
   'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'health_insurance', 2, 'Bảo hiểm y tế', 'health', 'Y tế', 'C',
   'Decision 59/2015 indicator list'),
  ('2016-2020', 'adult_education', 3, 'Trình độ giáo dục của người lớn', 'education',
   'Giáo dục', 'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'child_school_attendance', 4, 'Tình trạng đi học của trẻ em', 'education',
   'Giáo dục', 'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'housing_quality', 5, 'Chất lượng nhà ở', 'housing', 'Nhà ở', 'C',
   'Decision 59/2015 indicator list'),
  ('2016-2020', 'housing_area', 6, 'Diện tích nhà ở bình quân đầu người', 'housing', 'Nhà ở',
   'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'domestic_water', 7, 'Nguồn nước sinh hoạt', 'water_sanitation',
   'Nước sạch và vệ sinh', 'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'hygienic_latrine', 8, 'Hố xí/nhà tiêu hợp vệ sinh', 'water_sanitation',
   'Nước sạch và vệ sinh', 'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'telecom_use', 9, 'Sử dụng dịch vụ viễn thông', 'information', 'Tiếp cận thông tin',
   'C', 'Decision 59/2015 indicator list'),
  ('2016-2020', 'information_assets', 10, 'Tài sản phục vụ tiếp cận thông tin', 'information',
   'Tiếp cận thông tin', 'C', 'Decision 59/2015 indicator list'),

  ('2022-2025', 'employment', 1, 'Việc làm', 'employment', 'Việc làm', 'C',
   'name confirmed; deprivation threshold wording unverified, check the Decree 07 appendix'),
  ('2022-2025', 'dependants', 2, 'Người phụ thuộc trong hộ gia đình', 'employment', 'Việc làm',
   'C', 'name confirmed; threshold (> 50% dependants) from a secondary source'),
  ('2022-2025', 'nutrition', 3, 'Dinh dưỡng', 'health', 'Y tế', 'C',
   'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'health_insurance', 4, 'Bảo hiểm y tế', 'health', 'Y tế', 'C',
   'name confirmed; age wording of the threshold unverified'),
  ('2022-2025', 'adult_education', 5, 'Trình độ giáo dục của người lớn', 'education',
   'Giáo dục', 'C', 'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'child_school_attendance', 6, 'Tình trạng đi học của trẻ em', 'education',
   'Giáo dục', 'C', 'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'housing_quality', 7, 'Chất lượng nhà ở', 'housing', 'Nhà ở', 'C',
   'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'housing_area', 8, 'Diện tích nhà ở bình quân đầu người', 'housing', 'Nhà ở',
   'C', 'name confirmed; threshold (< 8 m² per person) from a secondary source'),
  ('2022-2025', 'domestic_water', 9, 'Nguồn nước sinh hoạt', 'water_sanitation',
   'Nước sạch và vệ sinh', 'C', 'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'hygienic_latrine', 10, 'Nhà tiêu hợp vệ sinh', 'water_sanitation',
   'Nước sạch và vệ sinh', 'C', 'name confirmed; threshold from a secondary source'),
  ('2022-2025', 'telecom_use', 11, 'Sử dụng dịch vụ viễn thông', 'information', 'Thông tin',
   'C', 'name confirmed; threshold unverified'),
  ('2022-2025', 'information_access_means', 12, 'Phương tiện phục vụ tiếp cận thông tin',
   'information', 'Thông tin', 'C', 'name confirmed; threshold unverified'),

  ('2026-2030', 'employment', 1, 'Việc làm', 'employment', 'Việc làm', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'dependants', 2, 'Người phụ thuộc trong hộ gia đình', 'employment', 'Việc làm',
   'C', 'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'adult_education', 3, 'Trình độ giáo dục của người lớn', 'education',
   'Giáo dục', 'C', 'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'child_school_attendance', 4, 'Tình trạng đi học của trẻ em', 'education',
   'Giáo dục', 'C', 'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'nutrition', 5, 'Dinh dưỡng', 'health', 'Y tế', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'health_insurance', 6, 'Bảo hiểm y tế', 'health', 'Y tế', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'housing_area', 7, 'Diện tích nhà ở bình quân đầu người', 'housing', 'Nhà ở',
   'C', 'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'housing_quality', 8, 'Chất lượng nhà ở', 'housing', 'Nhà ở', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'telecom_use', 9, 'Sử dụng dịch vụ viễn thông', 'information', 'Thông tin', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'domestic_water', 10, 'Nguồn nước sinh hoạt', 'water_sanitation_environment',
   'Nước sạch, vệ sinh và môi trường', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'hygienic_latrine', 11, 'Nhà tiêu hợp vệ sinh', 'water_sanitation_environment',
   'Nước sạch, vệ sinh và môi trường', 'C',
   'Decree 351/2025 indicator list; threshold not retrieved'),
  ('2026-2030', 'waste_treatment', 12, 'Xử lý rác thải sinh hoạt', 'water_sanitation_environment',
   'Nước sạch, vệ sinh và môi trường', 'M',
   'new in Decree 351/2025 (confirmed); the Vietnamese name is our wording, verify');
