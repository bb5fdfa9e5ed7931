-- The entitlement ledger (sổ quyền hưởng): what each social-assistance case is owed month by
-- month, kept ONLY from topic posa.cases.events.v1. EntitlementChanged replaces the segments from
-- its from_month on and the payee; a termination because the person died records the month from
-- which nothing is paid. Months are stored as the first day of the month. The ledger holds no
-- timestamps of its own: replaying the topic into an empty ledger gives the same rows.

-- Per commune: how many ledger changes were applied. A payroll remembers the count it was
-- generated at; approval is refused when it moved on (the payroll is stale: regenerate first).
CREATE TABLE ledger_commune (
  commune_code text PRIMARY KEY CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  changes bigint NOT NULL DEFAULT 0 CHECK (changes >= 0)
);

-- One row per case known to the ledger, with the payee (người hưởng) of its latest change.
CREATE TABLE ledger_case (
  case_id uuid PRIMARY KEY,
  case_code text NOT NULL,
  kind text NOT NULL,
  commune_code text NOT NULL REFERENCES ledger_commune (commune_code),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  -- Sequence of the last EntitlementChanged applied; lower or equal ones are stale or replays.
  last_sequence bigint NOT NULL CHECK (last_sequence > 0),
  full_name text NOT NULL,
  citizen_id text NOT NULL,
  payment_channel text NOT NULL
    CHECK (payment_channel IN ('cash_at_commune', 'post_office', 'bank_transfer')),
  bank_code text NOT NULL DEFAULT '',
  account_number text NOT NULL DEFAULT '',
  -- Thôi hưởng vì chết: the termination's effective month; payrolls of this month and later
  -- list no line for the case.
  death_month date CHECK (death_month IS NULL OR extract(day FROM death_month) = 1)
);

CREATE INDEX ledger_case_commune ON ledger_case (commune_code, case_id);

-- Stretches of months with one monthly amount (mức hưởng = hệ số × mức chuẩn).
CREATE TABLE ledger_segment (
  case_id uuid NOT NULL REFERENCES ledger_case (case_id),
  from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
  -- Inclusive; NULL = open-ended.
  to_month date CHECK (to_month IS NULL OR (extract(day FROM to_month) = 1 AND to_month >= from_month)),
  amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
  coefficient_hundredths integer NOT NULL CHECK (coefficient_hundredths >= 0),
  base_level_vnd bigint NOT NULL CHECK (base_level_vnd >= 0),
  category_code text NOT NULL,
  decision_id text NOT NULL,
  PRIMARY KEY (case_id, from_month)
);

-- Every applied event, in the order applied (stale and replayed events are not kept).
CREATE TABLE ledger_change (
  event_id text PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES ledger_case (case_id),
  commune_code text NOT NULL,
  -- entitlement (EntitlementChanged) or death (CaseVaried: termination, ground deceased).
  change text NOT NULL CHECK (change IN ('entitlement', 'death')),
  sequence bigint CHECK ((change = 'entitlement') = (sequence IS NOT NULL)),
  from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
  decided_in_month date CHECK (decided_in_month IS NULL OR extract(day FROM decided_in_month) = 1)
);

CREATE INDEX ledger_change_case ON ledger_change (case_id);
