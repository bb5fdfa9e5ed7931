-- Social-assistance cases (hồ sơ trợ giúp xã hội) from application to decision (R3.2), their
-- decisions (quyết định), the allowance periods they decide (R3.3) and every step with its actor.
-- Unit codes are of the 2025 structure; months are stored as the first day of the month.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Last number issued per commune and year: case codes are TC-<commune>-<year>-<6 digits>.
CREATE TABLE case_code_sequence (
  commune_code text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL CHECK (last_value BETWEEN 1 AND 999999),
  PRIMARY KEY (commune_code, year)
);

CREATE TABLE social_case (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('monthly_allowance', 'care_support')),
  status text NOT NULL CHECK (status IN ('submitted', 'returned', 'checked', 'appraised', 'verified',
    'active', 'rejected', 'suspended', 'terminated', 'transferred')),
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  -- The beneficiary as copied from the household registry when the case was filed.
  member_id uuid NOT NULL,
  household_id uuid NOT NULL,
  full_name text NOT NULL,
  birth_year integer NOT NULL,
  birth_month integer CHECK (birth_month BETWEEN 1 AND 12),
  birth_day integer CHECK (birth_day BETWEEN 1 AND 31),
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  citizen_id text CHECK (citizen_id ~ '^[0-9]{12}$'),
  -- Claimed at filing, replaced by the appraisal (category codes of the policy catalogue).
  category_codes text[] NOT NULL,
  disability_level text CHECK (disability_level IN ('severe', 'extremely_severe')),
  care_support_type_code text,
  payment_channel text NOT NULL CHECK (payment_channel IN ('cash_at_commune', 'post_office', 'bank_transfer')),
  bank_code text,
  account_number text CHECK (account_number ~ '^[0-9]{6,19}$'),
  application_date date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('staff', 'online')),
  documents text[] NOT NULL DEFAULT '{}',
  missing_items text[] NOT NULL DEFAULT '{}',
  -- The procedure rule in force when the case was filed; it governs the case to the end.
  procedure_code text NOT NULL,
  proposed_month date CHECK (proposed_month IS NULL OR extract(day FROM proposed_month) = 1),
  appraisal_opinion text,
  population_check text CHECK (population_check IN ('verified', 'mismatch', 'not_found', 'unavailable')),
  step_due_on date,
  transferred_from_case_id uuid REFERENCES social_case (id),
  request_id text,
  created_by text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((payment_channel = 'bank_transfer') = (bank_code IS NOT NULL AND account_number IS NOT NULL)),
  CHECK (birth_day IS NULL OR birth_month IS NOT NULL)
);

CREATE UNIQUE INDEX social_case_request ON social_case (commune_code, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX social_case_commune ON social_case (commune_code, status, code);
CREATE INDEX social_case_province ON social_case (province_code, status, code);
CREATE INDEX social_case_member ON social_case (member_id);
CREATE INDEX social_case_citizen ON social_case (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX social_case_due ON social_case (step_due_on) WHERE step_due_on IS NOT NULL;

-- Every step with its actor and time (R3.2). Never updated, never deleted.
CREATE TABLE case_step (
  seq bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES social_case (id),
  step text NOT NULL,
  actor_id text NOT NULL,
  actor_unit_code text NOT NULL,
  at timestamptz NOT NULL,
  note text
);

CREATE INDEX case_step_case ON case_step (case_id, seq);

-- Signed decisions: approval, rejection and every variation.
CREATE TABLE case_decision (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES social_case (id),
  kind text NOT NULL CHECK (kind IN ('approval', 'rejection', 'category_change', 'suspension',
    'resumption', 'termination', 'transfer_out', 'transfer_in')),
  number text NOT NULL,
  signed_on date NOT NULL,
  signer text NOT NULL,
  effective_month date CHECK (effective_month IS NULL OR extract(day FROM effective_month) = 1),
  -- The deciding authority's unit: a 2024 district (3 digits) or a 2025 commune (5 digits).
  unit_code text NOT NULL,
  reason text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  -- One decision number per deciding unit.
  UNIQUE (unit_code, number)
);

CREATE INDEX case_decision_case ON case_decision (case_id, recorded_at);

-- Allowance periods (giai đoạn hưởng). A person (citizen ID) never has two periods covering the
-- same month, whatever the case or commune: the database refuses the second one.
CREATE TABLE entitlement_period (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES social_case (id),
  citizen_id text NOT NULL CHECK (citizen_id ~ '^[0-9]{12}$'),
  kind text NOT NULL CHECK (kind IN ('monthly_allowance', 'care_support')),
  -- [first month, month after the last) as first days of months; upper bound infinite while open.
  months daterange NOT NULL CHECK (lower(months) IS NOT NULL AND extract(day FROM lower(months)) = 1
    AND (upper_inf(months) OR extract(day FROM upper(months)) = 1)),
  suspended boolean NOT NULL DEFAULT false,
  category_codes text[] NOT NULL,
  disability_level text CHECK (disability_level IN ('severe', 'extremely_severe')),
  care_support_type_code text,
  decision_id uuid NOT NULL REFERENCES case_decision (id),
  EXCLUDE USING gist (citizen_id WITH =, kind WITH =, months WITH &&)
);

CREATE INDEX entitlement_period_case ON entitlement_period (case_id, lower(months));

-- Monotonic per case: the sequence of EntitlementChanged events.
CREATE TABLE entitlement_sequence (
  case_id uuid PRIMARY KEY REFERENCES social_case (id),
  last_value bigint NOT NULL CHECK (last_value >= 1)
);
