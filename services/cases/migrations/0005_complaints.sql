-- Complaints and correction requests about data (phản ánh, kiến nghị về dữ liệu, R3.6): filed by
-- staff or by citizens through the edge, routed to the commune that manages the record,
-- answered within a time limit, then closed.

INSERT INTO citizen_service_time_limit (code, working_days, description, legal_source, tag) VALUES
  ('complaint_answer', 10,
   'Trả lời phản ánh, kiến nghị: the managing unit answers a complaint about data',
   'Assumed time limit for answering a request about personal data (not found in a retrieved text)', 'M');

CREATE TABLE complaint (
  id                      uuid PRIMARY KEY,
  tracking_code           text NOT NULL UNIQUE CHECK (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
  source                  text NOT NULL CHECK (source IN ('staff', 'citizen')),
  subject_kind            text NOT NULL CHECK (subject_kind IN ('case', 'household', 'online_application', 'other')),
  subject_id              uuid,
  -- The commune (2025 structure) that manages the record and must answer.
  managing_unit_code      text NOT NULL CHECK (managing_unit_code ~ '^[0-9]{5}$'),
  province_code           text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  complainant_name        text NOT NULL,
  complainant_citizen_id  text CHECK (complainant_citizen_id ~ '^[0-9]{12}$'),
  complainant_phone       text,
  content                 text NOT NULL,
  status                  text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  answer                  text,
  received_at             timestamptz NOT NULL,
  received_on             date NOT NULL,
  -- Deadline of the answer (citizen_service_time_limit 'complaint_answer').
  due_on                  date NOT NULL,
  answered_at             timestamptz,
  closed_at               timestamptz,
  source_digest           text NOT NULL CHECK (source_digest ~ '^[0-9a-f]{64}$'),
  filed_by                text NOT NULL,
  version                 integer NOT NULL CHECK (version >= 1),
  updated_at              timestamptz NOT NULL,
  CHECK ((status = 'open') = (answer IS NULL)),
  CHECK ((status = 'open') = (answered_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (source = 'staff' OR complainant_citizen_id IS NOT NULL),
  CHECK (subject_kind <> 'other' OR subject_id IS NULL)
);

CREATE INDEX complaint_unit ON complaint (managing_unit_code, received_at DESC, id DESC);
CREATE INDEX complaint_province ON complaint (province_code, received_at DESC, id DESC);
CREATE INDEX complaint_due ON complaint (due_on) WHERE status = 'open';

-- Every step with its actor and time: filed, answered, closed, rerouted (with both units).
-- Never updated, never deleted.
CREATE TABLE complaint_step (
  seq               bigserial PRIMARY KEY,
  complaint_id      uuid NOT NULL REFERENCES complaint (id),
  step              text NOT NULL CHECK (step IN ('filed', 'answered', 'closed', 'rerouted')),
  actor_id          text NOT NULL,
  actor_unit_code   text NOT NULL,
  at                timestamptz NOT NULL,
  from_unit_code    text,
  to_unit_code      text,
  note              text
);

CREATE INDEX complaint_step_complaint ON complaint_step (complaint_id, seq);
