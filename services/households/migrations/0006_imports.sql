-- Imports of forms C and C1 (R2.4): one row per uploaded file, the problems found row by
-- row, and what happened to each household written (created, updated, unchanged).

CREATE TABLE household_import (
  id uuid PRIMARY KEY,
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_size bigint NOT NULL CHECK (file_size >= 0),
  file_format text NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
  form_type text NOT NULL CHECK (form_type IN ('C', 'C1')),
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  village_code text NOT NULL,                   -- '' when the rows give their villages
  mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_rows')),
  status text NOT NULL CHECK (status IN ('running', 'completed', 'partial', 'rejected', 'failed')),
  rows_read integer NOT NULL DEFAULT 0,
  households_created integer NOT NULL DEFAULT 0,
  households_updated integer NOT NULL DEFAULT 0,
  households_unchanged integer NOT NULL DEFAULT 0,
  households_refused integer NOT NULL DEFAULT 0,
  error_count integer NOT NULL DEFAULT 0,
  failure text NOT NULL DEFAULT '',
  actor_id text NOT NULL,
  actor_unit_code text NOT NULL,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);

-- A file that wrote (or is writing) households is recorded once per commune and village.
CREATE UNIQUE INDEX household_import_once ON household_import (commune_code, village_code, file_sha256)
  WHERE status IN ('running', 'completed', 'partial');
CREATE INDEX household_import_commune ON household_import (commune_code, created_at DESC);
CREATE INDEX household_import_province ON household_import (province_code, created_at DESC);

CREATE TABLE household_import_issue (
  import_id uuid NOT NULL REFERENCES household_import (id),
  seq integer NOT NULL,
  row_no integer NOT NULL,
  column_key text NOT NULL,
  value text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (import_id, seq)
);

CREATE TABLE household_import_outcome (
  import_id uuid NOT NULL REFERENCES household_import (id),
  row_no integer NOT NULL,                      -- first row of the household in the file
  household_id uuid NOT NULL,
  household_code text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged')),
  PRIMARY KEY (import_id, row_no)
);
