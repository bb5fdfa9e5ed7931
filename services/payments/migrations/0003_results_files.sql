-- Payment files (tệp chi trả), payment results (kết quả chi trả) and their imports, and the
-- bank codes a bank transfer may name. Amounts are integer VND (bigint).

-- Bank codes (mã ngân hàng) a bank-transfer line may carry. Reference data, not law: every row
-- is tagged M (unverified) until checked against the State Bank's list.
CREATE TABLE bank_code (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{2,12}$'),
  name text NOT NULL,
  tag text NOT NULL CHECK (tag IN ('C', 'S', 'M'))
);

INSERT INTO bank_code (code, name, tag) VALUES
  ('VBSP', 'Ngân hàng Chính sách xã hội', 'M'),
  ('VBA', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn (Agribank)', 'M'),
  ('VCB', 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)', 'M'),
  ('BIDV', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', 'M'),
  ('CTG', 'Ngân hàng TMCP Công Thương Việt Nam (VietinBank)', 'M'),
  ('LPB', 'Ngân hàng TMCP Lộc Phát Việt Nam (LPBank)', 'M'),
  ('MB', 'Ngân hàng TMCP Quân đội', 'M'),
  ('TCB', 'Ngân hàng TMCP Kỹ thương Việt Nam (Techcombank)', 'M'),
  ('ACB', 'Ngân hàng TMCP Á Châu', 'M'),
  ('VPB', 'Ngân hàng TMCP Việt Nam Thịnh Vượng (VPBank)', 'M'),
  ('STB', 'Ngân hàng TMCP Sài Gòn Thương Tín (Sacombank)', 'M'),
  ('SHB', 'Ngân hàng TMCP Sài Gòn – Hà Nội', 'M'),
  ('HDB', 'Ngân hàng TMCP Phát triển TP. Hồ Chí Minh (HDBank)', 'M'),
  ('VIB', 'Ngân hàng TMCP Quốc tế Việt Nam', 'M'),
  ('TPB', 'Ngân hàng TMCP Tiên Phong (TPBank)', 'M'),
  ('MSB', 'Ngân hàng TMCP Hàng Hải Việt Nam', 'M'),
  ('OCB', 'Ngân hàng TMCP Phương Đông', 'M'),
  ('EIB', 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam (Eximbank)', 'M'),
  ('SEAB', 'Ngân hàng TMCP Đông Nam Á (SeABank)', 'M'),
  ('BAB', 'Ngân hàng TMCP Bắc Á', 'M');

-- The files of an approved or closed payroll as handed to the paying agents, kept byte for byte
-- once made (what was sent can be shown later): one CSV and one XLSX per channel with lines and
-- the checksum file. Made once, never changed. The detached signature of the checksum file is
-- made with the service's key when downloaded.
CREATE TABLE payment_file (
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  file_name text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('', 'cash_at_commune', 'post_office', 'bank_transfer')),
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'checksums')),
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  lines integer NOT NULL CHECK (lines >= 0),
  total_vnd bigint NOT NULL CHECK (total_vnd >= 0),
  content bytea NOT NULL,
  -- Order of listing: per channel CSV then XLSX, the checksum file last.
  position integer NOT NULL,
  made_at timestamptz NOT NULL,
  CHECK (octet_length(content) = size_bytes),
  PRIMARY KEY (payroll_id, file_name),
  UNIQUE (payroll_id, position)
);

-- The result of one line of a closed payroll: paid (đã chi trả, with the date), unpaid (chưa
-- chi trả, with the reason: owed again, carried over) or returned (hoàn trả by the agent, with
-- the reason). payroll_line.outcome mirrors it for the settlement rule; both are written in one
-- transaction.
CREATE TABLE payment_result (
  line_id uuid PRIMARY KEY REFERENCES payroll_line (id),
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  outcome text NOT NULL CHECK (outcome IN ('paid', 'unpaid', 'returned')),
  -- As reported; equal to the line's total when recorded (a difference is an exception).
  amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
  reason text NOT NULL DEFAULT '',
  paid_on date,
  -- console or import (then import_id names the file).
  source text NOT NULL CHECK (source IN ('console', 'import')),
  import_id uuid,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  CHECK ((outcome = 'paid') = (paid_on IS NOT NULL)),
  CHECK (outcome = 'paid' OR reason <> ''),
  CHECK ((source = 'import') = (import_id IS NOT NULL))
);

CREATE INDEX payment_result_payroll ON payment_result (payroll_id);

-- A result file of the paying agent. Idempotent per payroll and SHA-256: the same file again
-- returns the first import.
CREATE TABLE result_import (
  id uuid PRIMARY KEY,
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_size bigint NOT NULL CHECK (file_size >= 0),
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_rows')),
  status text NOT NULL CHECK (status IN ('done', 'rejected')),
  rows integer NOT NULL CHECK (rows >= 0),
  recorded integer NOT NULL CHECK (recorded >= 0),
  invalid_rows integer NOT NULL CHECK (invalid_rows >= 0),
  -- Why the whole file was refused (unreadable, wrong columns); empty otherwise.
  failure text NOT NULL DEFAULT '',
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  UNIQUE (payroll_id, file_sha256)
);

ALTER TABLE payment_result
  ADD CONSTRAINT payment_result_import FOREIGN KEY (import_id) REFERENCES result_import (id);

-- Problems found in a result file, one per row and column: the validation report.
CREATE TABLE result_import_issue (
  import_id uuid NOT NULL REFERENCES result_import (id),
  seq integer NOT NULL,
  row_no integer NOT NULL,
  column_key text NOT NULL,
  value text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- Every change of a result (nhật ký): the new values and the ones they replaced.
CREATE TABLE payment_result_change (
  seq bigserial PRIMARY KEY,
  line_id uuid NOT NULL REFERENCES payroll_line (id),
  payroll_id uuid NOT NULL REFERENCES payroll (id),
  outcome text NOT NULL,
  amount_vnd bigint NOT NULL,
  reason text NOT NULL,
  paid_on date,
  previous_outcome text NOT NULL,
  previous_reason text NOT NULL,
  previous_paid_on date,
  source text NOT NULL,
  import_id uuid,
  changed_by text NOT NULL,
  changed_unit text NOT NULL,
  changed_at timestamptz NOT NULL
);

CREATE INDEX payment_result_change_line ON payment_result_change (line_id, seq);
