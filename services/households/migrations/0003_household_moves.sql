-- Household moves (biến động nhân khẩu): a member moves to another household of the commune
-- or leaves the commune (chuyển đi), a household splits (tách hộ) or two merge (nhập hộ).
-- The change log records each side: member_moved_out in the household left,
-- member_moved_in in the household joined.

-- nhập hộ: the absorbed household is dissolved and points at the surviving one.
-- tách hộ: the new household points at the household it was split from.
ALTER TABLE household
  ADD COLUMN merged_into uuid REFERENCES household (id),
  ADD COLUMN split_from uuid REFERENCES household (id),
  ADD CONSTRAINT household_merged_dissolved CHECK (merged_into IS NULL OR status = 'dissolved');

-- A member who left the commune belongs to no household any more (status moved_out); the
-- household left and the destination stay on the row, the full record in the change log.
-- Only members with status 'present' are live: a moved-out member's citizen ID is no
-- duplicate of anyone.
ALTER TABLE member
  ALTER COLUMN household_id DROP NOT NULL,
  ADD COLUMN status text NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'moved_out')),
  ADD COLUMN moved_out_from uuid REFERENCES household (id),
  ADD COLUMN moved_out_to_unit_code text CHECK (moved_out_to_unit_code ~ '^[0-9]{2,12}$'),
  ADD COLUMN moved_out_at timestamptz,
  ADD CONSTRAINT member_moved_out CHECK (
    (status = 'present' AND household_id IS NOT NULL AND moved_out_from IS NULL
      AND moved_out_to_unit_code IS NULL AND moved_out_at IS NULL)
    OR (status = 'moved_out' AND household_id IS NULL AND moved_out_from IS NOT NULL
      AND moved_out_at IS NOT NULL)
  );

ALTER TABLE household_change DROP CONSTRAINT household_change_kind_check;
ALTER TABLE household_change ADD CONSTRAINT household_change_kind_check CHECK (
  kind IN ('household_created', 'household_updated', 'member_added', 'member_updated',
    'member_deceased', 'member_moved_in', 'member_moved_out')
);
