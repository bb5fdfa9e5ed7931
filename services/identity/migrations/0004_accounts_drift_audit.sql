-- Staff accounts, their roles, drift reports against the identity provider, the jurisdiction
-- columns of the audit trail, and the credential store of the embedded identity provider.

CREATE TABLE account (
  id                      uuid PRIMARY KEY,
  username                text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name            text NOT NULL,
  unit_code               text NOT NULL,      -- "VN" for the national level
  unit_structure          text CHECK (unit_structure IN ('2024', '2025')),  -- null for "VN"
  unit_path               text COLLATE "C" NOT NULL,  -- '' for "VN", else the unit's path
  province_code           text,               -- province of the unit in its structure
  tier                    text NOT NULL REFERENCES tier (code),
  national_domain         text CHECK (national_domain IN ('social_assistance', 'poverty_reduction')),
  status                  text NOT NULL CHECK (status IN ('pending', 'active', 'locked')),
  password_reset_required boolean NOT NULL DEFAULT true,
  lock_reason             text,
  subject                 text UNIQUE,        -- the provider's user id (token `sub`)
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 1,
  CHECK ((unit_code = 'VN') = (unit_structure IS NULL)),
  CHECK (status = 'pending' OR subject IS NOT NULL),
  FOREIGN KEY (unit_structure, unit_code) REFERENCES unit (structure, code)
);

CREATE INDEX account_unit_path ON account (unit_structure, unit_path, username);
CREATE INDEX account_province ON account (unit_structure, province_code);

CREATE TABLE account_role (
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role       text NOT NULL REFERENCES role (code),
  PRIMARY KEY (account_id, role)
);

CREATE INDEX account_role_role ON account_role (role, account_id);

CREATE TABLE drift_report (
  id             bigserial PRIMARY KEY,
  account_id     uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('missing_in_provider', 'enabled_mismatch',
                   'roles_mismatch', 'unit_mismatch', 'provisioning_incomplete')),
  expected       jsonb NOT NULL,
  actual         jsonb NOT NULL,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at    timestamptz
);

-- At most one open report per account and kind: later runs refresh it.
CREATE UNIQUE INDEX drift_report_open ON drift_report (account_id, kind) WHERE resolved_at IS NULL;

-- Jurisdiction of audit entries: the structure and path of the subject unit.
ALTER TABLE audit_log ADD COLUMN unit_structure text CHECK (unit_structure IN ('2024', '2025'));
ALTER TABLE audit_log ADD COLUMN unit_path text COLLATE "C";
UPDATE audit_log a SET unit_structure = '2025', unit_path = u.path
  FROM unit u WHERE u.structure = '2025' AND u.code = a.unit_code;
UPDATE audit_log SET unit_path = '' WHERE unit_path IS NULL;
ALTER TABLE audit_log ALTER COLUMN unit_path SET NOT NULL;
CREATE INDEX audit_log_time ON audit_log (occurred_at DESC, id DESC);

-- Credentials kept by identity itself for the embedded (development) identity provider:
-- scrypt hashes; session_epoch is raised to revoke every session issued before.
CREATE TABLE local_credential (
  subject            uuid PRIMARY KEY,
  username           text NOT NULL UNIQUE,
  enabled            boolean NOT NULL DEFAULT true,
  unit_code          text NOT NULL,
  roles              text[] NOT NULL DEFAULT '{}',
  first_name         text NOT NULL,
  last_name          text NOT NULL,
  password_hash      text,                  -- scrypt$N$r$p$salt$hash (base64url)
  password_temporary boolean NOT NULL DEFAULT true,
  session_epoch      integer NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
