-- Re-rating (tính lại mức hưởng) after a policy edit: a future base level, coefficient or
-- care-support change alters the amounts of running cases from its first month. The edit
-- inserts a job in its own transaction; a worker then sends a new EntitlementChanged for every
-- affected case, in batches, remembering the last case done so that a restart resumes there.

CREATE TABLE rerating_job (
  id uuid PRIMARY KEY,
  -- The catalogue entity and key whose new version caused the job (policy_change).
  entity text NOT NULL,
  entity_key text NOT NULL,
  -- First month whose amounts may change.
  from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
  -- Which cases: a province's own base level, one category's coefficients, one care-support
  -- type; all null = every case with a period reaching from_month.
  province_code text,
  category_code text,
  care_support_type_code text,
  created_at timestamptz NOT NULL,
  -- Keyset position: cases up to this id are done.
  last_case_id uuid,
  cases_done integer NOT NULL DEFAULT 0,
  finished_at timestamptz
);

CREATE INDEX rerating_job_pending ON rerating_job (created_at) WHERE finished_at IS NULL;
