-- Acceptance sampling (nghiệm thu, kiểm tra xác suất): a reproducible random sample of a
-- commune's active households, the field check of each sampled household, and the decision
-- (identity fields wrong in at most 0.5 % of checked fields, other fields in at most 2 %).
-- Once decided a sample is locked: the result columns are set once and items no longer change.

CREATE TABLE acceptance_sample (
  id uuid PRIMARY KEY,
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  purpose text NOT NULL CHECK (length(purpose) > 0),
  seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{32,128}$'),
  -- Active households at the draw and the SHA-256 of their sorted ids.
  population_size integer NOT NULL CHECK (population_size > 0),
  population_digest text NOT NULL CHECK (population_digest ~ '^[0-9a-f]{64}$'),
  sample_size integer NOT NULL CHECK (sample_size BETWEEN 1 AND population_size),
  status text NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
  drawn_by text NOT NULL,
  drawn_unit_code text NOT NULL,
  drawn_at timestamptz NOT NULL,
  identity_checked integer CHECK (identity_checked > 0),
  identity_errors integer CHECK (identity_errors BETWEEN 0 AND identity_checked),
  other_checked integer CHECK (other_checked > 0),
  other_errors integer CHECK (other_errors BETWEEN 0 AND other_checked),
  -- Why rejected, one line per exceeded rate.
  reasons jsonb,
  decided_by text,
  decided_unit_code text,
  decided_at timestamptz,
  CHECK (
    (status = 'open' AND decided_at IS NULL AND decided_by IS NULL AND reasons IS NULL
      AND identity_checked IS NULL AND other_checked IS NULL)
    OR (status <> 'open' AND decided_at IS NOT NULL AND decided_by IS NOT NULL
      AND decided_unit_code IS NOT NULL AND reasons IS NOT NULL AND identity_errors IS NOT NULL
      AND other_errors IS NOT NULL)
  )
);

CREATE INDEX acceptance_sample_commune ON acceptance_sample (commune_code, drawn_at);
CREATE INDEX acceptance_sample_province ON acceptance_sample (province_code, drawn_at);

-- One sampled household; the check columns are set together when its field check is recorded.
CREATE TABLE acceptance_sample_item (
  sample_id uuid NOT NULL REFERENCES acceptance_sample (id),
  position integer NOT NULL CHECK (position >= 1),
  household_id uuid NOT NULL REFERENCES household (id),
  household_code text NOT NULL,
  -- [{ "field", "memberId", "kind": identity|other, "error" }], the kind as classified then.
  checks jsonb,
  identity_checked integer CHECK (identity_checked >= 0),
  identity_errors integer CHECK (identity_errors BETWEEN 0 AND identity_checked),
  other_checked integer CHECK (other_checked >= 0),
  other_errors integer CHECK (other_errors BETWEEN 0 AND other_checked),
  note text,
  checked_by text,
  checked_at timestamptz,
  PRIMARY KEY (sample_id, position),
  UNIQUE (sample_id, household_id),
  CHECK (
    (checked_at IS NULL AND checks IS NULL AND checked_by IS NULL AND note IS NULL
      AND identity_checked IS NULL AND identity_errors IS NULL
      AND other_checked IS NULL AND other_errors IS NULL)
    OR (checked_at IS NOT NULL AND checks IS NOT NULL AND checked_by IS NOT NULL
      AND note IS NOT NULL AND identity_checked IS NOT NULL AND identity_errors IS NOT NULL
      AND other_checked IS NOT NULL AND other_errors IS NOT NULL)
  )
);
