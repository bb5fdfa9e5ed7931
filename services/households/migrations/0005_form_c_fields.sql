-- Socio-economic fields of the collection forms C (phiếu C: hộ nghèo, hộ cận nghèo) and C1
-- (phiếu C1: hộ có người đang hưởng trợ cấp xã hội hàng tháng), R2.4. All nullable: rows
-- registered before carry none, and a form records only what was asked. The allowed codes
-- live in one place, src/domain/form-c-codes.ts (the service validates them); the columns
-- hold the codes only.

ALTER TABLE household
  ADD COLUMN form_type text CHECK (form_type IN ('C', 'C1')),
  ADD COLUMN housing_quality text,             -- chất lượng nhà ở
  ADD COLUMN housing_area_m2 integer CHECK (housing_area_m2 BETWEEN 0 AND 100000),
  ADD COLUMN drinking_water text,              -- nguồn nước sinh hoạt
  ADD COLUMN sanitation text,                  -- loại nhà tiêu
  ADD COLUMN telecom_use boolean,              -- có thành viên sử dụng dịch vụ viễn thông
  ADD COLUMN assets text[],                    -- tài sản / phương tiện tiếp cận thông tin
  ADD COLUMN income_per_capita_month bigint    -- thu nhập bình quân đầu người/tháng, VND
    CHECK (income_per_capita_month >= 0);

ALTER TABLE member
  ADD COLUMN education_level text,             -- trình độ giáo dục cao nhất
  ADD COLUMN school_attendance text,           -- tình trạng đi học
  ADD COLUMN health_insurance text,            -- thẻ bảo hiểm y tế
  ADD COLUMN employment text,                  -- tình trạng việc làm
  ADD COLUMN occupation text CHECK (length(occupation) <= 100), -- nghề nghiệp (free text)
  ADD COLUMN disability text,                  -- mức độ khuyết tật
  ADD COLUMN social_assistance boolean,        -- đang hưởng trợ cấp xã hội hàng tháng
  ADD COLUMN social_assistance_category text,  -- nhóm đối tượng (Nghị định 20/2021, Điều 5)
  ADD CONSTRAINT member_social_assistance_category
    CHECK (social_assistance_category IS NULL OR social_assistance IS TRUE);
