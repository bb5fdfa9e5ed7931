-- Villages (thôn, tổ dân phố) kept by the communes of the 2025 structure, and the audit
-- trail of changes made through the service.

CREATE TABLE village (
  code          text PRIMARY KEY CHECK (code ~ '^[0-9]{8}$'),  -- commune code + 3-digit number
  structure     text NOT NULL DEFAULT '2025' CHECK (structure = '2025'),
  commune_code  text NOT NULL,
  number        integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  name          text NOT NULL,
  name_key      text NOT NULL,                  -- lower case, single spaces: one name per commune
  kind          text NOT NULL CHECK (kind IN ('rural', 'urban')),
  province_code text NOT NULL,                  -- satellite row filters
  created_by    text NOT NULL,                  -- account id, never a name
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commune_code, number),
  CONSTRAINT village_name_unique UNIQUE (commune_code, name_key),
  FOREIGN KEY (structure, commune_code) REFERENCES unit (structure, code),
  CHECK (code = commune_code || lpad(number::text, 3, '0'))
);

CREATE TABLE audit_log (
  id              bigserial PRIMARY KEY,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  actor_id        text NOT NULL,                -- account id of the caller
  actor_unit_code text NOT NULL,
  action          text NOT NULL,                -- e.g. village.create
  target_type     text NOT NULL,
  target_id       text NOT NULL,
  unit_code       text NOT NULL,                -- the unit whose data changed
  province_code   text NOT NULL,
  source_address  text NOT NULL,
  before          jsonb,
  after           jsonb
);

CREATE INDEX audit_log_target ON audit_log (target_type, target_id, occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
