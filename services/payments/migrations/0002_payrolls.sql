-- Monthly payrolls (danh sách chi trả): one per commune and month, generated from the
-- entitlement ledger by the settlement rule (README "Settlement rule"), regenerated while a
-- draft, approved, then closed. Lines carry their items (the months they settle and why) and the
-- outcome the paying agent reports (pending until a result is recorded). A closed month never
-- changes: the triggers below refuse any change to the lines, items, exceptions or totals of a
-- payroll that is no longer a draft, except the outcome of a line.

CREATE TABLE payroll (
  id uuid PRIMARY KEY,
  commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'closed')),
  generation integer NOT NULL CHECK (generation > 0),
  generated_at timestamptz NOT NULL,
  generated_by text NOT NULL,
  -- ledger_commune.changes when generated: approval is refused when the ledger moved on.
  ledger_changes bigint NOT NULL CHECK (ledger_changes >= 0),
  -- Digest of the outcomes of the commune's closed lines when generated: a result recorded or
  -- corrected since then also makes the draft stale.
  settlement_digest text NOT NULL,
  lines integer NOT NULL CHECK (lines >= 0),
  current_vnd bigint NOT NULL,
  arrears_vnd bigint NOT NULL CHECK (arrears_vnd >= 0),
  recovery_vnd bigint NOT NULL CHECK (recovery_vnd <= 0),
  carried_over_vnd bigint NOT NULL,
  total_vnd bigint NOT NULL CHECK (total_vnd >= 0),
  approved_by text,
  approved_at timestamptz,
  closed_by text,
  closed_at timestamptz,
  version integer NOT NULL CHECK (version > 0),
  CHECK (total_vnd = current_vnd + arrears_vnd + recovery_vnd + carried_over_vnd),
  CHECK ((status = 'draft') = (approved_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  UNIQUE (commune_code, month)
);

CREATE INDEX payroll_province_month ON payroll (province_code, month, commune_code);
CREATE INDEX payroll_month ON payroll (month, commune_code);

-- One line per case paid (người hưởng); its id is derived from the payroll and the case, so a
-- regenerated draft has the same line ids.
CREATE TABLE payroll_line (
  id uuid PRIMARY KEY,
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  case_id uuid NOT NULL,
  case_code text NOT NULL,
  full_name text NOT NULL,
  citizen_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('cash_at_commune', 'post_office', 'bank_transfer')),
  bank_code text NOT NULL,
  account_number text NOT NULL,
  total_vnd bigint NOT NULL CHECK (total_vnd >= 0),
  -- Kết quả chi trả, written by the results of the paying agent (pending until then).
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'paid', 'unpaid', 'returned')),
  outcome_reason text NOT NULL DEFAULT '',
  UNIQUE (payroll_id, case_id)
);

-- No further index: a commune's payroll has hundreds to a few thousand lines, which a page of
-- lines sorts in memory after UNIQUE (payroll_id, case_id) found them; every index here costs
-- each of a national month's million lines.

-- The months a line settles: current (the payroll's month), arrears (truy lĩnh), recovery (thu
-- hồi) or carried_over (unpaid earlier, paid now).
CREATE TABLE payroll_item (
  line_id uuid NOT NULL REFERENCES payroll_line (id),
  -- The line's payroll, copied by the INSERT … SELECT from the line (no second foreign key:
  -- the line's already ties it to the payroll).
  payroll_id uuid NOT NULL,
  case_id uuid NOT NULL,
  for_month date NOT NULL CHECK (extract(day FROM for_month) = 1),
  kind text NOT NULL CHECK (kind IN ('current', 'arrears', 'recovery', 'carried_over')),
  amount_vnd bigint NOT NULL CHECK (amount_vnd <> 0),
  CHECK (kind NOT IN ('current', 'arrears') OR amount_vnd > 0),
  CHECK (kind <> 'recovery' OR amount_vnd < 0),
  PRIMARY KEY (line_id, for_month, kind)
);

CREATE INDEX payroll_item_case ON payroll_item (case_id, for_month);
CREATE INDEX payroll_item_payroll ON payroll_item (payroll_id);

-- Cases listed without a line: negative_net, invalid_account, deceased_unsettled.
CREATE TABLE payroll_exception (
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  case_id uuid NOT NULL,
  case_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('negative_net', 'invalid_account', 'deceased_unsettled')),
  amount_vnd bigint NOT NULL,
  detail text NOT NULL,
  PRIMARY KEY (payroll_id, case_id)
);

-- Totals per payment channel (hình thức chi trả).
CREATE TABLE payroll_channel_total (
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  channel text NOT NULL CHECK (channel IN ('cash_at_commune', 'post_office', 'bank_transfer')),
  lines integer NOT NULL CHECK (lines >= 0),
  current_vnd bigint NOT NULL,
  arrears_vnd bigint NOT NULL,
  recovery_vnd bigint NOT NULL,
  carried_over_vnd bigint NOT NULL,
  total_vnd bigint NOT NULL,
  CHECK (total_vnd = current_vnd + arrears_vnd + recovery_vnd + carried_over_vnd),
  PRIMARY KEY (payroll_id, channel)
);

-- A closed payroll stays closed and is never deleted; an approved one is never deleted.
CREATE FUNCTION payroll_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'payroll % is %: it cannot be deleted', OLD.id, OLD.status
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'payroll % is closed: it cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER payroll_row_guard BEFORE UPDATE OR DELETE ON payroll
  FOR EACH ROW EXECUTE FUNCTION payroll_row_guard();

-- Rows of a payroll that is not a draft cannot be added, removed or changed (statement-level,
-- over the transition tables, so a generation of many lines pays one check per statement).
-- The outcome columns of lines are the exception: results are recorded on closed payrolls.
CREATE FUNCTION payroll_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  frozen uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT p.id INTO frozen FROM new_rows n JOIN payroll p ON p.id = n.payroll_id
     WHERE p.status <> 'draft' LIMIT 1;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT p.id INTO frozen FROM old_rows o JOIN payroll p ON p.id = o.payroll_id
     WHERE p.status <> 'draft' LIMIT 1;
  ELSIF TG_TABLE_NAME = 'payroll_line' THEN
    SELECT p.id INTO frozen
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN payroll p ON p.id = o.payroll_id
     WHERE p.status <> 'draft'
       AND (to_jsonb(o) - 'outcome' - 'outcome_reason') <> (to_jsonb(n) - 'outcome' - 'outcome_reason')
     LIMIT 1;
  ELSE
    SELECT p.id INTO frozen FROM old_rows o JOIN payroll p ON p.id = o.payroll_id
     WHERE p.status <> 'draft' LIMIT 1;
  END IF;
  IF frozen IS NOT NULL THEN
    RAISE EXCEPTION 'payroll % is no longer a draft: its % rows cannot change', frozen, TG_TABLE_NAME
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER payroll_line_insert AFTER INSERT ON payroll_line
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_line_update AFTER UPDATE ON payroll_line
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_line_delete AFTER DELETE ON payroll_line
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();

CREATE TRIGGER payroll_item_insert AFTER INSERT ON payroll_item
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_item_update AFTER UPDATE ON payroll_item
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_item_delete AFTER DELETE ON payroll_item
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();

CREATE TRIGGER payroll_exception_insert AFTER INSERT ON payroll_exception
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_exception_update AFTER UPDATE ON payroll_exception
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_exception_delete AFTER DELETE ON payroll_exception
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();

CREATE TRIGGER payroll_channel_total_insert AFTER INSERT ON payroll_channel_total
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_channel_total_update AFTER UPDATE ON payroll_channel_total
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
CREATE TRIGGER payroll_channel_total_delete AFTER DELETE ON payroll_channel_total
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payroll_part_guard();
