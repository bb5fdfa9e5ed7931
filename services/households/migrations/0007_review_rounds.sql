-- Annual review of poor and near-poor households (rà soát hộ nghèo, hộ cận nghèo): the
-- procedure as dated configuration, review rounds per commune and year, form 01 / 04 requests,
-- the household list, assessments, village meetings, and the yearly classification that a
-- recognised round gives each assessed household. Unit codes are of the 2025 structure.

-- The review procedure in force on a date. The rule in force on the day a round starts governs
-- that round to its end. Values tagged 'M' are unverified: an administrator corrects them with
-- an UPDATE and sets the tag to 'C'.
CREATE TABLE review_procedure (
  code                          text PRIMARY KEY,
  valid_from                    date NOT NULL,
  valid_to                      date,          -- inclusive; null while open-ended
  -- Step 5: the district chair's opinion (ý kiến Chủ tịch UBND cấp huyện) before the decision.
  needs_district_opinion        boolean NOT NULL,
  -- Periodic review window (rà soát định kỳ), month and day, inclusive.
  periodic_from_month           integer NOT NULL CHECK (periodic_from_month BETWEEN 1 AND 12),
  periodic_from_day             integer NOT NULL CHECK (periodic_from_day BETWEEN 1 AND 31),
  periodic_to_month             integer NOT NULL CHECK (periodic_to_month BETWEEN 1 AND 12),
  periodic_to_day               integer NOT NULL CHECK (periodic_to_day BETWEEN 1 AND 31),
  -- Regular (monthly) review: decided within this many days of its start.
  monthly_decision_days         integer NOT NULL CHECK (monthly_decision_days > 0),
  -- Village meeting (họp dân): share of attendees that must agree, in percent.
  meeting_min_agreement_percent integer NOT NULL CHECK (meeting_min_agreement_percent BETWEEN 1 AND 100),
  -- Public posting (niêm yết công khai): working days (Mon–Fri) at least.
  posting_min_working_days      integer NOT NULL CHECK (posting_min_working_days >= 1),
  posting_confidence            text NOT NULL CHECK (posting_confidence IN ('C', 'S', 'M')),
  legal_basis                   text NOT NULL,
  confidence                    text NOT NULL CHECK (confidence IN ('C', 'S', 'M')),
  source_note                   text NOT NULL,
  CHECK (valid_to IS NULL OR valid_from <= valid_to),
  EXCLUDE USING gist (daterange(valid_from, valid_to, '[]') WITH &&)
);

INSERT INTO review_procedure
  (code, valid_from, valid_to, needs_district_opinion, periodic_from_month, periodic_from_day,
   periodic_to_month, periodic_to_day, monthly_decision_days, meeting_min_agreement_percent,
   posting_min_working_days, posting_confidence, legal_basis, confidence, source_note) VALUES
  ('qd-24-2021', '2021-09-01', '2025-06-30', true, 9, 1, 12, 14, 15, 50, 3, 'M',
   'Quyết định 24/2021/QĐ-TTg, Điều 4 và Điều 5', 'C',
   'district chair''s opinion, then the commune chair''s decision; 3 working days of posting '
   'is unverified'),
  ('two-tier-2025', '2025-07-01', NULL, false, 9, 1, 12, 14, 15, 50, 3, 'M',
   'chính quyền địa phương hai cấp từ 01/7/2025', 'M',
   'districts dissolved: the commune chair decides alone (expected; no new procedure decision '
   'retrieved); 3 working days of posting is unverified');

-- A review round of one commune: periodic (once a year) or monthly (on a form 04 request).
CREATE TABLE review_round (
  id                    uuid PRIMARY KEY,
  commune_code          text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  year                  integer NOT NULL CHECK (year BETWEEN 2016 AND 2100),
  kind                  text NOT NULL CHECK (kind IN ('periodic', 'monthly')),
  started_on            date NOT NULL,
  -- Monthly rounds: the last day for the decision.
  deadline              date,
  standard_code         text NOT NULL REFERENCES poverty_standard (code),
  procedure_code        text NOT NULL REFERENCES review_procedure (code),
  status                text NOT NULL CHECK (status IN ('open', 'posted', 'recognized')),
  posted_from           date,
  posted_to             date,
  district_code         text CHECK (district_code ~ '^[0-9]{3}$'),
  district_opinion_on   date,
  district_document     text,
  district_opinion      text,
  district_opinion_by   text,
  decision_number       text,
  decided_on            date,
  decision_signer       text,
  decided_by            text,
  opened_by             text NOT NULL,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK ((kind = 'monthly') = (deadline IS NOT NULL)),
  CHECK ((posted_from IS NULL) = (posted_to IS NULL)),
  CHECK ((status = 'recognized') = (decided_on IS NOT NULL))
);

-- One periodic round per commune and year.
CREATE UNIQUE INDEX review_round_periodic ON review_round (commune_code, year)
  WHERE kind = 'periodic';
CREATE INDEX review_round_province ON review_round (province_code, year);

-- Requests of households: form 01 (đề nghị rà soát, periodic) and form 04 (monthly review).
-- A pending request (round_id null) is pulled into the next round of its kind.
CREATE TABLE review_request (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES household (id),
  commune_code  text NOT NULL,
  year          integer NOT NULL,
  form          text NOT NULL CHECK (form IN ('01', '04')),
  received_on   date NOT NULL,
  note          text NOT NULL,
  recorded_by   text NOT NULL,
  round_id      uuid REFERENCES review_round (id),
  created_at    timestamptz NOT NULL
);

CREATE INDEX review_request_pending ON review_request (commune_code, year, form)
  WHERE round_id IS NULL;

-- The round's household list: why each household is on it.
CREATE TABLE review_round_household (
  round_id      uuid NOT NULL REFERENCES review_round (id),
  household_id  uuid NOT NULL REFERENCES household (id),
  source        text NOT NULL CHECK (source IN ('current_list', 'form_01', 'form_04', 'added')),
  reason        text NOT NULL,
  added_by      text NOT NULL,
  added_at      timestamptz NOT NULL,
  PRIMARY KEY (round_id, household_id)
);

-- One assessment per listed household (chấm điểm, phân loại); re-recorded while the round is open.
CREATE TABLE review_assessment (
  round_id           uuid NOT NULL,
  household_id       uuid NOT NULL,
  income_per_person  bigint NOT NULL CHECK (income_per_person >= 0),
  deprived           text[] NOT NULL,
  classification     text NOT NULL
    CHECK (classification IN ('poor', 'near_poor', 'average_living', 'not_poor')),
  rule               text NOT NULL,
  standard_code      text NOT NULL REFERENCES poverty_standard (code),
  assessed_by        text NOT NULL,
  assessed_at        timestamptz NOT NULL,
  PRIMARY KEY (round_id, household_id),
  FOREIGN KEY (round_id, household_id) REFERENCES review_round_household (round_id, household_id)
);

-- Village meetings (họp dân) that agreed the results; one per village of the round.
CREATE TABLE review_meeting (
  round_id      uuid NOT NULL REFERENCES review_round (id),
  village_code  text NOT NULL,
  held_on       date NOT NULL,
  attendees     integer NOT NULL CHECK (attendees > 0),
  agreed        integer NOT NULL CHECK (agreed >= 0 AND agreed <= attendees),
  recorded_by   text NOT NULL,
  PRIMARY KEY (round_id, village_code)
);

-- The recognised classification of a household for a year: one per household and year.
CREATE TABLE household_classification (
  household_id    uuid NOT NULL REFERENCES household (id),
  year            integer NOT NULL,
  classification  text NOT NULL
    CHECK (classification IN ('poor', 'near_poor', 'average_living', 'not_poor')),
  standard_code   text NOT NULL REFERENCES poverty_standard (code),
  round_id        uuid NOT NULL REFERENCES review_round (id),
  decided_on      date NOT NULL,
  PRIMARY KEY (household_id, year)
);

CREATE INDEX household_classification_round ON household_classification (round_id);
