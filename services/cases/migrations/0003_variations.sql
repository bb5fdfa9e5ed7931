-- Variations of a case after its approval (R3.3): the retroactive difference a variation
-- decision makes (truy lĩnh / thu hồi), transfers between communes (chuyển đi / chuyển đến) and
-- review flags raised by household events (a member died or moved out of the commune).

-- Net difference of the months already due when the decision was signed: positive = arrears
-- owed (truy lĩnh), negative = recovery (thu hồi); null for decisions that change no amount.
ALTER TABLE case_decision ADD COLUMN arrears_total_vnd bigint;

-- Month-by-month lines of that difference (only months whose amount changed).
CREATE TABLE decision_arrears (
  decision_id uuid NOT NULL REFERENCES case_decision (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  before_vnd bigint NOT NULL CHECK (before_vnd >= 0),
  after_vnd bigint NOT NULL CHECK (after_vnd >= 0),
  delta_vnd bigint NOT NULL CHECK (delta_vnd = after_vnd - before_vnd AND delta_vnd <> 0),
  PRIMARY KEY (decision_id, month)
);

-- A transfer decided by the old commune; the destination commune accepts it with a decision of
-- its own, which opens the continuing case. One transfer per case.
CREATE TABLE case_transfer (
  from_case_id uuid PRIMARY KEY REFERENCES social_case (id),
  destination_commune_code text NOT NULL CHECK (destination_commune_code ~ '^[0-9]{5}$'),
  destination_province_code text NOT NULL CHECK (destination_province_code ~ '^[0-9]{2}$'),
  -- The old commune's decision (kind transfer_out) and the first month it no longer pays.
  decision_id uuid NOT NULL REFERENCES case_decision (id),
  effective_month date NOT NULL CHECK (extract(day FROM effective_month) = 1),
  accepted_case_id uuid UNIQUE REFERENCES social_case (id),
  accepted_at timestamptz,
  CHECK ((accepted_case_id IS NULL) = (accepted_at IS NULL))
);

CREATE INDEX case_transfer_destination ON case_transfer (destination_commune_code)
  WHERE accepted_case_id IS NULL;

-- Raised on an active or suspended case when the household registry reports the beneficiary
-- deceased or moved out of the commune. A flag never changes the allowance: an officer looks,
-- proposes a decision if one is due, and resolves the flag.
CREATE TABLE review_flag (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES social_case (id),
  reason text NOT NULL CHECK (reason IN ('member_deceased', 'member_moved_out')),
  -- The CloudEvents id of the household event: one flag per case and event.
  source_event_id text NOT NULL,
  raised_at timestamptz NOT NULL,
  resolution text,
  resolved_by text,
  resolved_at timestamptz,
  UNIQUE (case_id, source_event_id),
  CHECK ((resolution IS NULL) = (resolved_at IS NULL) AND (resolved_by IS NULL) = (resolved_at IS NULL))
);

CREATE INDEX review_flag_open ON review_flag (case_id) WHERE resolved_at IS NULL;
