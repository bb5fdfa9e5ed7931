-- Identity quality (chất lượng định danh): duplicate candidates (trùng lặp), the merge workflow
-- (gộp hồ sơ trùng) and the result of verification against the national population database
-- (CSDL quốc gia về dân cư). Candidates are computed on the fly from `member` with the
-- indexes below; only decisions are stored: merge proposals and dismissed pairs.

-- A member absorbed by a confirmed merge points at the member kept. The row is never deleted.
ALTER TABLE member
  ADD COLUMN merged_into_member_id uuid REFERENCES member (id),
  ADD COLUMN population_verified_at timestamptz,
  ADD COLUMN population_outcome text
    CHECK (population_outcome IN ('match', 'mismatch', 'not_found')),
  ADD COLUMN population_mismatched_fields text[],
  ADD CONSTRAINT member_not_merged_into_itself CHECK (merged_into_member_id <> id),
  ADD CONSTRAINT member_population_check_whole CHECK (
    (population_verified_at IS NULL) = (population_outcome IS NULL)
    AND (population_outcome IS NULL) = (population_mismatched_fields IS NULL)
  );

-- Rule "same normalised name + date of birth + commune": the commune comes from the household.
CREATE INDEX member_duplicate_name_birth
  ON member (name_search, birth_year, birth_month, birth_day);

-- Change-log kinds of this step. The kind check is extended, not replaced, so kinds added by
-- earlier migrations stay allowed.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT conname, pg_get_constraintdef(oid) AS def
    FROM pg_constraint
    WHERE conrelid = 'household_change'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE '%kind%'
  LOOP
    EXECUTE format('ALTER TABLE household_change DROP CONSTRAINT %I', c.conname);
    EXECUTE format(
      'ALTER TABLE household_change ADD CONSTRAINT %I CHECK (%s OR kind IN (%L, %L))',
      c.conname, substring(c.def FROM '^CHECK (.*)$'), 'member_merged', 'member_verified');
  END LOOP;
END
$$;

-- A merge proposal: keep one member, absorb the other (both of one commune). Proposed by an
-- officer of that commune, decided by an approver of that commune or above, never by the
-- same account.
CREATE TABLE member_merge (
  id uuid PRIMARY KEY,
  kept_member_id uuid NOT NULL REFERENCES member (id),
  merged_member_id uuid NOT NULL REFERENCES member (id),
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  status text NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  reason text NOT NULL CHECK (length(reason) > 0),
  proposed_by text NOT NULL,
  proposed_unit_code text NOT NULL,
  proposed_from text NOT NULL,
  proposed_at timestamptz NOT NULL,
  decided_by text,
  decided_unit_code text,
  decided_from text,
  decided_at timestamptz,
  decision_reason text,
  CHECK (kept_member_id <> merged_member_id),
  CHECK ((status = 'proposed') = (decided_by IS NULL)),
  CHECK (decided_by IS NULL OR (decided_unit_code IS NOT NULL AND decided_from IS NOT NULL
    AND decided_at IS NOT NULL AND length(decision_reason) > 0)),
  CHECK (status <> 'confirmed' OR decided_by <> proposed_by)
);

-- At most one open proposal per pair, whichever way round.
CREATE UNIQUE INDEX member_merge_open_pair ON member_merge (
  LEAST(kept_member_id, merged_member_id), GREATEST(kept_member_id, merged_member_id)
) WHERE status = 'proposed';
CREATE INDEX member_merge_commune ON member_merge (commune_code, proposed_at);
CREATE INDEX member_merge_province ON member_merge (province_code, proposed_at);

-- A pair found to be two different people ("không trùng"): no longer listed as a candidate.
CREATE TABLE member_pair_dismissal (
  low_member_id uuid NOT NULL REFERENCES member (id),
  high_member_id uuid NOT NULL REFERENCES member (id),
  reason text NOT NULL CHECK (length(reason) > 0),
  dismissed_by text NOT NULL,
  dismissed_unit_code text NOT NULL,
  dismissed_from text NOT NULL,
  dismissed_at timestamptz NOT NULL,
  PRIMARY KEY (low_member_id, high_member_id),
  CHECK (low_member_id < high_member_id)
);
