-- The citizen online service (dịch vụ công trực tuyến, R3.4): applications filed by citizens
-- through the public pages of the edge, their attachments, and the officers' steps on them.
-- Citizens declare facts only; categories, coefficients and amounts are decided in the case.

-- Time limits of the citizen-facing services in working days (ngày làm việc). Configuration
-- data with its source and tag ('C' confirmed, 'S' secondary, 'M' recalled or inferred): an
-- administrator corrects a row; code never holds these numbers.
CREATE TABLE citizen_service_time_limit (
  code          text PRIMARY KEY,
  working_days  integer NOT NULL CHECK (working_days BETWEEN 0 AND 365),
  description   text NOT NULL,
  legal_source  text NOT NULL,
  tag           text NOT NULL CHECK (tag IN ('C', 'S', 'M'))
);

INSERT INTO citizen_service_time_limit (code, working_days, description, legal_source, tag) VALUES
  ('online_acceptance', 3,
   'Tiếp nhận hồ sơ trực tuyến: the commune accepts or declines an online application',
   'Assumed one-stop practice for receiving online dossiers (not found in a retrieved text)', 'M');

CREATE TABLE online_application (
  id                      uuid PRIMARY KEY,
  -- Mã tra cứu: 10 characters of Crockford base32, random.
  tracking_code           text NOT NULL UNIQUE CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  kind                    text NOT NULL CHECK (kind IN ('monthly_allowance', 'care_support')),
  status                  text NOT NULL CHECK (status IN ('received', 'accepted', 'declined')),
  commune_code            text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  province_code           text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  full_name               text NOT NULL,
  birth_year              integer NOT NULL,
  birth_month             integer CHECK (birth_month BETWEEN 1 AND 12),
  birth_day               integer CHECK (birth_day BETWEEN 1 AND 31),
  sex                     text NOT NULL CHECK (sex IN ('male', 'female')),
  citizen_id              text NOT NULL CHECK (citizen_id ~ '^[0-9]{12}$'),
  phone                   text NOT NULL,
  email                   text,
  street_address          text NOT NULL,
  filed_by_name           text,
  filed_by_relation       text,
  circumstances           text NOT NULL,
  suggested_category_code text,
  payment_channel         text NOT NULL CHECK (payment_channel IN ('cash_at_commune', 'post_office', 'bank_transfer')),
  bank_code               text,
  account_number          text CHECK (account_number ~ '^[0-9]{6,19}$'),
  -- SHA-256 of the address the request came from: counts submissions per source for the
  -- abuse limit without keeping the address itself.
  source_digest           text NOT NULL CHECK (source_digest ~ '^[0-9a-f]{64}$'),
  received_at             timestamptz NOT NULL,
  received_on             date NOT NULL,
  -- Deadline to accept or decline (citizen_service_time_limit 'online_acceptance').
  due_on                  date NOT NULL,
  case_id                 uuid REFERENCES social_case (id),
  decline_reason          text,
  decided_by              text,
  decided_at              timestamptz,
  updated_at              timestamptz NOT NULL,
  CHECK ((payment_channel = 'bank_transfer') = (bank_code IS NOT NULL AND account_number IS NOT NULL)),
  CHECK (birth_day IS NULL OR birth_month IS NOT NULL),
  CHECK ((status = 'accepted') = (case_id IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'received') = (decided_at IS NULL))
);

CREATE UNIQUE INDEX online_application_case ON online_application (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX online_application_commune ON online_application (commune_code, received_at DESC, id DESC);
CREATE INDEX online_application_province ON online_application (province_code, received_at DESC, id DESC);
CREATE INDEX online_application_citizen ON online_application (citizen_id, received_at);
CREATE INDEX online_application_source ON online_application (source_digest, received_at);

-- Attachment metadata. Only files the scanner found clean are ever stored (an infected file
-- refuses the whole submission); the status column keeps the outcome for each file.
CREATE TABLE online_attachment (
  id              uuid PRIMARY KEY,
  application_id  uuid NOT NULL REFERENCES online_application (id),
  position        integer NOT NULL CHECK (position BETWEEN 0 AND 9),
  file_name       text NOT NULL,
  media_type      text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes      integer NOT NULL CHECK (size_bytes > 0),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  scan_status     text NOT NULL CHECK (scan_status IN ('pending', 'clean', 'infected', 'failed')),
  scanner         text NOT NULL,
  UNIQUE (application_id, position)
);

-- The bytes, apart from the metadata so lists never read them.
CREATE TABLE online_attachment_content (
  attachment_id  uuid PRIMARY KEY REFERENCES online_attachment (id),
  content        bytea NOT NULL
);

-- Every step with its actor and time: received (by the edge's service account), accepted,
-- declined, attachment_read (an officer opened a file). Never updated, never deleted.
CREATE TABLE online_application_step (
  seq              bigserial PRIMARY KEY,
  application_id   uuid NOT NULL REFERENCES online_application (id),
  step             text NOT NULL CHECK (step IN ('received', 'accepted', 'declined', 'attachment_read')),
  actor_id         text NOT NULL,
  actor_unit_code  text NOT NULL,
  at               timestamptz NOT NULL,
  note             text
);

CREATE INDEX online_application_step_application ON online_application_step (application_id, seq);
