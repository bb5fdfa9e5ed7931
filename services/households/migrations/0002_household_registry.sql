-- Household registry (R2.1) and its change log (R2.7). Unit codes are of the 2025 structure.

-- Last sequence number issued per commune and year: household codes are
-- <commune code>-<year>-<6-digit sequence>, e.g. 00004-2026-000001.
CREATE TABLE household_code_sequence (
  commune_code text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL CHECK (last_value BETWEEN 1 AND 999999),
  PRIMARY KEY (commune_code, year)
);

CREATE TABLE household (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  village_code text,
  street_address text NOT NULL,
  area text NOT NULL CHECK (area IN ('rural', 'urban')),
  head_member_id uuid,
  status text NOT NULL CHECK (status IN ('active', 'dissolved')),
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX household_commune_code ON household (commune_code, code);
CREATE INDEX household_province_code ON household (province_code, code);

CREATE TABLE member (
  id uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  full_name text NOT NULL,
  -- Lower case, without diacritics, đ written d: for searches typed without accents.
  name_search text NOT NULL,
  birth_year integer NOT NULL,
  birth_month integer CHECK (birth_month BETWEEN 1 AND 12),
  birth_day integer CHECK (birth_day BETWEEN 1 AND 31),
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  ethnic_group_code text NOT NULL,
  citizen_id text CHECK (citizen_id ~ '^[0-9]{12}$'),
  relation text NOT NULL,
  deceased_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (birth_day IS NULL OR birth_month IS NOT NULL)
);

CREATE INDEX member_household ON member (household_id);
CREATE INDEX member_citizen_id ON member (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX member_name_search ON member (name_search);

ALTER TABLE household
  ADD CONSTRAINT household_head FOREIGN KEY (head_member_id) REFERENCES member (id)
  DEFERRABLE INITIALLY DEFERRED;

-- Every change, with who, when, from where and why, and the changed record before and after
-- (the household's own fields, or one member). Replaying the rows in seq order up to an
-- instant rebuilds the household as it was then.
CREATE TABLE household_change (
  seq bigserial PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  member_id uuid REFERENCES member (id),
  kind text NOT NULL CHECK (
    kind IN ('household_created', 'household_updated', 'member_added', 'member_updated',
      'member_deceased')
  ),
  actor_id text NOT NULL,
  actor_unit_code text NOT NULL,
  source_address text NOT NULL,
  at timestamptz NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  before jsonb,
  after jsonb NOT NULL
);

CREATE INDEX household_change_household ON household_change (household_id, seq);
