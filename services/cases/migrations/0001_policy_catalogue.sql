-- Policy catalogue of social assistance (danh mục chính sách trợ giúp xã hội), as versioned data:
-- base levels (mức chuẩn), allowance categories (diện hưởng trợ cấp xã hội hàng tháng) and their
-- coefficients (hệ số), care-support types, emergency-assistance forms, procedure rules with
-- their time limits in working days, public holidays, and the audit of every catalogue edit.
-- Validity is [valid_from, valid_to], both inclusive, valid_to null while open. A change takes
-- effect from a date and never rewrites the past: new versions are added, the one in force is
-- closed the day before. Every row carries its legal source and a tag: 'C' confirmed in a
-- retrieved source, 'S' secondary source only, 'M' recalled or inferred. 'S' and 'M' rows are
-- unverified data an administrator corrects through the service, never constants in code.
-- Money is whole dong (bigint); coefficients are integer hundredths (1.5 -> 150).

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE base_level (
  id            text PRIMARY KEY,
  province_code text CHECK (province_code ~ '^[0-9]{2}$'),   -- null = national
  amount_vnd    bigint NOT NULL CHECK (amount_vnd > 0),
  valid_from    date NOT NULL,
  valid_to      date,
  legal_source  text NOT NULL,
  tag           text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist ((coalesce(province_code, 'VN')) WITH =,
    daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE allowance_category (
  code          text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  kind          text NOT NULL CHECK (kind = 'monthly_allowance'),
  group_label   text NOT NULL CHECK (group_label IN ('1', '2', '3', '4', '5a', '5b', '5c', '5d', '6', '7', '8')),
  decree        text NOT NULL,
  name_vi       text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  legal_source  text NOT NULL,
  tag           text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

-- One line of the coefficient table (Decree 20/2021 Art. 6(1)): age band [min, max) in months
-- (null = unbounded), disability level (null = any). Lines of one category and level never
-- overlap in age and validity.
CREATE TABLE coefficient_rule (
  id                     text PRIMARY KEY,
  category_code          text NOT NULL REFERENCES allowance_category (code),
  min_age_months         integer CHECK (min_age_months >= 0),
  max_age_months         integer CHECK (max_age_months > 0),
  disability_level       text CHECK (disability_level IN ('severe', 'extremely_severe')),
  coefficient_hundredths integer NOT NULL CHECK (coefficient_hundredths BETWEEN 1 AND 10000),
  valid_from             date NOT NULL,
  valid_to               date,
  legal_source           text NOT NULL,
  tag                    text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  CHECK (min_age_months IS NULL OR max_age_months IS NULL OR min_age_months < max_age_months),
  EXCLUDE USING gist (category_code WITH =, (coalesce(disability_level, '')) WITH =,
    int4range(min_age_months, max_age_months) WITH &&,
    daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE INDEX coefficient_rule_category ON coefficient_rule (category_code, valid_from);

-- Hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng: versions per code.
CREATE TABLE care_support_type (
  code                   text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_vi                text NOT NULL,
  coefficient_hundredths integer NOT NULL CHECK (coefficient_hundredths BETWEEN 1 AND 10000),
  valid_from             date NOT NULL,
  valid_to               date,
  legal_source           text NOT NULL,
  tag                    text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Trợ giúp khẩn cấp: versions per code.
CREATE TABLE emergency_assistance_type (
  code           text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_vi        text NOT NULL,
  description_vi text NOT NULL,
  valid_from     date NOT NULL,
  valid_to       date,
  legal_source   text NOT NULL,
  tag            text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Who appraises (thẩm định) and decides (quyết định), and the working days of each step: the
-- completeness check after filing, the appraisal after the check, the decision after the
-- appraisal. Rules never overlap: one is in force on any date.
CREATE TABLE procedure_rule (
  code              text PRIMARY KEY,
  valid_from        date NOT NULL,
  valid_to          date,
  appraisal_level   text NOT NULL CHECK (appraisal_level IN ('district', 'commune')),
  decision_level    text NOT NULL CHECK (decision_level IN ('district', 'commune')),
  completeness_days integer NOT NULL CHECK (completeness_days >= 0),
  appraisal_days    integer NOT NULL CHECK (appraisal_days >= 0),
  decision_days     integer NOT NULL CHECK (decision_days >= 0),
  legal_source      text NOT NULL,
  tag               text NOT NULL CHECK (tag IN ('C', 'S', 'M')),
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist (daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Public holidays (ngày nghỉ lễ, Tết) on weekdays, for working-day time limits.
CREATE TABLE public_holiday (
  day     date PRIMARY KEY,
  name_vi text NOT NULL,
  tag     text NOT NULL CHECK (tag IN ('C', 'S', 'M'))
);

-- The audit of every catalogue edit, written in the transaction of the edit.
CREATE TABLE policy_change (
  seq             bigserial PRIMARY KEY,
  entity          text NOT NULL CHECK (entity IN ('base_level', 'allowance_category',
    'coefficient_rule', 'care_support_type', 'emergency_assistance_type')),
  entity_key      text NOT NULL,
  valid_from      date NOT NULL,
  before          jsonb,
  after           jsonb NOT NULL,
  actor_id        text NOT NULL,
  actor_unit_code text NOT NULL,
  at              timestamptz NOT NULL,
  reason          text NOT NULL
);

CREATE INDEX policy_change_entity ON policy_change (entity, entity_key, seq);

-- Seed data: DOMAIN-FACTS (c). Decree 136/2013 rows are the earlier set mapped to the Decree
-- 20/2021 group they became (tag M); its start date 2014-01-01 is recalled (M).

INSERT INTO base_level (id, province_code, amount_vnd, valid_from, valid_to, legal_source, tag) VALUES
  ('vn-2014-01-01', NULL, 270000, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 4', 'M'),
  ('vn-2021-07-01', NULL, 360000, '2021-07-01', '2024-06-30', 'Nghị định 20/2021/NĐ-CP, Điều 4', 'C'),
  ('vn-2024-07-01', NULL, 500000, '2024-07-01', NULL, 'Nghị định 76/2024/NĐ-CP', 'C');

INSERT INTO allowance_category (code, kind, group_label, decree, name_vi, valid_from, valid_to, legal_source, tag) VALUES
  ('nd20-1', 'monthly_allowance', '1', '20/2021/NĐ-CP', 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 1', 'C'),
  ('nd20-2', 'monthly_allowance', '2', '20/2021/NĐ-CP', 'Người từ 16 đến 22 tuổi thuộc nhóm 1 đang đi học', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 2', 'C'),
  ('nd20-3', 'monthly_allowance', '3', '20/2021/NĐ-CP', 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 3', 'C'),
  ('nd20-4', 'monthly_allowance', '4', '20/2021/NĐ-CP', 'Người đơn thân thuộc hộ nghèo, hộ cận nghèo đang nuôi con', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 4', 'S'),
  ('nd20-5a', 'monthly_allowance', '5a', '20/2021/NĐ-CP', 'Người cao tuổi thuộc hộ nghèo không có người có nghĩa vụ phụng dưỡng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 5 điểm a', 'C'),
  ('nd20-5b', 'monthly_allowance', '5b', '20/2021/NĐ-CP', 'Người từ 75 đến 80 tuổi thuộc hộ nghèo, hộ cận nghèo ở vùng dân tộc thiểu số và miền núi đặc biệt khó khăn', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 5 điểm b', 'C'),
  ('nd20-5c', 'monthly_allowance', '5c', '20/2021/NĐ-CP', 'Người từ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp xã hội hàng tháng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 5 điểm c', 'C'),
  ('nd20-5d', 'monthly_allowance', '5d', '20/2021/NĐ-CP', 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng, được cộng đồng nhận chăm sóc', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 5 điểm d', 'C'),
  ('nd20-6', 'monthly_allowance', '6', '20/2021/NĐ-CP', 'Trẻ em, người khuyết tật nặng, khuyết tật đặc biệt nặng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 6', 'C'),
  ('nd20-7', 'monthly_allowance', '7', '20/2021/NĐ-CP', 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, hộ cận nghèo ở vùng dân tộc thiểu số và miền núi đặc biệt khó khăn', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 7', 'C'),
  ('nd20-8', 'monthly_allowance', '8', '20/2021/NĐ-CP', 'Người nhiễm HIV/AIDS thuộc hộ nghèo không có thu nhập ổn định hàng tháng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 8', 'C'),
  ('nd136-1', 'monthly_allowance', '1', '136/2013/NĐ-CP', 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-2', 'monthly_allowance', '2', '136/2013/NĐ-CP', 'Người từ 16 đến 22 tuổi không có nguồn nuôi dưỡng đang đi học', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-3', 'monthly_allowance', '3', '136/2013/NĐ-CP', 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-4', 'monthly_allowance', '8', '136/2013/NĐ-CP', 'Người nhiễm HIV/AIDS thuộc hộ nghèo không còn khả năng lao động', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-5', 'monthly_allowance', '4', '136/2013/NĐ-CP', 'Người đơn thân thuộc hộ nghèo đang nuôi con', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-6a', 'monthly_allowance', '5a', '136/2013/NĐ-CP', 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-6b', 'monthly_allowance', '5c', '136/2013/NĐ-CP', 'Người từ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-6c', 'monthly_allowance', '5d', '136/2013/NĐ-CP', 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng, được cộng đồng nhận chăm sóc', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M'),
  ('nd136-7', 'monthly_allowance', '6', '136/2013/NĐ-CP', 'Người khuyết tật nặng, khuyết tật đặc biệt nặng', '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 5', 'M');

-- Age bands in months: 48 = 4 years, 192 = 16, 720 = 60, 960 = 80. The upper age limits of
-- groups 1 and 3 (under 16) are eligibility conditions settled by decision, not coefficient
-- bands, so their last band is open.
INSERT INTO coefficient_rule (id, category_code, min_age_months, max_age_months, disability_level, coefficient_hundredths, valid_from, valid_to, legal_source, tag) VALUES
  ('nd20-1-under-4', 'nd20-1', NULL, 48, NULL, 250, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-1-from-4', 'nd20-1', 48, NULL, NULL, 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-2', 'nd20-2', NULL, NULL, NULL, 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-3-under-4', 'nd20-3', NULL, 48, NULL, 250, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-3-from-4', 'nd20-3', 48, NULL, NULL, 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-4', 'nd20-4', NULL, NULL, NULL, 100, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1 (mỗi con đang nuôi)', 'S'),
  ('nd20-5a-60-80', 'nd20-5a', 720, 960, NULL, 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-5a-from-80', 'nd20-5a', 960, NULL, NULL, 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-5b', 'nd20-5b', NULL, NULL, NULL, 100, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-5c', 'nd20-5c', NULL, NULL, NULL, 100, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-5d', 'nd20-5d', NULL, NULL, NULL, 300, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-extremely-severe-child', 'nd20-6', NULL, 192, 'extremely_severe', 250, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-extremely-severe-adult', 'nd20-6', 192, 720, 'extremely_severe', 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-extremely-severe-elderly', 'nd20-6', 720, NULL, 'extremely_severe', 250, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-severe-child', 'nd20-6', NULL, 192, 'severe', 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-severe-adult', 'nd20-6', 192, 720, 'severe', 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-6-severe-elderly', 'nd20-6', 720, NULL, 'severe', 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'C'),
  ('nd20-7', 'nd20-7', NULL, NULL, NULL, 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd20-8', 'nd20-8', NULL, NULL, NULL, 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1', 'M'),
  ('nd136-1-under-4', 'nd136-1', NULL, 48, NULL, 250, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-1-from-4', 'nd136-1', 48, NULL, NULL, 150, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-2', 'nd136-2', NULL, NULL, NULL, 150, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-3-under-4', 'nd136-3', NULL, 48, NULL, 250, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-3-from-4', 'nd136-3', 48, NULL, NULL, 200, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-4', 'nd136-4', NULL, NULL, NULL, 150, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-5', 'nd136-5', NULL, NULL, NULL, 100, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-6a-60-80', 'nd136-6a', 720, 960, NULL, 150, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-6a-from-80', 'nd136-6a', 960, NULL, NULL, 200, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-6b', 'nd136-6b', NULL, NULL, NULL, 100, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-6c', 'nd136-6c', NULL, NULL, NULL, 300, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6', 'M'),
  ('nd136-7-extremely-severe-child', 'nd136-7', NULL, 192, 'extremely_severe', 250, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M'),
  ('nd136-7-extremely-severe-adult', 'nd136-7', 192, 720, 'extremely_severe', 200, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M'),
  ('nd136-7-extremely-severe-elderly', 'nd136-7', 720, NULL, 'extremely_severe', 250, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M'),
  ('nd136-7-severe-child', 'nd136-7', NULL, 192, 'severe', 200, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M'),
  ('nd136-7-severe-adult', 'nd136-7', 192, 720, 'severe', 150, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M'),
  ('nd136-7-severe-elderly', 'nd136-7', 720, NULL, 'severe', 200, '2014-01-01', '2021-06-30', 'Nghị định 136/2013/NĐ-CP, Điều 6; Nghị định 28/2012/NĐ-CP', 'M');

INSERT INTO care_support_type (code, name_vi, coefficient_hundredths, valid_from, valid_to, legal_source, tag) VALUES
  ('cs-disabled-parent-one', 'Người khuyết tật nặng, đặc biệt nặng đang mang thai hoặc nuôi một con dưới 36 tháng tuổi', 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M'),
  ('cs-disabled-parent-two', 'Người khuyết tật nặng, đặc biệt nặng đang mang thai và nuôi con, hoặc nuôi từ hai con dưới 36 tháng tuổi', 200, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M'),
  ('cs-household-carer', 'Hộ gia đình trực tiếp chăm sóc, nuôi dưỡng người khuyết tật đặc biệt nặng', 100, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M'),
  ('cs-foster-child-under-4', 'Hộ gia đình, cá nhân nhận chăm sóc, nuôi dưỡng trẻ em dưới 4 tuổi', 250, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M'),
  ('cs-foster-child', 'Hộ gia đình, cá nhân nhận chăm sóc, nuôi dưỡng trẻ em từ 4 đến dưới 16 tuổi', 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M'),
  ('cs-foster-elderly-disabled', 'Hộ gia đình, cá nhân nhận chăm sóc, nuôi dưỡng người cao tuổi, người khuyết tật', 150, '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Điều 20 (cần đối chiếu)', 'M');

INSERT INTO emergency_assistance_type (code, name_vi, description_vi, valid_from, valid_to, legal_source, tag) VALUES
  ('food-essentials', 'Hỗ trợ lương thực và nhu yếu phẩm', '15 kg gạo/người/tháng: một tháng cho hộ thiếu đói dịp Tết; đến 3 tháng mỗi đợt khi thiên tai, hỏa hoạn, mất mùa, giáp hạt; lều bạt, nước uống và nhu yếu phẩm cho người mất nhà ở', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C'),
  ('medical-treatment', 'Hỗ trợ chi phí điều trị người bị thương nặng', 'Chi phí điều trị cho người bị thương nặng do thiên tai, hỏa hoạn, tai nạn', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C'),
  ('funeral', 'Hỗ trợ chi phí mai táng', 'Ít nhất 50 lần mức chuẩn trợ giúp xã hội', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C'),
  ('housing', 'Hỗ trợ làm nhà ở, sửa chữa nhà ở', 'Ít nhất 40 triệu đồng/hộ có nhà ở bị đổ, sập, trôi, cháy hoàn toàn', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C'),
  ('children-orphaned', 'Hỗ trợ khẩn cấp trẻ em có cha mẹ chết, mất tích', 'Trẻ em có cha mẹ chết, mất tích do thiên tai, hỏa hoạn, dịch bệnh', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C'),
  ('livelihood', 'Hỗ trợ tạo việc làm, phát triển sản xuất', 'Hỗ trợ tạo việc làm, phát triển sản xuất cho người bị ảnh hưởng', '2021-07-01', NULL, 'Nghị định 20/2021/NĐ-CP, Chương III', 'C');

-- Before July 2025 the district appraised and decided (about 7 working days a step, M). From
-- 2025-07-01 the commune chair decides within 10 working days of a complete file (C); the
-- split of those 10 days into appraisal 5 and decision 5, and the 3-day completeness check, are M.
INSERT INTO procedure_rule (code, valid_from, valid_to, appraisal_level, decision_level, completeness_days, appraisal_days, decision_days, legal_source, tag) VALUES
  ('nd20-2021', '2021-07-01', '2025-06-30', 'district', 'district', 7, 7, 7, 'Nghị định 20/2021/NĐ-CP, Điều 8', 'M'),
  ('nd147-2025', '2025-07-01', NULL, 'commune', 'commune', 3, 5, 5, 'Nghị định 147/2025/NĐ-CP', 'M');

-- Weekday public holidays 2024–2027 (Bộ luật Lao động 2019, Điều 112), with the day off given
-- when a holiday falls on a weekend. Tết dates of 2027 and the adjacent day of 2/9 are M.
INSERT INTO public_holiday (day, name_vi, tag) VALUES
  ('2024-01-01', 'Tết Dương lịch', 'M'),
  ('2024-02-08', 'Tết Nguyên đán', 'M'),
  ('2024-02-09', 'Tết Nguyên đán', 'M'),
  ('2024-02-12', 'Tết Nguyên đán', 'M'),
  ('2024-02-13', 'Tết Nguyên đán', 'M'),
  ('2024-02-14', 'Tết Nguyên đán', 'M'),
  ('2024-04-18', 'Giỗ Tổ Hùng Vương', 'M'),
  ('2024-04-30', 'Ngày Chiến thắng', 'M'),
  ('2024-05-01', 'Ngày Quốc tế lao động', 'M'),
  ('2024-09-02', 'Quốc khánh', 'M'),
  ('2024-09-03', 'Quốc khánh (ngày liền kề)', 'M'),
  ('2025-01-01', 'Tết Dương lịch', 'M'),
  ('2025-01-27', 'Tết Nguyên đán', 'M'),
  ('2025-01-28', 'Tết Nguyên đán', 'M'),
  ('2025-01-29', 'Tết Nguyên đán', 'M'),
  ('2025-01-30', 'Tết Nguyên đán', 'M'),
  ('2025-01-31', 'Tết Nguyên đán', 'M'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương', 'M'),
  ('2025-04-30', 'Ngày Chiến thắng', 'M'),
  ('2025-05-01', 'Ngày Quốc tế lao động', 'M'),
  ('2025-09-01', 'Quốc khánh (ngày liền kề)', 'M'),
  ('2025-09-02', 'Quốc khánh', 'M'),
  ('2026-01-01', 'Tết Dương lịch', 'M'),
  ('2026-02-16', 'Tết Nguyên đán', 'M'),
  ('2026-02-17', 'Tết Nguyên đán', 'M'),
  ('2026-02-18', 'Tết Nguyên đán', 'M'),
  ('2026-02-19', 'Tết Nguyên đán', 'M'),
  ('2026-02-20', 'Tết Nguyên đán', 'M'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)', 'M'),
  ('2026-04-30', 'Ngày Chiến thắng', 'M'),
  ('2026-05-01', 'Ngày Quốc tế lao động', 'M'),
  ('2026-09-01', 'Quốc khánh (ngày liền kề)', 'M'),
  ('2026-09-02', 'Quốc khánh', 'M'),
  ('2027-01-01', 'Tết Dương lịch', 'M'),
  ('2027-02-05', 'Tết Nguyên đán', 'M'),
  ('2027-02-08', 'Tết Nguyên đán', 'M'),
  ('2027-02-09', 'Tết Nguyên đán', 'M'),
  ('2027-02-10', 'Tết Nguyên đán', 'M'),
  ('2027-02-11', 'Tết Nguyên đán', 'M'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương', 'M'),
  ('2027-04-30', 'Ngày Chiến thắng', 'M'),
  ('2027-05-03', 'Ngày Quốc tế lao động (nghỉ bù)', 'M'),
  ('2027-09-02', 'Quốc khánh', 'M'),
  ('2027-09-03', 'Quốc khánh (ngày liền kề)', 'M');
