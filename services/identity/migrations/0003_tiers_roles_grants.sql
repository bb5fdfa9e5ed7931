-- Tiers, roles, national domains and grant rules as data with validity dates: who may hold
-- and grant which role changes with the law, never with the code. Dates are inclusive;
-- valid_to null means open-ended.

CREATE TABLE tier (
  code       text PRIMARY KEY CHECK (code IN ('ministry', 'province', 'district', 'commune')),
  rank       integer NOT NULL UNIQUE,           -- 0 at the top
  name_vi    text NOT NULL,
  valid_from date NOT NULL,
  valid_to   date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO tier (code, rank, name_vi, valid_from, valid_to) VALUES
  ('ministry', 0, 'Bộ', '2016-01-01', NULL),
  ('province', 1, 'Tỉnh', '2016-01-01', NULL),
  ('district', 2, 'Huyện', '2016-01-01', '2025-06-30'),  -- two-tier local government from 2025-07-01
  ('commune',  3, 'Xã', '2016-01-01', NULL);

CREATE TABLE role (
  code        text PRIMARY KEY,
  description text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO role (code, description, valid_from) VALUES
  ('system_admin', 'quản trị hệ thống: administers the whole system', '2016-01-01'),
  ('unit_admin', 'quản trị đơn vị: issues accounts for its unit and the units below', '2016-01-01'),
  ('officer', 'cán bộ nghiệp vụ: enters and processes data', '2016-01-01'),
  ('approver', 'lãnh đạo phê duyệt: decides', '2016-01-01'),
  ('analyst', 'cán bộ thống kê, báo cáo: reads and reports', '2016-01-01'),
  ('auditor', 'kiểm tra, thanh tra: reads the audit trail', '2016-01-01');

-- Which ministry owns a national domain, over time (Resolution 176/2025/QH15).
CREATE TABLE national_domain_owner (
  domain        text NOT NULL CHECK (domain IN ('social_assistance', 'poverty_reduction')),
  ministry_code text NOT NULL,
  ministry_name text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  PRIMARY KEY (domain, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO national_domain_owner (domain, ministry_code, ministry_name, valid_from, valid_to) VALUES
  ('social_assistance', 'MOLISA', 'Bộ Lao động - Thương binh và Xã hội', '2016-01-01', '2025-02-28'),
  ('social_assistance', 'MOH', 'Bộ Y tế', '2025-03-01', NULL),
  ('poverty_reduction', 'MOLISA', 'Bộ Lao động - Thương binh và Xã hội', '2016-01-01', '2025-02-28'),
  ('poverty_reduction', 'MAE', 'Bộ Nông nghiệp và Môi trường', '2025-03-01', NULL);

-- A holder of actor_role at actor_tier may grant grantable_role to an account at target_tier,
-- where the target unit is the actor's own unit ('own'), strictly below it ('below') or
-- either ('own_or_below'). Deny by default: no row, no grant.
CREATE TABLE grant_rule (
  id             serial PRIMARY KEY,
  actor_role     text NOT NULL REFERENCES role (code),
  actor_tier     text NOT NULL REFERENCES tier (code),
  grantable_role text NOT NULL REFERENCES role (code),
  target_tier    text NOT NULL REFERENCES tier (code),
  relation       text NOT NULL CHECK (relation IN ('own', 'below', 'own_or_below')),
  valid_from     date NOT NULL,
  valid_to       date,
  UNIQUE (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- system_admin (national): every role at every tier.
INSERT INTO grant_rule (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from, valid_to)
SELECT 'system_admin', 'ministry', r.code, t.code, 'own_or_below', '2016-01-01', t.valid_to
FROM role r CROSS JOIN tier t;

-- Ministry unit_admin: staff roles at the ministry and below (never system_admin).
INSERT INTO grant_rule (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from, valid_to)
SELECT 'unit_admin', 'ministry', r, t.code, CASE WHEN t.code = 'ministry' THEN 'own' ELSE 'below' END,
       '2016-01-01', t.valid_to
FROM unnest(ARRAY['unit_admin', 'officer', 'approver', 'analyst', 'auditor']) AS r CROSS JOIN tier t;

-- Province unit_admin: its province and every unit below it.
INSERT INTO grant_rule (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from, valid_to)
SELECT 'unit_admin', 'province', r, t.code, CASE WHEN t.code = 'province' THEN 'own' ELSE 'below' END,
       '2016-01-01', t.valid_to
FROM unnest(ARRAY['unit_admin', 'officer', 'approver', 'analyst', 'auditor']) AS r
CROSS JOIN tier t WHERE t.code <> 'ministry';

-- District unit_admin (until the districts were abolished): its district; communes below it
-- get officers, analysts and their own administrators (the district decided, not the commune).
INSERT INTO grant_rule (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from, valid_to) VALUES
  ('unit_admin', 'district', 'officer', 'district', 'own', '2016-01-01', '2025-06-30'),
  ('unit_admin', 'district', 'approver', 'district', 'own', '2016-01-01', '2025-06-30'),
  ('unit_admin', 'district', 'analyst', 'district', 'own', '2016-01-01', '2025-06-30'),
  ('unit_admin', 'district', 'officer', 'commune', 'below', '2016-01-01', '2025-06-30'),
  ('unit_admin', 'district', 'analyst', 'commune', 'below', '2016-01-01', '2025-06-30'),
  ('unit_admin', 'district', 'unit_admin', 'commune', 'below', '2016-01-01', '2025-06-30');

-- Commune unit_admin: officers and analysts of its own commune only.
INSERT INTO grant_rule (actor_role, actor_tier, grantable_role, target_tier, relation, valid_from, valid_to) VALUES
  ('unit_admin', 'commune', 'officer', 'commune', 'own', '2016-01-01', NULL),
  ('unit_admin', 'commune', 'analyst', 'commune', 'own', '2016-01-01', NULL);
